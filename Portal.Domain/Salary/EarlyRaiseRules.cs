namespace Portal.Domain.Salary;

/// <summary>
/// The yearly quota of early raises for achievement (chỉ tiêu nâng bậc lương trước thời hạn): one per full
/// <c>early.quota-per-people</c> people on the unit's payroll list; the remainder is reported in the fourth quarter to the
/// superior body, which pools remainders and may allocate extra slots (NĐ 17/2013; TT 03/2021; REGULATIONS §2.4).
/// </summary>
public static class EarlyRaiseQuota
{
    /// <example>27 people, one per 10 → 2 slots, 7 reported upward.</example>
    public static (int Slots, int Remainder) For(int payroll, SalaryLaw law, DateOnly on)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payroll);
        var per = law.Months(SalaryCodes.EarlyQuotaPerPeople, on);
        if (per < 1) throw new InvalidOperationException($"'{SalaryCodes.EarlyQuotaPerPeople}' must be at least 1 (found {per}).");
        return (payroll / per, payroll % per);
    }
}

/// <summary>
/// One rung of a unit's early-raise rules (quy chế nâng bậc lương trước thời hạn): an award form, recognised by how its
/// name starts, worth <see cref="MonthsEarly"/> months; <see cref="Rank"/> 1 is the highest. Each unit sets its own rungs
/// (REGULATIONS §2.4), e.g. ("Bằng khen của Thủ tướng", 12, 1), ("Bằng khen", 9, 2), ("Giấy khen", 6, 3).
/// </summary>
public sealed record AchievementLevel(string FormPrefix, int MonthsEarly, int Rank);

/// <summary>Finds the rung of the unit's rules that an award form belongs to.</summary>
public static class AchievementPolicy
{
    /// <summary>
    /// The level whose prefix begins <paramref name="awardForm"/>, the longest prefix winning, or null. Names are compared
    /// after trimming and collapsing spaces, ignoring case and Vietnamese diacritics (đ counts as d), because award forms
    /// are typed by hand: "BANG KHEN cua Thu tuong" matches "Bằng khen của Thủ tướng". A blank prefix matches nothing.
    /// </summary>
    public static AchievementLevel? Match(string awardForm, IEnumerable<AchievementLevel> levels)
    {
        var form = Diacritics.Fold(awardForm);
        return levels.Select(l => (Level: l, Prefix: Diacritics.Fold(l.FormPrefix)))
            .Where(l => l.Prefix.Length > 0 && form.StartsWith(l.Prefix, StringComparison.Ordinal))
            .OrderByDescending(l => l.Prefix.Length)
            .Select(l => l.Level)
            .FirstOrDefault();
    }
}
