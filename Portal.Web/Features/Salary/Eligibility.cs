using Portal.Domain.Salary;

namespace Portal.Web.Features.Salary;

/// <summary>What a person may be due in a period.</summary>
public enum EligibilityKind
{
    /// <summary>Nâng bậc lương thường xuyên.</summary>
    RegularRaise = 1,
    /// <summary>Hưởng hoặc tăng phụ cấp thâm niên vượt khung.</summary>
    BeyondFrame = 2,
    /// <summary>Đề nghị nâng bậc trước thời hạn do thành tích.</summary>
    EarlyForAchievement = 3,
    /// <summary>Nâng bậc trước thời hạn khi có thông báo nghỉ hưu.</summary>
    EarlyBeforeRetirement = 4,
    /// <summary>Nghỉ hưu.</summary>
    Retirement = 5,
}

/// <summary>
/// One line of the eligibility list: who, what, from when, from which step and coefficient to which, and why.
/// <see cref="Overdue"/> when the date has passed and nothing has been recorded yet.
/// </summary>
public sealed record EligibilityRow(
    Guid StaffId, string FullName, string? StaffCode, DateOnly BornOn, Guid UnitId, string UnitName, string? TitleName,
    EligibilityKind Kind, DateOnly DueOn, bool Overdue, SalaryStepHeld? Current,
    int? NextStep, decimal? NextCoefficient, decimal? NextBeyondFramePercent,
    IReadOnlyList<Reason> Reasons, IReadOnlyList<string> NeedsReview)
{
    /// <summary>The salary row a raise decision would write (a retirement writes none).</summary>
    public bool CanDecide => Kind != EligibilityKind.Retirement && Current is not null;
}

/// <summary>
/// Turns the engine's answers for one person into the lines of a period's list. A regular raise or PCTNVK change shows
/// from its date up to the period's end, also when its date has passed unrecorded (then it is overdue); early-raise
/// candidacy is judged for the year the period ends in; retirements show twelve months ahead.
/// </summary>
public static class Eligibility
{
    /// <summary>
    /// The day the next raise is judged from: today, or the start of a step already decided for a later day (a raise
    /// decided in November for 01/12 is not due again on 01/12).
    /// </summary>
    public static DateOnly JudgedOn(StaffSalaryFacts facts, DateOnly asOf) =>
        facts.Steps.Count > 0 && facts.Steps.Max(s => s.From) is var latest && latest > asOf ? latest : asOf;

    public static IReadOnlyList<EligibilityRow> Of(StaffSalaryCase person, SalaryLaw law, DateOnly asOf, DateOnly from, DateOnly to, SalaryOptions options,
        int? reviewYear = null)
    {
        var facts = person.Facts;
        var rows = new List<EligibilityRow>(2);
        EligibilityRow Row(EligibilityKind kind, DateOnly due, int? step, decimal? coefficient, decimal? percent, IReadOnlyList<Reason> reasons,
            IReadOnlyList<string> review, SalaryStepHeld? current) =>
            new(facts.StaffId, facts.FullName, person.StaffCode, facts.BornOn, person.UnitId, person.UnitName, person.TitleName, kind, due,
                due < asOf, current, step, coefficient, percent, reasons, review);

        var regular = RaiseEngine.Regular(facts, law, JudgedOn(facts, asOf));
        if (regular.DueOn is { } due && due <= to)
        {
            if (regular.Track == RaiseTrack.StepRaise)
                rows.Add(Row(EligibilityKind.RegularRaise, due, regular.NextStep, regular.NextCoefficient, null, regular.Reasons, regular.NeedsReview, regular.Current));
            else if (regular.Track == RaiseTrack.BeyondFrame)
                rows.Add(Row(EligibilityKind.BeyondFrame, due, regular.Current?.Step, regular.Current?.Coefficient, regular.BeyondFramePercentNext,
                    regular.Reasons, regular.NeedsReview, regular.Current));
        }
        if (regular.Track == RaiseTrack.StepRaise)
        {
            var early = RaiseEngine.EarlyForAchievement(facts, regular, law, reviewYear ?? to.Year);
            if (early.Candidate && early.EarlyDueOn is { } earlyOn)
                rows.Add(Row(EligibilityKind.EarlyForAchievement, earlyOn, regular.NextStep, regular.NextCoefficient, null,
                    [.. regular.Reasons, .. early.Reasons], regular.NeedsReview, regular.Current));
            var beforeRetirement = RaiseEngine.BeforeRetirement(facts, regular, law);
            if (beforeRetirement.Eligible && beforeRetirement.EffectiveOn is { } retireRaiseOn)
                rows.Add(Row(EligibilityKind.EarlyBeforeRetirement, retireRaiseOn, regular.NextStep, regular.NextCoefficient, null,
                    [.. regular.Reasons, .. beforeRetirement.Reasons], regular.NeedsReview, regular.Current));
        }
        if (RetirementOutlook.Of(facts, law, asOf, options.RetirementAlertMonths) is { } retirement
            && retirement.RetiresOn >= from && retirement.RetiresOn <= to.AddMonths(options.RetirementLookAheadMonths))
            rows.Add(Row(EligibilityKind.Retirement, retirement.RetiresOn, null, null, null, retirement.Reasons, [], regular.Current));
        return rows;
    }
}
