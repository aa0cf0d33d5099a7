using static Portal.Domain.Salary.SalaryText;

namespace Portal.Domain.Salary;

/// <summary>An allowance paid as a percentage of (coefficient + position allowance + PCTNVK coefficient) × base salary.</summary>
public sealed record PercentAllowance(decimal Percent, Reason Why);

/// <summary>An allowance paid as a coefficient × base salary.</summary>
public sealed record CoefficientAllowance(decimal Coefficient, Reason Why);

/// <summary>
/// Phụ cấp thâm niên nhà giáo on a day: the months counted, the percentage, and when and to what it changes next if no
/// further non-counted time comes.
/// </summary>
public sealed record TeacherSeniority(int MonthsCounted, decimal Percent, DateOnly? NextChangeOn, decimal? NextPercent, IReadOnlyList<Reason> Reasons);

/// <summary>The teacher allowances of REGULATIONS §3.3; every rate is a dated parameter.</summary>
public static class TeacherAllowances
{
    /// <summary>
    /// Phụ cấp ưu đãi theo nghề (QĐ 244/2005/QĐ-TTg; TTLT 01/2006/TTLT-BGDĐT-BNV-BTC; TTLT 06/2007 for the 70% areas): the
    /// rate for the school's level and area, for those who teach; null if the person does not teach or no rate is in force.
    /// </summary>
    public static PercentAllowance? Preferential(TeachingFacts t, SalaryLaw law, DateOnly on)
    {
        if (!t.Teaches) return null;
        var p = law.Find(SalaryCodes.Preferential(t.Level, t.Area), on);
        return p is null ? null
            : new(p.Value, new($"Phụ cấp ưu đãi theo nghề {Percent(p.Value)}: trực tiếp giảng dạy, trường {Of(t.Level)}, {Of(t.Area)}.", p.LegalSource));
    }

    /// <summary>
    /// Phụ cấp thâm niên nhà giáo (Nghị định 77/2021/NĐ-CP): counted from the start of compulsory social insurance while
    /// teaching, less the time that does not count — probation, unpaid personal leave of
    /// <c>teacher-seniority.unpaid-leave-min-days</c> or more continuous days, suspension, detention, study or secondment
    /// beyond the authorised term, and other time not working (desertion, waiting for the retirement age). Nothing before
    /// <c>teacher-seniority.first-months</c> full months; then the first percentage, plus the yearly one per further
    /// full 12 months.
    /// </summary>
    /// <remarks>
    /// Non-counted days move the start later, day for day, and months are then whole months from the moved start:
    /// from 01/09/2020 with 45 days of unpaid leave, 60 months are reached on 16/10/2025, not 01/09/2025. Sickness and
    /// maternity leave beyond the social-insurance limits also do not count, but the facts do not say which leave exceeded
    /// them, so that is not deducted. Contiguous unpaid leaves count as one continuous leave.
    /// </remarks>
    public static TeacherSeniority Seniority(TeachingFacts t, IReadOnlyList<AbsencePeriod> absences, SalaryLaw law, DateOnly on)
    {
        if (!t.Teaches) return new(0, 0, null, null, [new("Không trực tiếp giảng dạy: không hưởng phụ cấp thâm niên nhà giáo.")]);
        if (t.InsuredTeachingSince is not { } since)
            return new(0, 0, null, null, [new("Chưa có ngày bắt đầu đóng bảo hiểm xã hội bắt buộc khi giảng dạy: chưa tính được phụ cấp thâm niên nhà giáo.")]);

        var first = law.Get(SalaryCodes.TeacherSeniorityFirstMonths, on);
        var firstPercent = law.Get(SalaryCodes.TeacherSeniorityFirstPercent, on);
        var yearly = law.Get(SalaryCodes.TeacherSeniorityYearlyPercent, on);
        var minDays = law.Get(SalaryCodes.TeacherSeniorityUnpaidLeaveMinDays, on);
        var reasons = new List<Reason> { new($"Đóng bảo hiểm xã hội bắt buộc khi giảng dạy từ {Date(since)}.", first.LegalSource) };

        var gaps = new List<(DateOnly From, DateOnly To, string Label)>();
        foreach (var leave in UnpaidLeaves(absences))
        {
            var length = leave.To.DayNumber - leave.From.DayNumber + 1;
            if (leave.To < since || leave.From > on) continue;
            if (length >= (int)minDays.Value) gaps.Add((leave.From, leave.To, SalaryText.Of(AbsenceKind.UnpaidLeave)));
            else reasons.Add(new($"Nghỉ việc riêng không hưởng lương {Period(leave.From, leave.To)} ({length} ngày, dưới {(int)minDays.Value} ngày liên tục): vẫn được tính.",
                minDays.LegalSource));
        }
        foreach (var a in absences.Where(a => NotCounted(a.Kind) && a.To >= since && a.From <= on))
            gaps.Add((a.From, a.To, SalaryText.Of(a.Kind)));

        var days = 0;
        var covered = since.AddDays(-1);
        foreach (var gap in gaps.OrderBy(g => g.From))
        {
            var from = gap.From > covered ? gap.From : covered.AddDays(1);
            var to = gap.To < on ? gap.To : on;
            if (from > to) continue;
            var n = to.DayNumber - from.DayNumber + 1;
            days += n;
            covered = to;
            reasons.Add(new($"Không tính {n} ngày {gap.Label} {Period(gap.From, gap.To)}.", first.LegalSource));
        }

        var start = since.AddDays(days);
        var months = Math.Max(0, FullMonths(start, on));
        var firstMonths = (int)first.Value;
        decimal PercentAt(int m) => m < firstMonths ? 0 : firstPercent.Value + yearly.Value * ((m - firstMonths) / 12);
        var percent = PercentAt(months);
        var nextMonths = months < firstMonths ? firstMonths : firstMonths + 12 * ((months - firstMonths) / 12 + 1);
        var nextOn = start.AddMonths(nextMonths);

        reasons.Add(percent == 0
            ? new($"Đến {Date(on)} tính được {YearsAndMonths(months)}, chưa đủ {firstMonths} tháng: chưa hưởng.", first.LegalSource)
            : new($"Đến {Date(on)} tính được {YearsAndMonths(months)} ({months} tháng): hưởng {Percent(percent)}.", yearly.LegalSource));
        reasons.Add(new($"Từ {Date(nextOn)} hưởng {Percent(PercentAt(nextMonths))} nếu không có thêm thời gian không được tính.",
            percent == 0 ? firstPercent.LegalSource : yearly.LegalSource));
        return new(months, percent, nextOn, PercentAt(nextMonths), reasons);
    }

    /// <summary>
    /// Phụ cấp chức vụ lãnh đạo (Thông tư 33/2005/TT-BGDĐT): the coefficient for the post at the school's level and hạng;
    /// null without a post or hạng, or when no coefficient is in force (a preschool has no hạng III).
    /// </summary>
    public static CoefficientAllowance? Position(TeachingFacts t, SalaryLaw law, DateOnly on)
    {
        if (t.Post is not { } post || t.SchoolClass is not { } schoolClass) return null;
        var p = law.Find(SalaryCodes.Position(t.Level, post, schoolClass), on);
        return p is null ? null
            : new(p.Value, new($"Phụ cấp chức vụ {Of(post)} trường {Of(t.Level)} hạng {Roman(schoolClass)}: hệ số {Coefficient(p.Value)}.", p.LegalSource));
    }

    private static bool NotCounted(AbsenceKind kind) => kind is AbsenceKind.Probation or AbsenceKind.Suspension or AbsenceKind.Detention
        or AbsenceKind.StudyBeyondTerm or AbsenceKind.Desertion or AbsenceKind.WaitingForRetirement or AbsenceKind.OtherNonWorking;

    /// <summary>Unpaid leaves, touching or overlapping ones joined into one continuous leave.</summary>
    private static List<(DateOnly From, DateOnly To)> UnpaidLeaves(IReadOnlyList<AbsencePeriod> absences)
    {
        var joined = new List<(DateOnly From, DateOnly To)>();
        foreach (var a in absences.Where(a => a.Kind == AbsenceKind.UnpaidLeave).OrderBy(a => a.From))
        {
            if (joined.Count > 0 && a.From <= joined[^1].To.AddDays(1))
                joined[^1] = (joined[^1].From, a.To > joined[^1].To ? a.To : joined[^1].To);
            else joined.Add((a.From, a.To));
        }
        return joined;
    }

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}
