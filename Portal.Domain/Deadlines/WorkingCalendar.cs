namespace Portal.Domain.Deadlines;

/// <summary>
/// Working days of public bodies: Monday to Friday, less days off (public holidays and the Prime Minister's yearly
/// swaps), plus Saturdays made working days by a swap. The days themselves are data, supplied by the caller.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> extraWorkingDays)
{
    private readonly HashSet<DateOnly> _daysOff = [.. daysOff];
    private readonly HashSet<DateOnly> _extraWorkingDays = [.. extraWorkingDays];

    /// <summary>Weekends only, no holidays: for callers that have no holiday data for the period.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([], []);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_extraWorkingDays.Contains(date)) return true;
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        return !_daysOff.Contains(date);
    }
}
