namespace Portal.Domain.Deadlines;

/// <summary>
/// A day the yearly decision on holidays changes for public bodies (ngày nghỉ bù, ngày làm bù, hoán đổi ngày làm việc): the
/// Prime Minister fixes the Tết days and the day next to National Day each year (Bộ luật Lao động 2019, Điều 112 khoản 3)
/// and often swaps a working day for a Saturday to make a longer break.
/// </summary>
/// <remarks>
/// <see cref="CalendarAdjustmentKind.WorkingDay"/> wins over everything computed for the date, so it also cancels a
/// computed day off the decision placed elsewhere.
/// </remarks>
/// <example>
/// 2025: Friday 02/05/2025 off (<see cref="CalendarAdjustmentKind.DayOff"/>) and Saturday 26/04/2025 worked instead
/// (<see cref="CalendarAdjustmentKind.WorkingDay"/>), joining Reunification Day and Labour Day to the weekend.
/// </example>
public sealed record CalendarAdjustment(DateOnly Date, CalendarAdjustmentKind Kind, string Reason, string? LegalSource);

public enum CalendarAdjustmentKind
{
    /// <summary>Ngày nghỉ (nghỉ bù, nghỉ hoán đổi).</summary>
    DayOff = 1,
    /// <summary>Ngày làm việc (làm bù), e.g. a Saturday worked in exchange for a day off.</summary>
    WorkingDay = 2,
}
