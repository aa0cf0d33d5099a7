using Portal.Domain.Law;
using Portal.Domain.Reference;
using Portal.Domain.Retirement;
using Portal.Domain.Staff;

namespace Portal.Domain.Salary;

/// <summary>
/// The dated numbers the salary rules read: legal parameters (base salary, periods, extensions, rates) and the salary
/// scale. Every number comes with the parameter that holds it, so an explanation can cite its legal source.
/// </summary>
public sealed class SalaryLaw
{
    private readonly ILookup<string, LegalParameter> _parameters;
    private readonly IReadOnlyList<SalaryScaleStep> _scale;

    public SalaryLaw(IEnumerable<LegalParameter> parameters, IEnumerable<SalaryScaleStep> scale)
    {
        _parameters = parameters.ToLookup(p => p.Code);
        _scale = scale.ToList();
    }

    /// <summary>The parameter in force on <paramref name="on"/>, or null.</summary>
    public LegalParameter? Find(string code, DateOnly on) => LegalParameter.On(_parameters[code], code, on);

    /// <summary>The parameter in force on <paramref name="on"/>; missing data is an error the admin must fix, never a default.</summary>
    public LegalParameter Get(string code, DateOnly on) =>
        Find(code, on) ?? throw new MissingLegalParameterException(code, on);

    public decimal Value(string code, DateOnly on) => Get(code, on).Value;

    public int Months(string code, DateOnly on) => (int)Get(code, on).Value;

    /// <summary>The group's steps in force on <paramref name="on"/>, or null when the scale has no such group.</summary>
    public GroupScale? Scale(string group, DateOnly on)
    {
        var steps = _scale.Where(s => s.Group == group && s.InForceOn(on)).OrderBy(s => s.Step).ToList();
        if (steps.Count == 0) return null;
        return new GroupScale(group, steps[^1].Step, steps[^1].RaiseIntervalMonths, steps.ToDictionary(s => s.Step, s => s.Coefficient), steps[0].LegalSource);
    }

    /// <summary>The retirement-age road map for <paramref name="gender"/> as the parameters in force on <paramref name="on"/> give it.</summary>
    public RetirementAgeSchedule Retirement(Gender gender, DateOnly on)
    {
        var prefix = gender == Gender.Male ? "retirement.male." : "retirement.female.";
        var from = Get(prefix + "from-year", on);
        return new RetirementAgeSchedule(gender, (int)from.Value, Months(prefix + "base-months", on), Months(prefix + "step-months", on),
            Months(prefix + "cap-months", on), Months(prefix + "previous-months", on), from.LegalSource);
    }
}

/// <summary>A salary group's steps on a date: the last step and the months a regular raise needs.</summary>
public sealed record GroupScale(string Group, int LastStep, int RaiseIntervalMonths, IReadOnlyDictionary<int, decimal> Coefficients, string LegalSource);

public sealed class MissingLegalParameterException(string code, DateOnly on)
    : Exception($"No legal parameter '{code}' is in force on {on:dd/MM/yyyy}.")
{
    public string Code { get; } = code;
    public DateOnly On { get; } = on;
}

/// <summary>Codes of the salary parameters (seeded in legal-parameters.json, edited by the admin).</summary>
public static class SalaryCodes
{
    /// <summary>Mức lương cơ sở, VND/month.</summary>
    public const string BaseSalary = "salary.base";
    /// <summary>Months added to the raise period for a reprimand (khiển trách).</summary>
    public const string ExtensionReprimand = "raise.extension.reprimand";
    /// <summary>… for a warning (cảnh cáo).</summary>
    public const string ExtensionWarning = "raise.extension.warning";
    /// <summary>… for demotion or removal from office (giáng chức, cách chức).</summary>
    public const string ExtensionDemotion = "raise.extension.demotion";
    /// <summary>… for each year rated "không hoàn thành nhiệm vụ".</summary>
    public const string ExtensionNotCompletedYear = "raise.extension.not-completed-year";
    /// <summary>Months of SI sickness leave that still count within a holding period.</summary>
    public const string SicknessCountedMonths = "raise.sickness-counted-months";
    /// <summary>PCTNVK: the first percentage, and the yearly increment.</summary>
    public const string BeyondFrameFirstPercent = "pctnvk.first-percent";
    public const string BeyondFrameYearlyPercent = "pctnvk.yearly-percent";
    /// <summary>Months between PCTNVK increments.</summary>
    public const string BeyondFrameStepMonths = "pctnvk.step-months";
    /// <summary>Early raise for achievement: the most months early; how far past 31/12 of the review year the regular date may be.</summary>
    public const string EarlyMaxMonths = "early.max-months";
    public const string EarlyWindowMonths = "early.window-months";
    /// <summary>Years an achievement stays usable, for 36-month groups and for 24-month groups.</summary>
    public const string EarlyLookBackYearsLong = "early.lookback-years.long";
    public const string EarlyLookBackYearsShort = "early.lookback-years.short";
    /// <summary>One early raise per this many people on the payroll.</summary>
    public const string EarlyQuotaPerPeople = "early.quota-per-people";
    /// <summary>Months early before retirement, and the window after the retirement day within which the regular date must fall.</summary>
    public const string RetirementEarlyMonths = "retirement.early-raise-months";
    /// <summary>Teacher seniority (NĐ 77/2021): months before the first percentage, the first percentage, the yearly increment,
    /// and the shortest continuous unpaid leave (days) that stops counting.</summary>
    public const string TeacherSeniorityFirstMonths = "teacher-seniority.first-months";
    public const string TeacherSeniorityFirstPercent = "teacher-seniority.first-percent";
    public const string TeacherSeniorityYearlyPercent = "teacher-seniority.yearly-percent";
    public const string TeacherSeniorityUnpaidLeaveMinDays = "teacher-seniority.unpaid-leave-min-days";

    /// <summary>Phụ cấp ưu đãi theo nghề, % — e.g. <c>allowance.preferential.primary.urban</c> = 35.</summary>
    public static string Preferential(SchoolLevel level, SchoolArea area) => $"allowance.preferential.{Slug(level)}.{Slug(area)}";

    /// <summary>Phụ cấp chức vụ, coefficient — e.g. <c>allowance.position.primary.principal.class-1</c> = 0.50.</summary>
    public static string Position(SchoolLevel level, LeadershipPost post, int schoolClass) =>
        $"allowance.position.{Slug(level)}.{(post == LeadershipPost.Principal ? "principal" : "vice-principal")}.class-{schoolClass}";

    private static string Slug(SchoolLevel level) => level switch
    {
        SchoolLevel.Preschool => "preschool",
        SchoolLevel.Primary => "primary",
        SchoolLevel.LowerSecondary => "lower-secondary",
        _ => "upper-secondary",
    };

    private static string Slug(SchoolArea area) => area switch
    {
        SchoolArea.Urban => "urban",
        SchoolArea.Mountain => "mountain",
        _ => "extremely-difficult",
    };
}
