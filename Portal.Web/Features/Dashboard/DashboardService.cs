using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Dashboard;

/// <summary>The figures on the home page, for the viewer's unit subtree. Staff members see their own record instead (a later issue).</summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock,
    Portal.Web.Features.Deadlines.DeadlineOptions options)
{
    public async Task<DashboardFigures> GetAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        var today = clock.Today;
        var soon = today.AddDays(options.DueSoonDays);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var units = scope.UnitIds(db);
        var staff = await db.Staff.CountAsync(s => units.Contains(s.UnitId), ct);
        var open = db.Obligations.Where(o => o.CompletedOn == null && units.Contains(o.UnitId));
        var overdue = await open.CountAsync(o => o.DueOn < today, ct);
        var dueSoon = await open.CountAsync(o => o.DueOn >= today && o.DueOn <= soon, ct);
        var dueIn30 = await open.CountAsync(o => o.DueOn >= today && o.DueOn <= today.AddDays(30), ct);
        // Overdue first, then what falls due within the week: records and the unit's own reports alike.
        var upcoming = await (from o in open
                              join u in db.Units on o.UnitId equals u.Id
                              join s in db.Staff on o.StaffMemberId equals s.Id into person
                              from s in person.DefaultIfEmpty()
                              where o.DueOn <= soon
                              orderby o.DueOn, u.Name
                              select new ObligationRow(o.Id, o.StaffMemberId, s == null ? u.Name : s.FullName, o.Title, o.DueOn, o.LegalSource))
                             .Take(20).ToListAsync(ct);
        return new DashboardFigures(scope.UnitName, staff, overdue, dueSoon, dueIn30, today, upcoming);
    }
}

public sealed record DashboardFigures(string UnitName, int StaffCount, int Overdue, int DueSoon, int DueIn30Days, DateOnly Today,
    IReadOnlyList<ObligationRow> Upcoming);

/// <summary>An open obligation on the home page; <see cref="StaffMemberId"/> is null for the unit's own (a report).</summary>
public sealed record ObligationRow(Guid Id, Guid? StaffMemberId, string Concerns, string Title, DateOnly DueOn, string LegalSource);
