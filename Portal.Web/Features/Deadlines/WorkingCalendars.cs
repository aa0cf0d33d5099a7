using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deadlines;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Deadlines;

/// <summary>The holiday calendar from the database (Labour Code holidays and the yearly adjustments the Admin enters).</summary>
public static class WorkingCalendars
{
    /// <summary>
    /// Working days for <paramref name="fromYear"/> to <paramref name="toYear"/> inclusive. Outside those years the
    /// calendar knows weekends only, so callers take one year past the last date they may reach.
    /// </summary>
    public static async Task<WorkingCalendar> LoadAsync(PortalDbContext db, int fromYear, int toYear, CancellationToken ct)
    {
        var holidays = await db.PublicHolidays.AsNoTracking().ToListAsync(ct);
        var first = new DateOnly(fromYear, 1, 1);
        var last = new DateOnly(toYear, 12, 31);
        var adjustments = await db.CalendarAdjustments.AsNoTracking().Where(a => a.Date >= first && a.Date <= last).ToListAsync(ct);
        return HolidayCalendar.Build(holidays, adjustments, fromYear, toYear);
    }
}
