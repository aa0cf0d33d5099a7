using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deadlines;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Deadlines;

/// <summary>
/// The unit's obligations and "my obligations" (nghĩa vụ cập nhật hồ sơ): filtered lists, the on-time rate per month,
/// and closing the obligations only a person can close (the yearly declaration received, the report sent). Readers see
/// their unit subtree; a staff member sees only what they themselves must do.
/// </summary>
public sealed class ObligationService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, DeadlineOptions options)
{
    public const int PageSize = 50;

    public async Task<PageOf<ObligationListRow>> ListAsync(ObligationFilter filter, int page, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync([], ct);
        var today = clock.Today;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = Visible(db, scope, filter.Mine);
        if (filter.UnitId is { } unit) query = query.Where(o => o.UnitId == unit);
        if (filter.Awaits is { } awaits) query = query.Where(o => o.Awaits == awaits);
        var soon = today.AddDays(options.DueSoonDays);
        query = filter.State switch
        {
            ObligationState.Overdue => query.Where(o => o.CompletedOn == null && o.DueOn < today),
            ObligationState.DueSoon => query.Where(o => o.CompletedOn == null && o.DueOn >= today && o.DueOn <= soon),
            ObligationState.Open => query.Where(o => o.CompletedOn == null),
            ObligationState.DoneOnTime => query.Where(o => o.CompletedOn != null && o.CompletedOn <= o.DueOn),
            ObligationState.DoneLate => query.Where(o => o.CompletedOn != null && o.CompletedOn > o.DueOn),
            _ => query,
        };
        var rows = from o in query
                   join u in db.Units on o.UnitId equals u.Id
                   join s in db.Staff on o.StaffMemberId equals s.Id into staff
                   from s in staff.DefaultIfEmpty()
                   select new { o, UnitName = u.Name, StaffName = s == null ? null : s.FullName };
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = $"%{filter.Search.Trim()}%";
            rows = rows.Where(r => EF.Functions.Like(PortalDbFunctions.Fold(r.StaffName ?? r.UnitName), PortalDbFunctions.Fold(term))
                                || EF.Functions.Like(PortalDbFunctions.Fold(r.o.Title), PortalDbFunctions.Fold(term)));
        }
        var total = await rows.CountAsync(ct);
        // Open ones first, the most pressing on top; then what was closed, the latest first.
        var items = await rows.OrderBy(r => r.o.CompletedOn != null).ThenBy(r => r.o.CompletedOn == null ? r.o.DueOn : DateOnly.MaxValue)
            .ThenByDescending(r => r.o.CompletedOn).ThenBy(r => r.StaffName ?? r.UnitName)
            .Skip(Math.Max(0, page) * PageSize).Take(PageSize)
            .Select(r => new ObligationListRow(r.o.Id, r.o.StaffMemberId, r.StaffName, r.o.UnitId, r.UnitName, r.o.Title, r.o.RuleCode, r.o.LegalSource,
                r.o.Awaits, r.o.Responsible, r.o.EventDate, r.o.DueOn, r.o.CompletedOn, r.o.CompletedBy, r.o.OverdueNotifiedAt, r.o.EscalatedUpAt, r.o.Version))
            .ToListAsync(ct);
        return new PageOf<ObligationListRow>(items, total);
    }

    /// <summary>
    /// Marks done what only a person can confirm: the yearly declaration received, the report sent. Everything else
    /// closes itself when the change it waits for is saved, so it cannot be ticked off by hand.
    /// </summary>
    public async Task<SaveResult> CompleteAsync(Guid id, uint version, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var obligation = await db.Obligations.Where(o => o.Id == id && scope.UnitIds(db).Contains(o.UnitId)).SingleOrDefaultAsync(ct);
        if (obligation is null) return SaveResult.Failed(Strings.ObligationNotFound);
        if (obligation.Awaits is not (RuleAwaits.Declaration or RuleAwaits.Report)) return SaveResult.Failed(Strings.ObligationClosesItself);
        if (obligation.CompletedOn is not null) return SaveResult.Saved(id);
        db.Entry(obligation).Property(o => o.Version).OriginalValue = version;
        obligation.Complete(clock.Today, scope.FullName);
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, nameof(Obligation), id, ct));
        }
    }

    /// <summary>
    /// The last <paramref name="months"/> months by due date: how many fell due, how many were done on time, done late,
    /// and are still open past due. A month's rate counts only what has fallen due by today.
    /// </summary>
    public async Task<IReadOnlyList<MonthlyCompliance>> MonthlyAsync(int months = 12, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        var today = clock.Today;
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var counts = await Visible(db, scope, mine: false)
            .Where(o => o.DueOn >= first && o.DueOn <= today)
            .GroupBy(o => new { o.DueOn.Year, o.DueOn.Month })
            .Select(g => new
            {
                g.Key.Year, g.Key.Month, Due = g.Count(),
                OnTime = g.Count(o => o.CompletedOn != null && o.CompletedOn <= o.DueOn),
                Late = g.Count(o => o.CompletedOn != null && o.CompletedOn > o.DueOn),
            }).ToListAsync(ct);
        return Enumerable.Range(0, months).Select(i => first.AddMonths(i)).Select(m =>
            counts.FirstOrDefault(c => c.Year == m.Year && c.Month == m.Month) is { } c
                ? new MonthlyCompliance(m, c.Due, c.OnTime, c.Late, c.Due - c.OnTime - c.Late)
                : new MonthlyCompliance(m, 0, 0, 0, 0)).ToList();
    }

    /// <summary>The obligations <paramref name="scope"/> may see; with <paramref name="mine"/>, only those they must act on.</summary>
    private static IQueryable<Obligation> Visible(PortalDbContext db, UserScope scope, bool mine)
    {
        var reader = PortalRoles.RecordReaders.Any(scope.IsInRole);
        var own = scope.StaffMemberId;
        if (!reader || mine)
        {
            var officer = scope.IsInRole(PortalRoles.RecordsOfficer);
            var principal = scope.IsInRole(PortalRoles.Principal);
            var unit = scope.UnitId;
            return db.Obligations.Where(o =>
                (own != null && o.StaffMemberId == own && o.Responsible == ResponsibleParty.StaffMember)
                || (o.UnitId == unit && ((officer && (o.Responsible == ResponsibleParty.RecordsOfficer || o.Responsible == ResponsibleParty.Unit))
                                         || (principal && (o.Responsible == ResponsibleParty.Principal || o.Responsible == ResponsibleParty.Unit)))));
        }
        return db.Obligations.Where(o => scope.UnitIds(db).Contains(o.UnitId));
    }
}

public sealed record ObligationFilter(ObligationState? State = null, RuleAwaits? Awaits = null, bool Mine = false, string? Search = null, Guid? UnitId = null);

public sealed record ObligationListRow(Guid Id, Guid? StaffMemberId, string? StaffName, Guid UnitId, string UnitName, string Title, string RuleCode,
    string LegalSource, RuleAwaits Awaits, ResponsibleParty Responsible, DateOnly EventDate, DateOnly DueOn, DateOnly? CompletedOn, string? CompletedBy,
    DateTimeOffset? PrincipalToldAt, DateTimeOffset? SupervisorToldAt, uint Version)
{
    public ObligationState StateOn(DateOnly today, int dueSoonDays) => Obligation.StateOf(DueOn, CompletedOn, today, dueSoonDays);

    public bool ClosedByPerson => Awaits is RuleAwaits.Declaration or RuleAwaits.Report;
}

/// <summary>One month of the on-time chart (by due date).</summary>
public sealed record MonthlyCompliance(DateOnly Month, int Due, int OnTime, int Late, int OverdueOpen)
{
    /// <summary>Share done on time of what fell due, in percent; null for a month with nothing due.</summary>
    public double? OnTimeRate => Due == 0 ? null : Math.Round(100.0 * OnTime / Due, 1);
}
