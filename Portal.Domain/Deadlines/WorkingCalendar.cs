namespace Portal.Domain.Deadlines;

/// <summary>
/// Working days of public bodies: Monday to Friday, less days off (public holidays and the Prime Minister's yearly
/// swaps), plus Saturdays made working days by a swap. The days themselves are data, supplied by the caller or built by
/// <see cref="HolidayCalendar.Build"/>, and keep their names so a screen can list them.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly CalendarDay[] _days;
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _extraWorkingDays;

    /// <summary>A calendar from bare dates, without names.</summary>
    public WorkingCalendar(IEnumerable<DateOnly> daysOff, IEnumerable<DateOnly> extraWorkingDays)
        : this(daysOff.Select(d => new CalendarDay(d, CalendarDayKind.DayOff, "", null))
            .Concat(extraWorkingDays.Select(d => new CalendarDay(d, CalendarDayKind.WorkingDay, "", null))))
    {
    }

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        _days = [.. days.OrderBy(d => d.Date).ThenBy(d => d.Kind)];
        _daysOff = [.. _days.Where(d => d.IsDayOff).Select(d => d.Date)];
        _extraWorkingDays = [.. _days.Where(d => !d.IsDayOff).Select(d => d.Date)];
    }

    /// <summary>Weekends only, no holidays: for callers that have no holiday data for the period.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>
    /// The weekly days off of public bodies (ngày nghỉ hằng tuần): Saturday and Sunday, under the 40-hour week of
    /// Quyết định 188/1999/QĐ-TTg.
    /// </summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public bool IsWorkingDay(DateOnly date)
    {
        if (_extraWorkingDays.Contains(date)) return true;
        if (IsWeekend(date)) return false;
        return !_daysOff.Contains(date);
    }

    /// <summary>
    /// The year's days that differ from a plain Monday–Friday week, in date order, with their names: for an admin screen
    /// ("2027: 01/01 Tết Dương lịch, 05/02 Tết Âm lịch, …").
    /// </summary>
    public IReadOnlyList<CalendarDay> DaysIn(int year) => [.. _days.Where(d => d.Date.Year == year)];
}

/// <summary>
/// A named day of the calendar: a holiday, a day in lieu, or a day the yearly decision made off or working.
/// <paramref name="InLieuOf"/> is the weekend holiday a day in lieu replaces.
/// </summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string Name, string? LegalSource, DateOnly? InLieuOf = null)
{
    public bool IsDayOff => Kind != CalendarDayKind.WorkingDay;
}

public enum CalendarDayKind
{
    /// <summary>Ngày nghỉ lễ, tết.</summary>
    PublicHoliday = 1,
    /// <summary>Ngày nghỉ bù: a holiday fell on the weekly day off (Bộ luật Lao động 2019, Điều 111 khoản 3).</summary>
    DayInLieu = 2,
    /// <summary>Ngày nghỉ theo quyết định hằng năm (hoán đổi, nghỉ bù do Thủ tướng quyết định).</summary>
    DayOff = 3,
    /// <summary>Ngày làm việc bù: a weekend day worked, or a computed day off the yearly decision placed elsewhere.</summary>
    WorkingDay = 4,
}
