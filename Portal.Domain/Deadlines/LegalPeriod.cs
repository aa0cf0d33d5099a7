namespace Portal.Domain.Deadlines;

/// <summary>
/// How a legal period is counted (Bộ luật Dân sự 2015, Điều 147–148): it starts on the day after the event, and when
/// its last day is a weekend day or a public holiday it ends at the end of the next working day.
/// </summary>
/// <example>
/// Recruitment decision 15/01/2024 + 60 days → Friday 15/03/2024.
/// Decision effective Friday 20/12/2024 + 15 days → Saturday 04/01/2025 → due Monday 06/01/2025.
/// </example>
public static class LegalPeriod
{
    public static DateOnly EndAfterDays(DateOnly eventDate, int days, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var last = eventDate.AddDays(days);
        while (!calendar.IsWorkingDay(last)) last = last.AddDays(1);
        return last;
    }

    /// <summary>Counts <paramref name="days"/> working days after the event; the last one is itself a working day.</summary>
    public static DateOnly EndAfterWorkingDays(DateOnly eventDate, int days, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = eventDate;
        for (var counted = 0; counted < days;)
        {
            day = day.AddDays(1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return days == 0 ? EndAfterDays(eventDate, 0, calendar) : day;
    }
}
