using System.Globalization;
using Portal.Domain.Deadlines;

namespace Portal.Tests.Domain;

/// <summary>
/// Periods counted as the Civil Code 2015 (Art. 147–148) counts them: from the day after the event; a last day on a
/// weekend or holiday moves to the next working day. Every expected date below was checked against a calendar.
/// </summary>
public sealed class LegalPeriodTests
{
    /// <summary>
    /// The swap of 2025 for public bodies (Notice 6150/TB-BLĐTBXH): Fri 02/05/2025 off, Sat 26/04/2025 worked instead,
    /// next to the Reunification Day and Labour Day holidays (Wed 30/04, Thu 01/05).
    /// </summary>
    private const string Swap2025DaysOff = "30/04/2025 01/05/2025 02/05/2025";
    private const string Swap2025WorkingSaturday = "26/04/2025";

    public static TheoryData<string, DateOnly, int, DateOnly> WeekendCases => new()
    {
        { "the regulation's own example: Mon 15/01/2024 + 60 → Fri 15/03/2024", new(2024, 1, 15), 60, new(2024, 3, 15) },
        { "across a leap February: 31/12/2023 + 60 → Thu 29/02/2024", new(2023, 12, 31), 60, new(2024, 2, 29) },
        { "across a common February: 31/12/2022 + 60 → Wed 01/03/2023", new(2022, 12, 31), 60, new(2023, 3, 1) },
        { "from a leap day: 29/02/2020 + 60 → Wed 29/04/2020", new(2020, 2, 29), 60, new(2020, 4, 29) },
        { "month end landing on Sunday 31/03/2024 → Monday 01/04/2024", new(2024, 1, 31), 60, new(2024, 4, 1) },
        { "month end landing on Saturday 01/04/2023 → Monday 03/04/2023", new(2023, 1, 31), 60, new(2023, 4, 3) },
        { "15 days from Fri 20/12/2024 land on Sat 04/01/2025 → Mon 06/01/2025", new(2024, 12, 20), 15, new(2025, 1, 6) },
        { "a working-day result is kept: 28/09/2026 + 60 → Fri 27/11/2026", new(2026, 9, 28), 60, new(2026, 11, 27) },
        { "Sunday 29/11/2026 → Monday 30/11/2026", new(2026, 9, 30), 60, new(2026, 11, 30) },
        { "zero days from a working day end that day: Fri 27/11/2026", new(2026, 11, 27), 0, new(2026, 11, 27) },
        { "zero days from Saturday 28/11/2026 → Monday 30/11/2026", new(2026, 11, 28), 0, new(2026, 11, 30) },
    };

    [Theory]
    [MemberData(nameof(WeekendCases))]
    public void A_period_in_days_ends_on_the_next_working_day_when_its_last_day_is_a_weekend(string _, DateOnly eventDate, int days, DateOnly due) =>
        Assert.Equal(due, LegalPeriod.EndAfterDays(eventDate, days, WorkingCalendar.WeekendsOnly));

    public static TheoryData<string, DateOnly, int, string, string, DateOnly> CalendarCases => new()
    {
        { "Wed 30/04/2025 and Thu 01/05/2025 off → Fri 02/05/2025", new(2025, 3, 1), 60, "30/04/2025 01/05/2025", "", new(2025, 5, 2) },
        { "with the 2025 swap the holidays run into the weekend: Wed 30/04/2025 → Mon 05/05/2025", new(2025, 3, 1), 60, Swap2025DaysOff, Swap2025WorkingSaturday, new(2025, 5, 5) },
        { "the swapped working Saturday 26/04/2025 is a last day like any other", new(2025, 2, 25), 60, Swap2025DaysOff, Swap2025WorkingSaturday, new(2025, 4, 26) },
        { "Sat 30/08/2025, then Sunday, then Mon 01/09 and Tue 02/09 off → Wed 03/09/2025", new(2025, 7, 1), 60, "01/09/2025 02/09/2025", "", new(2025, 9, 3) },
        { "New Year's Day Thu 01/01/2026 → Fri 02/01/2026", new(2025, 12, 17), 15, "01/01/2026", "", new(2026, 1, 2) },
        { "a swapped working Saturday 05/12/2026 is kept", new(2026, 11, 20), 15, "", "05/12/2026", new(2026, 12, 5) },
    };

    [Theory]
    [MemberData(nameof(CalendarCases))]
    public void A_period_in_days_moves_past_days_off_and_stops_on_a_working_Saturday(string _, DateOnly eventDate, int days,
        string daysOff, string workingSaturdays, DateOnly due) =>
        Assert.Equal(due, LegalPeriod.EndAfterDays(eventDate, days, Calendar(daysOff, workingSaturdays)));

    public static TheoryData<string, DateOnly, int, string, string, DateOnly> WorkingDayCases => new()
    {
        { "5 working days from Fri 27/11/2026 → Fri 04/12/2026", new(2026, 11, 27), 5, "", "", new(2026, 12, 4) },
        { "3 working days from Mon 30/11/2026 → Thu 03/12/2026", new(2026, 11, 30), 3, "", "", new(2026, 12, 3) },
        { "1 working day from Sat 28/11/2026 → Mon 30/11/2026", new(2026, 11, 28), 1, "", "", new(2026, 11, 30) },
        { "0 working days from Sat 28/11/2026 → Mon 30/11/2026", new(2026, 11, 28), 0, "", "", new(2026, 11, 30) },
        { "holidays are not counted: Tue 29/04/2025 + 3 → Fri 02/05 (1), Mon 05/05 (2), Tue 06/05/2025 (3)", new(2025, 4, 29), 3, "30/04/2025 01/05/2025", "", new(2025, 5, 6) },
        { "across the year end: Wed 31/12/2025 + 1, Thu 01/01/2026 off → Fri 02/01/2026", new(2025, 12, 31), 1, "01/01/2026", "", new(2026, 1, 2) },
        { "the swapped working Saturday counts: Fri 25/04/2025 + 1 → Sat 26/04/2025", new(2025, 4, 25), 1, Swap2025DaysOff, Swap2025WorkingSaturday, new(2025, 4, 26) },
        { "the swapped-off Friday does not: Tue 29/04/2025 + 1 → Mon 05/05/2025", new(2025, 4, 29), 1, Swap2025DaysOff, Swap2025WorkingSaturday, new(2025, 5, 5) },
        { "Thu 03/12/2026 + 2 with Sat 05/12/2026 worked → Sat 05/12/2026", new(2026, 12, 3), 2, "", "05/12/2026", new(2026, 12, 5) },
    };

    [Theory]
    [MemberData(nameof(WorkingDayCases))]
    public void Working_days_skip_weekends_and_days_off_and_count_working_Saturdays(string _, DateOnly eventDate, int days,
        string daysOff, string workingSaturdays, DateOnly due) =>
        Assert.Equal(due, LegalPeriod.EndAfterWorkingDays(eventDate, days, Calendar(daysOff, workingSaturdays)));

    [Fact]
    public void A_negative_period_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalPeriod.EndAfterDays(new DateOnly(2026, 1, 1), -1, WorkingCalendar.WeekendsOnly));
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalPeriod.EndAfterWorkingDays(new DateOnly(2026, 1, 1), -1, WorkingCalendar.WeekendsOnly));
    }

    /// <summary>A calendar from space-separated dd/MM/yyyy lists, so each case shows its days off in the test's name.</summary>
    private static WorkingCalendar Calendar(string daysOff, string workingSaturdays) => new(Dates(daysOff), Dates(workingSaturdays));

    private static IEnumerable<DateOnly> Dates(string list) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "dd/MM/yyyy", CultureInfo.InvariantCulture));
}
