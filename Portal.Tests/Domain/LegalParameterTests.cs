using Portal.Domain.Law;
using Portal.Domain.Reference;

namespace Portal.Tests.Domain;

/// <summary>The invariants an administrator's edit of the dated law relies on: periods, ending a row, an increasing scale.</summary>
public sealed class LegalParameterTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    /// <summary>NĐ 73/2024's base salary, 01/07/2024–30/06/2026.</summary>
    private static LegalParameter Nd73() =>
        new(Guid.NewGuid(), "salary.base", "Mức lương cơ sở", 2_340_000m, D(2024, 7, 1), D(2026, 6, 30), "Nghị định 73/2024/NĐ-CP");

    public static TheoryData<string, DateOnly, DateOnly?, bool> Periods => new()
    {
        { "the next value from the day after its last day", D(2026, 7, 1), null, false },
        { "a value that ended the day before its first day", D(2023, 7, 1), D(2024, 6, 30), false },
        { "an open value from its last day", D(2026, 6, 30), null, true },
        { "a value ending on its first day", D(2023, 7, 1), D(2024, 7, 1), true },
        { "one day inside it", D(2025, 1, 1), D(2025, 1, 1), true },
        { "a period around it", D(2020, 1, 1), null, true },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void Periods_overlap_only_when_they_share_a_day(string _, DateOnly from, DateOnly? until, bool overlaps) =>
        Assert.Equal(overlaps, Nd73().Overlaps(from, until));

    [Fact]
    public void A_value_may_end_on_its_first_day_but_not_before_it()
    {
        var value = Nd73();

        value.EndOn(D(2024, 7, 1));

        Assert.Equal(D(2024, 7, 1), value.InForceUntil);
        Assert.Throws<ArgumentOutOfRangeException>(() => value.EndOn(D(2024, 6, 30)));
        Assert.Throws<ArgumentException>(() => value.Apply("Mức lương cơ sở", 1m, D(2024, 7, 1), D(2024, 6, 30), "x"));
    }

    [Fact]
    public void A_salary_step_may_end_on_its_first_day_but_not_before_it()
    {
        var step = new SalaryScaleStep(Guid.NewGuid(), "A1", 1, 2.34m, 36, D(2004, 10, 1), null, "Nghị định 204/2004/NĐ-CP");

        Assert.Throws<ArgumentOutOfRangeException>(() => step.EndOn(D(2004, 9, 30)));
        step.EndOn(D(2026, 12, 31));

        Assert.Equal(D(2026, 12, 31), step.InForceUntil);
        Assert.False(step.InForceOn(D(2027, 1, 1)));
    }

    public static TheoryData<string, decimal[], int?> Scales => new()
    {
        { "A1 of Bảng 3 rises every step", [2.34m, 2.67m, 3.00m, 3.33m], null },
        { "a single step", [1.50m], null },
        { "a step equal to the one before", [2.34m, 2.67m, 2.67m], 2 },
        { "a step below the one before", [2.34m, 2.67m, 2.60m, 3.33m], 2 },
        { "a zero first step", [0m, 2.67m], 0 },
    };

    [Theory]
    [MemberData(nameof(Scales))]
    public void A_scale_pays_more_for_every_higher_step(string _, decimal[] coefficients, int? firstBad) =>
        Assert.Equal(firstBad, SalaryScaleStep.FirstNotIncreasing(coefficients));
}
