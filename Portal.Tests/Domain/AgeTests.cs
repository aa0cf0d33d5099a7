using Portal.Domain.Staff;

namespace Portal.Tests.Domain;

public sealed class AgeTests
{
    [Theory]
    [InlineData("1990-05-17", "2026-05-16", 35)]
    [InlineData("1990-05-17", "2026-05-17", 36)]
    [InlineData("2000-02-29", "2026-02-28", 25)]
    [InlineData("2000-02-29", "2026-03-01", 26)]
    [InlineData("2000-02-29", "2028-02-29", 28)]
    [InlineData("1966-12-31", "2026-12-30", 59)]
    public void Age_counts_full_years_and_a_leap_day_birthday_is_reached_on_1_March_in_common_years(string born, string asOf, int age) =>
        Assert.Equal(age, Age.On(DateOnly.Parse(born), DateOnly.Parse(asOf)));

    [Theory]
    [InlineData("1996-11-30", 30, 39, false)]
    [InlineData("1996-11-29", 30, 39, true)]
    [InlineData("1997-11-30", 30, 39, false)]
    [InlineData("1986-11-30", 30, 39, true)]
    [InlineData("1986-11-29", 30, 39, false)]
    [InlineData("1950-01-01", 60, null, true)]
    public void A_birth_date_range_holds_exactly_the_people_of_an_age_band(string born, int minAge, int? maxAge, bool inBand)
    {
        var asOf = new DateOnly(2026, 11, 29);
        var (after, onOrBefore) = Age.BirthDates(minAge, maxAge, asOf);
        var date = DateOnly.Parse(born);

        Assert.Equal(inBand, (after is null || date > after) && date <= onOrBefore);
        var age = Age.On(date, asOf);
        Assert.Equal(inBand, age >= minAge && (maxAge is null || age <= maxAge));
    }
}
