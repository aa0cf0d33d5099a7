using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Dashboard;

/// <summary>The figures on the home page, for the viewer's unit subtree. Staff members see their own record instead (a later issue).</summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock)
{
    public const int DueSoonDays = 7;

    public async Task<DashboardFigures> GetAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        var today = clock.Today;
        var soon = today.AddDays(DueSoonDays);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var units = scope.UnitIds(db);
        var staff = await db.Staff.CountAsync(s => units.Contains(s.UnitId), ct);
        var open = db.Obligations.Where(o => o.CompletedOn == null && units.Contains(o.UnitId));
        var overdue = await open.CountAsync(o => o.DueOn < today, ct);
        var dueSoon = await open.CountAsync(o => o.DueOn >= today && o.DueOn <= soon, ct);
        var upcoming = await (from o in open
                              join s in db.Staff on o.StaffMemberId equals s.Id
                              where o.DueOn <= soon
                              orderby o.DueOn, s.FullName
                              select new ObligationRow(o.Id, s.Id, s.FullName, o.Title, o.DueOn, o.LegalSource))
                             .Take(20).ToListAsync(ct);
        return new DashboardFigures(scope.UnitName, staff, overdue, dueSoon, today, upcoming);
    }
}

public sealed record DashboardFigures(string UnitName, int StaffCount, int Overdue, int DueSoon, DateOnly Today, IReadOnlyList<ObligationRow> Upcoming);

public sealed record ObligationRow(Guid Id, Guid StaffMemberId, string StaffName, string Title, DateOnly DueOn, string LegalSource);
