using Portal.Domain.Law;
using Portal.Domain.Reference;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;

namespace Portal.Tests.Domain.Salary;

/// <summary>
/// The numbers the salary tests run on, as test data: the values of REGULATIONS §2–§4 with dates chosen for the tests.
/// The discipline extensions start on 15/08/2021 (TT 03/2021) so that an earlier event shows the missing-parameter path.
/// </summary>
internal static class TestLaw
{
    public const string ScaleSource = "NĐ 204/2004/NĐ-CP Bảng 3 (test)";
    public const string ReprimandSource = "TT 03/2021/TT-BNV, khiển trách (test)";
    public const string FirstPercentSource = "NĐ 204/2004/NĐ-CP, PCTNVK 5% (test)";
    public const string PreferentialSource = "TTLT 01/2006 (test)";
    public const string PositionSource = "TT 33/2005/TT-BGDĐT (test)";

    private static readonly DateOnly Always = new(2000, 1, 1);
    private static readonly DateOnly Tt03 = new(2021, 8, 15);

    public static readonly SalaryLaw Law = new(Parameters(), Scale());

    private static List<LegalParameter> Parameters() =>
    [
        P(SalaryCodes.BaseSalary, 1_490_000, new(2019, 7, 1), new(2023, 6, 30), "NĐ 38/2019/NĐ-CP (test)"),
        P(SalaryCodes.BaseSalary, 1_800_000, new(2023, 7, 1), new(2024, 6, 30), "NĐ 24/2023/NĐ-CP (test)"),
        P(SalaryCodes.BaseSalary, 2_340_000, new(2024, 7, 1), new(2026, 6, 30), "NĐ 73/2024/NĐ-CP (test)"),
        P(SalaryCodes.BaseSalary, 2_530_000, new(2026, 7, 1), null, "NĐ 161/2026/NĐ-CP (test)"),

        P(SalaryCodes.ExtensionReprimand, 3, Tt03, null, ReprimandSource),
        P(SalaryCodes.ExtensionWarning, 6, Tt03, null, "TT 03/2021/TT-BNV, cảnh cáo (test)"),
        P(SalaryCodes.ExtensionDemotion, 12, Tt03, null, "TT 03/2021/TT-BNV, giáng chức, cách chức (test)"),
        P(SalaryCodes.ExtensionNotCompletedYear, 6, Tt03, null, "TT 03/2021/TT-BNV, không hoàn thành nhiệm vụ (test)"),
        P(SalaryCodes.SicknessCountedMonths, 6, Always, null, "TT 08/2013/TT-BNV, nghỉ ốm (test)"),

        P(SalaryCodes.BeyondFrameFirstPercent, 5, Always, null, FirstPercentSource),
        P(SalaryCodes.BeyondFrameYearlyPercent, 1, Always, null, "NĐ 204/2004/NĐ-CP, PCTNVK +1% (test)"),
        P(SalaryCodes.BeyondFrameStepMonths, 12, Always, null, "NĐ 204/2004/NĐ-CP, PCTNVK 12 tháng (test)"),

        P(SalaryCodes.EarlyMaxMonths, 12, Always, null, "TT 08/2013/TT-BNV Điều 3, tối đa (test)"),
        P(SalaryCodes.EarlyWindowMonths, 12, Always, null, "TT 08/2013/TT-BNV Điều 3, còn thiếu (test)"),
        P(SalaryCodes.EarlyLookBackYearsLong, 6, Always, null, "TT 03/2021/TT-BNV, 6 năm (test)"),
        P(SalaryCodes.EarlyLookBackYearsShort, 4, Always, null, "TT 03/2021/TT-BNV, 4 năm (test)"),
        P(SalaryCodes.EarlyQuotaPerPeople, 10, Always, null, "TT 03/2021/TT-BNV, chỉ tiêu (test)"),
        P(SalaryCodes.RetirementEarlyMonths, 12, Always, null, "TT 08/2013/TT-BNV Điều 3 khoản 2 (test)"),

        P("retirement.male.from-year", 2021, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.male.base-months", 723, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.male.step-months", 3, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.male.cap-months", 744, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.male.previous-months", 720, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.female.from-year", 2021, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.female.base-months", 664, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.female.step-months", 4, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.female.cap-months", 720, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),
        P("retirement.female.previous-months", 660, new(2021, 1, 1), null, "NĐ 135/2020/NĐ-CP (test)"),

        P(SalaryCodes.TeacherSeniorityFirstMonths, 60, Always, null, "NĐ 77/2021/NĐ-CP, 5 năm (test)"),
        P(SalaryCodes.TeacherSeniorityFirstPercent, 5, Always, null, "NĐ 77/2021/NĐ-CP, 5% (test)"),
        P(SalaryCodes.TeacherSeniorityYearlyPercent, 1, Always, null, "NĐ 77/2021/NĐ-CP, +1% (test)"),
        P(SalaryCodes.TeacherSeniorityUnpaidLeaveMinDays, 30, Always, null, "NĐ 77/2021/NĐ-CP, 1 tháng liên tục (test)"),

        P(SalaryCodes.Preferential(SchoolLevel.Primary, SchoolArea.Urban), 35, Always, null, PreferentialSource),
        P(SalaryCodes.Preferential(SchoolLevel.Primary, SchoolArea.Mountain), 50, Always, null, PreferentialSource),
        P(SalaryCodes.Preferential(SchoolLevel.LowerSecondary, SchoolArea.Urban), 30, Always, null, PreferentialSource),

        P(SalaryCodes.Position(SchoolLevel.Primary, LeadershipPost.Principal, 1), 0.50m, Always, null, PositionSource),
        P(SalaryCodes.Position(SchoolLevel.Primary, LeadershipPost.Principal, 2), 0.40m, Always, null, PositionSource),
        P(SalaryCodes.Position(SchoolLevel.Primary, LeadershipPost.Principal, 3), 0.30m, Always, null, PositionSource),
        P(SalaryCodes.Position(SchoolLevel.Primary, LeadershipPost.VicePrincipal, 3), 0.25m, Always, null, PositionSource),
        P(SalaryCodes.Position(SchoolLevel.Preschool, LeadershipPost.Principal, 2), 0.35m, Always, null, PositionSource),
    ];

    private static IEnumerable<SalaryScaleStep> Scale() =>
    [
        .. Group("A1", 36, 2.34m, 2.67m, 3.00m, 3.33m, 3.66m, 3.99m, 4.32m, 4.65m, 4.98m),
        .. Group("A2.2", 36, 4.00m, 4.34m, 4.68m, 5.02m, 5.36m, 5.70m, 6.04m, 6.38m),
        .. Group("B", 24, 1.86m, 2.06m, 2.26m, 2.46m, 2.66m, 2.86m, 3.06m, 3.26m, 3.46m, 3.66m, 3.86m, 4.06m),
    ];

    private static IEnumerable<SalaryScaleStep> Group(string group, int months, params decimal[] coefficients) =>
        coefficients.Select((c, i) => new SalaryScaleStep(Guid.NewGuid(), group, i + 1, c, months, new(2004, 10, 1), null, ScaleSource));

    private static LegalParameter P(string code, decimal value, DateOnly from, DateOnly? until, string source) =>
        new(Guid.NewGuid(), code, code, value, from, until, source);

    public static SalaryLaw Without(string code) => new(Parameters().Where(p => p.Code != code), Scale());
}

/// <summary>Builders for the facts one person brings to the salary rules.</summary>
internal static class Make
{
    public const string Title = "V.07.03.29";

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>A man born 15/05/1975 with every year from 2000 to 2030 rated "hoàn thành nhiệm vụ" and nothing else on file.</summary>
    public static StaffSalaryFacts Person(params SalaryStepHeld[] steps) =>
        new(Guid.Empty, "Nguyễn Văn An", Gender.Male, D(1975, 5, 15), steps, Rated(), [], [], [], null, null);

    public static SalaryStepHeld Step(string group, int step, decimal coefficient, DateOnly from, RaiseKind? kind = RaiseKind.Regular,
        decimal? beyondFrame = null, string title = Title, string? decision = null) =>
        new(from, title, group, step, coefficient, beyondFrame, kind, decision);

    public static List<RatingYear> Rated(int[]? notCompleted = null, int[]? missing = null) =>
    [
        .. Enumerable.Range(2000, 31).Where(y => missing?.Contains(y) != true)
            .Select(y => notCompleted?.Contains(y) == true ? new RatingYear(y, true, "Không hoàn thành nhiệm vụ") : new RatingYear(y, false, "Hoàn thành nhiệm vụ")),
    ];

    public static DisciplineEvent Discipline(DisciplineForm form, DateOnly on, DateOnly? until = null, DateOnly? annulled = null, string? decision = null) =>
        new(form, on, until, annulled, decision);

    public static AbsencePeriod Away(AbsenceKind kind, DateOnly from, DateOnly to) => new(kind, from, to, null);

    public static TeachingFacts Teaching(DateOnly? since, SchoolLevel level = SchoolLevel.Primary, SchoolArea area = SchoolArea.Urban,
        int? schoolClass = null, LeadershipPost? post = null, bool teaches = true) =>
        new(teaches, since, level, area, schoolClass, post);
}
