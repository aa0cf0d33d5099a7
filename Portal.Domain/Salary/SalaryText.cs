using System.Globalization;
using Portal.Domain.Staff.History;

namespace Portal.Domain.Salary;

/// <summary>
/// How the salary explanations write dates, numbers and the office's terms: dd/MM/yyyy, "4,98", "2.530.000", "35%".
/// The separators are set here rather than taken from the vi-VN culture so an explanation reads the same whatever ICU
/// data the server has.
/// </summary>
internal static class SalaryText
{
    private static readonly NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string MonthYear(DateOnly date) => date.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A coefficient with at least two decimals: 3,00; 0,40; 0,249.</summary>
    public static string Coefficient(decimal value) => value.ToString("0.00##", Vietnamese);

    public static string Money(decimal vnd) => vnd.ToString("#,##0", Vietnamese);

    public static string Percent(decimal value) => value.ToString("0.##", Vietnamese) + "%";

    public static string Decision(string? number) => string.IsNullOrWhiteSpace(number) ? "" : $" theo QĐ số {number.Trim()}";

    public static string Numbered(string? number) => string.IsNullOrWhiteSpace(number) ? "" : $" số {number.Trim()}";

    public static string Period(DateOnly from, DateOnly to) => $"{Date(from)}–{Date(to)}";

    public static string YearsAndMonths(int months) =>
        months < 12 ? $"{months} tháng" : months % 12 == 0 ? $"{months / 12} năm" : $"{months / 12} năm {months % 12} tháng";

    public static string Of(DisciplineForm form) => form switch
    {
        DisciplineForm.Reprimand => "khiển trách",
        DisciplineForm.Warning => "cảnh cáo",
        DisciplineForm.SalaryStepDemotion => "hạ bậc lương",
        DisciplineForm.Demotion => "giáng chức",
        DisciplineForm.RemovalFromOffice => "cách chức",
        _ => "buộc thôi việc",
    };

    public static string Of(AbsenceKind kind) => kind switch
    {
        AbsenceKind.UnpaidLeave => "nghỉ việc riêng không hưởng lương",
        AbsenceKind.Suspension => "tạm đình chỉ công tác",
        AbsenceKind.Detention => "bị tạm giữ, tạm giam",
        AbsenceKind.StudyBeyondTerm => "đi học, công tác quá thời hạn được cử",
        AbsenceKind.SicknessLeave => "nghỉ ốm",
        AbsenceKind.Maternity => "nghỉ thai sản",
        AbsenceKind.Secondment => "biệt phái, đi học được cử",
        AbsenceKind.MilitaryService => "nghĩa vụ quân sự",
        AbsenceKind.Desertion => "đào ngũ",
        AbsenceKind.SuspendedSentenceProbation => "thời gian thử thách án treo",
        AbsenceKind.WaitingForRetirement => "nghỉ chờ đủ tuổi nghỉ hưu",
        AbsenceKind.OtherNonWorking => "thời gian không làm việc khác",
        _ => "tập sự",
    };

    public static string Of(SchoolLevel level) => level switch
    {
        SchoolLevel.Preschool => "mầm non",
        SchoolLevel.Primary => "tiểu học",
        SchoolLevel.LowerSecondary => "trung học cơ sở",
        _ => "trung học phổ thông",
    };

    public static string Of(SchoolArea area) => area switch
    {
        SchoolArea.Urban => "đồng bằng, thành phố, thị xã",
        SchoolArea.Mountain => "miền núi, hải đảo, vùng sâu, vùng xa",
        _ => "vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn",
    };

    public static string Of(LeadershipPost post) => post == LeadershipPost.Principal ? "hiệu trưởng" : "phó hiệu trưởng";

    /// <summary>The whole months from <paramref name="from"/> to <paramref name="to"/>: the largest m with from + m months ≤ to.</summary>
    public static int FullMonths(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }
}
