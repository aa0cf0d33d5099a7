using Portal.Domain.Retirement;
using Portal.Domain.Staff;

namespace Portal.Tests.Domain;

/// <summary>
/// Retirement under Nghị định 135/2020/NĐ-CP: each cohort's first and last birth month of REGULATIONS §4.2 (derived from
/// the decree's road map; the official Appendix I lists the same), and the two cases the issue names.
/// </summary>
public sealed class RetirementDateTests
{
    private const string Source = "Nghị định 135/2020/NĐ-CP, Điều 4";
    private static readonly RetirementAgeSchedule Men = new(Gender.Male, 2021, 60 * 12 + 3, 3, 62 * 12, 60 * 12, Source);
    private static readonly RetirementAgeSchedule Women = new(Gender.Female, 2021, 55 * 12 + 4, 4, 60 * 12, 55 * 12, Source);

    public static TheoryData<string, bool, DateOnly, DateOnly> Cases => new()
    {
        { "the issue's man born 10/1961: 60y6m, pension from 05/2022", true, new(1961, 10, 20), new(2022, 5, 1) },
        { "the issue's woman born 01/1966: 55y4m, pension from 06/2021", false, new(1966, 1, 31), new(2021, 6, 1) },
        { "man born 01/1961: 60y3m, retires end of 04/2021", true, new(1961, 1, 1), new(2021, 5, 1) },
        { "man born 09/1961: last of the 60y3m cohort, end of 12/2021", true, new(1961, 9, 30), new(2022, 1, 1) },
        { "man born 06/1962: last of the 60y6m cohort", true, new(1962, 6, 15), new(2023, 1, 1) },
        { "man born 03/1966: last of the 61y9m cohort", true, new(1966, 3, 1), new(2028, 1, 1) },
        { "man born 04/1966: 62 from 2028, end of 04/2028", true, new(1966, 4, 1), new(2028, 5, 1) },
        { "man born 02/1990: the cap holds, 62", true, new(1990, 2, 28), new(2052, 3, 1) },
        { "woman born 08/1966: last of the 55y4m cohort", false, new(1966, 8, 15), new(2022, 1, 1) },
        { "woman born 09/1966: 55y8m, end of 05/2022", false, new(1966, 9, 1), new(2022, 6, 1) },
        { "woman born 12/1967: last of the 56y0m cohort", false, new(1967, 12, 31), new(2024, 1, 1) },
        { "woman born 04/1975: last of the 59y8m cohort", false, new(1975, 4, 30), new(2035, 1, 1) },
        { "woman born 05/1975: 60 from 2035, end of 05/2035", false, new(1975, 5, 1), new(2035, 6, 1) },
        { "a leap-day birth: man born 29/02/1964 (61y3m, end of 05/2025)", true, new(1964, 2, 29), new(2025, 6, 1) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_pension_starts_the_month_after_the_age_of_the_year_is_reached(string _, bool man, DateOnly birth, DateOnly pension) =>
        Assert.Equal(pension, RetirementDate.PensionFrom(birth, man ? Men : Women));

    [Fact]
    public void The_retirement_day_is_the_last_day_of_its_month() =>
        Assert.Equal(new DateOnly(2022, 4, 30), RetirementDate.Of(new DateOnly(1961, 10, 20), Men));

    [Theory]
    [InlineData(true, 1960, 12)]  // turned 60 in 12/2020
    [InlineData(false, 1965, 12)] // turned 55 in 12/2020
    [InlineData(true, 1955, 6)]
    public void Someone_who_reached_the_earlier_age_before_the_road_map_began_retired_under_the_earlier_law(bool man, int year, int month) =>
        Assert.Null(RetirementDate.Of(new DateOnly(year, month, 1), man ? Men : Women));
}
