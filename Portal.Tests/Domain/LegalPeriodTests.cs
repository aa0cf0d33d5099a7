using Portal.Domain.Deadlines;

namespace Portal.Tests.Domain;

/// <summary>
/// Periods counted as the Civil Code 2015 (Art. 147–148) counts them: from the day after the event; a last day on a
/// weekend or holiday moves to the next working day. Every expected date below was checked against a calendar.
/// </summary>
public sealed class LegalPeriodTests
{
    private static readonly WorkingCalendar ReunificationAndLabourDay2025 = new([new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 1)], []);

    public static TheoryData<string, DateOnly, int, DateOnly> CalendarDayCases => new()
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
    };

    [Theory]
    [MemberData(nameof(CalendarDayCases))]
    public void A_period_in_days_ends_on_the_next_working_day_when_its_last_day_is_a_weekend(string _, DateOnly eventDate, int days, DateOnly due) =>
        Assert.Equal(due, LegalPeriod.EndAfterDays(eventDate, days, WorkingCalendar.WeekendsOnly));

    [Fact]
    public void A_last_day_on_public_holidays_moves_past_them_and_past_the_weekend()
    {
        // 01/03/2025 + 60 = Wed 30/04/2025 (holiday), Thu 01/05 (holiday) → Fri 02/05/2025.
        Assert.Equal(new DateOnly(2025, 5, 2), LegalPeriod.EndAfterDays(new DateOnly(2025, 3, 1), 60, ReunificationAndLabourDay2025));
    }

    [Fact]
    public void A_period_of_zero_days_ends_on_the_event_day_if_it_is_a_working_day()
    {
        Assert.Equal(new DateOnly(2026, 11, 27), LegalPeriod.EndAfterDays(new DateOnly(2026, 11, 27), 0, WorkingCalendar.WeekendsOnly));
        Assert.Equal(new DateOnly(2026, 11, 30), LegalPeriod.EndAfterDays(new DateOnly(2026, 11, 28), 0, WorkingCalendar.WeekendsOnly));
    }

    [Theory]
    [InlineData("2026-11-27", 5, "2026-12-04")]
    [InlineData("2026-11-30", 3, "2026-12-03")]
    [InlineData("2026-11-28", 1, "2026-11-30")]
    public void Working_days_skip_weekends(string eventDate, int days, string due) =>
        Assert.Equal(DateOnly.Parse(due), LegalPeriod.EndAfterWorkingDays(DateOnly.Parse(eventDate), days, WorkingCalendar.WeekendsOnly));

    [Fact]
    public void Working_days_skip_holidays()
    {
        // After Tue 29/04/2025: Wed 30/04 and Thu 01/05 are holidays → Fri 02/05 (1), Mon 05/05 (2), Tue 06/05 (3).
        Assert.Equal(new DateOnly(2025, 5, 6), LegalPeriod.EndAfterWorkingDays(new DateOnly(2025, 4, 29), 3, ReunificationAndLabourDay2025));
    }

    [Fact]
    public void A_swapped_working_Saturday_counts_as_a_working_day()
    {
        var calendar = new WorkingCalendar([], [new DateOnly(2026, 12, 5)]);

        Assert.Equal(new DateOnly(2026, 12, 5), LegalPeriod.EndAfterWorkingDays(new DateOnly(2026, 12, 3), 2, calendar));
        Assert.Equal(new DateOnly(2026, 12, 5), LegalPeriod.EndAfterDays(new DateOnly(2026, 11, 20), 15, calendar));
    }

    [Fact]
    public void A_negative_period_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalPeriod.EndAfterDays(new DateOnly(2026, 1, 1), -1, WorkingCalendar.WeekendsOnly));
        Assert.Throws<ArgumentOutOfRangeException>(() => LegalPeriod.EndAfterWorkingDays(new DateOnly(2026, 1, 1), -1, WorkingCalendar.WeekendsOnly));
    }
}
