namespace Portal.Domain.Deadlines;

/// <summary>
/// Builds the working calendar of public bodies (lịch nghỉ lễ, tết và ngày làm việc) for a range of years: the holidays the
/// definitions in force give, a day in lieu for each holiday on a weekend, then the yearly adjustments on top.
/// </summary>
/// <example>
/// 2027: Tết Âm lịch falls on Saturday 06/02, so its days are Friday 05/02 to Tuesday 09/02, and the Saturday and the
/// Sunday give Wednesday 10/02 and Thursday 11/02 in lieu; Labour Day on Saturday 01/05 gives Monday 03/05.
/// </example>
public static class HolidayCalendar
{
    /// <summary>
    /// The calendar of <paramref name="fromYear"/> to <paramref name="toYear"/>. Outside those years it knows weekends
    /// only, so build one year past the last event: a deadline from 20/12 runs into January.
    /// </summary>
    public static WorkingCalendar Build(IEnumerable<PublicHoliday> definitions, IEnumerable<CalendarAdjustment> adjustments,
        int fromYear, int toYear)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromYear, toYear);
        var list = definitions.ToList();
        // A year either side, so a block or a day in lieu that crosses New Year is not lost.
        var holidays = (from year in Enumerable.Range(fromYear - 1, toYear - fromYear + 3)
                        from definition in list
                        from date in definition.DaysIn(year)
                        orderby date
                        select (date, definition)).ToList();

        var days = holidays.Select(h => new CalendarDay(h.date, CalendarDayKind.PublicHoliday, h.definition.Name, h.definition.LegalSource))
            .Concat(DaysInLieu(holidays))
            .ToList();
        var changes = adjustments.ToList();
        var worked = changes.Where(a => a.Kind == CalendarAdjustmentKind.WorkingDay).Select(a => a.Date).ToHashSet();
        days.RemoveAll(d => worked.Contains(d.Date));
        days.AddRange(changes.Select(a => new CalendarDay(a.Date,
            a.Kind == CalendarAdjustmentKind.WorkingDay ? CalendarDayKind.WorkingDay : CalendarDayKind.DayOff, a.Reason, a.LegalSource)));
        return new WorkingCalendar(days.Where(d => d.Date.Year >= fromYear && d.Date.Year <= toYear));
    }

    /// <summary>
    /// "If a holiday falls on the weekly day off, the employee takes the next working day off" (Bộ luật Lao động 2019,
    /// Điều 111 khoản 3), for the definitions that say so. Taken in date order, so a Saturday's day in lieu comes before a
    /// Sunday's, and never on another holiday or day in lieu. Two holidays on the same day give no extra day: the law does
    /// not provide for it.
    /// </summary>
    private static IEnumerable<CalendarDay> DaysInLieu(List<(DateOnly Date, PublicHoliday Definition)> holidays)
    {
        var taken = holidays.Select(h => h.Date).ToHashSet();
        var compensated = new HashSet<DateOnly>();
        foreach (var (date, definition) in holidays)
        {
            if (definition.CompensationSource is null || !WorkingCalendar.IsWeekend(date) || !compensated.Add(date)) continue;
            var day = date.AddDays(1);
            while (WorkingCalendar.IsWeekend(day) || !taken.Add(day)) day = day.AddDays(1);
            yield return new CalendarDay(day, CalendarDayKind.DayInLieu, definition.Name, definition.CompensationSource, date);
        }
    }
}
