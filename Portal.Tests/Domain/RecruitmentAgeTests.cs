using Portal.Domain.Law;

namespace Portal.Tests.Domain;

/// <summary>
/// The age at recruitment is read from dated legal parameters: at least 18 (Luật Viên chức 2010, Điều 22, in force from
/// 01/01/2012 as in the seed) and, as an entry check, at most 70. Ages are full years, so a 29/02 birthday is reached on
/// 01/03 in a common year.
/// </summary>
public sealed class RecruitmentAgeTests
{
    private const string Source = "Luật Viên chức 2010, Điều 22";
    private static readonly DateOnly LawInForce = new(2012, 1, 1);

    private static LegalParameter MinAge(decimal value, DateOnly from, DateOnly? until = null) =>
        new(Guid.NewGuid(), LegalParameterCodes.RecruitmentMinAge, "Tuổi tối thiểu khi tuyển dụng", value, from, until, Source);

    private static LegalParameter MaxAge(decimal value, DateOnly from, DateOnly? until = null) =>
        new(Guid.NewGuid(), LegalParameterCodes.RecruitmentMaxAge, "Tuổi tối đa khi tuyển dụng", value, from, until, Source);

    private static readonly LegalParameter[] EighteenToSeventy = [MinAge(18, LawInForce), MaxAge(70, LawInForce)];

    public static TheoryData<string, DateOnly, DateOnly, bool> AgeCases => new()
    {
        { "turns 18 on the recruitment date 02/11/2026", new(2008, 11, 2), new(2026, 11, 2), false },
        { "one day short of 18", new(2008, 11, 3), new(2026, 11, 2), true },
        { "70 years and 364 days: still 70", new(1955, 11, 3), new(2026, 11, 2), false },
        { "turns 71 on the recruitment date", new(1955, 11, 2), new(2026, 11, 2), true },
        { "born 29/02/2008, recruited 28/02/2026: still 17", new(2008, 2, 29), new(2026, 2, 28), true },
        { "born 29/02/2008, recruited 01/03/2026: 18", new(2008, 2, 29), new(2026, 3, 1), false },
        { "born 29/02/2008, recruited 29/02/2028: 20", new(2008, 2, 29), new(2028, 2, 29), false },
    };

    [Theory]
    [MemberData(nameof(AgeCases))]
    public void The_age_on_the_recruitment_date_must_be_within_the_limits_in_force(string _, DateOnly born, DateOnly recruited, bool violation)
    {
        (int? Min, int? Max)? broken = violation ? (18, 70) : null;

        Assert.Equal(broken, RecruitmentAge.Violation(born, recruited, EighteenToSeventy));
    }

    [Fact]
    public void Before_any_limit_is_in_force_there_is_no_rule_and_no_violation()
    {
        var elevenYearsOld = new DateOnly(2000, 6, 1);

        Assert.Null(RecruitmentAge.Violation(elevenYearsOld, LawInForce.AddDays(-1), EighteenToSeventy));
        Assert.Equal(((int?, int?)?)(18, 70), RecruitmentAge.Violation(elevenYearsOld, LawInForce, EighteenToSeventy));
        Assert.Null(RecruitmentAge.Violation(elevenYearsOld, LawInForce, []));
    }

    public static TheoryData<string, DateOnly, int?> LaterVersionCases => new()
    {
        { "31/12/2026, under the old maximum of 70: 66 is fine", new(2026, 12, 31), null },
        { "01/01/2027, the new maximum of 65 applies: 66 is too old", new(2027, 1, 1), 65 },
    };

    [Theory]
    [MemberData(nameof(LaterVersionCases))]
    public void A_later_version_of_a_limit_applies_only_from_its_date(string _, DateOnly recruited, int? brokenMax)
    {
        var bornMid1960 = new DateOnly(1960, 6, 1);
        LegalParameter[] closedThenNew = [MinAge(18, LawInForce), MaxAge(70, LawInForce, until: new(2026, 12, 31)), MaxAge(65, new(2027, 1, 1))];
        LegalParameter[] oldLeftOpen = [MinAge(18, LawInForce), MaxAge(70, LawInForce), MaxAge(65, new(2027, 1, 1))];

        Assert.Equal(brokenMax, RecruitmentAge.Violation(bornMid1960, recruited, closedThenNew)?.Max);
        Assert.Equal(brokenMax, RecruitmentAge.Violation(bornMid1960, recruited, oldLeftOpen)?.Max);
    }

    /// <summary>
    /// The maximum of 70 is the portal's own entry check, not law (see the seed's legal source); an administrator may end it.
    /// The legal minimum of 18 must still hold then: the method promises null only "when acceptable (or when no limit is in force)".
    /// </summary>
    [Fact]
    public void The_legal_minimum_still_applies_when_no_maximum_is_in_force()
    {
        LegalParameter[] maximumEnded = [MinAge(18, LawInForce), MaxAge(70, LawInForce, until: new(2026, 12, 31))];
        var sixteenYearsOld = new DateOnly(2010, 6, 1);

        Assert.NotNull(RecruitmentAge.Violation(sixteenYearsOld, new(2027, 3, 1), maximumEnded));
    }
}
