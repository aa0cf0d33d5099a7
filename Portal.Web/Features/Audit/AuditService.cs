using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Records;
using Portal.Web.Shared;

namespace Portal.Web.Features.Audit;

/// <summary>
/// The change log for the principal's review: newest first, limited to data of the viewer's unit subtree, filtered by
/// period, user, staff member, section, action and unit. Paging is keyset on (At, Id) with a row-value comparison, so a
/// deep page costs what the first one does (an OR of comparisons cannot use the index).
/// Values the viewer may not see (restricted particulars, secrets) are masked for that viewer.
/// </summary>
public sealed class AuditService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock)
{
    public async Task<IReadOnlyList<AuditRow>> PageAsync(AuditCursor? after, int pageSize, AuditFilter? filter = null, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = await FilteredAsync(db, scope, filter ?? AuditFilter.None, ct);
        if (after is { } c)
            entries = entries.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.At, a.Id), ValueTuple.Create(c.At, c.Id)));
        var rows = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.UserRole, a.ClientIp, a.UserAgent, a.Action, a.Entity, a.EntityKey, a.SubjectId,
                a.Field, a.OldValue, a.NewValue, a.CorrelationId))
            .ToListAsync(ct);
        return Mask(rows, scope);
    }

    /// <summary>The filtered view as an XLSX file (at most <paramref name="maxRows"/> rows); the export is itself logged.</summary>
    public async Task<byte[]> XlsxAsync(AuditFilter filter, int maxRows = 100_000, CancellationToken ct = default)
    {
        var rows = await PageAsync(null, maxRows, filter, ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
            await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Exported, "AuditLog", "xlsx", ct, detail: $"{rows.Count} dòng; {filter}");
        return AuditExport.Xlsx(rows, clock.Zone);
    }

    /// <summary>The people whose actions appear in the viewer's log, for the user filter.</summary>
    public async Task<IReadOnlyList<AuditUserChoice>> UsersAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => scope.UnitIds(db).Contains(u.UnitId)).OrderBy(u => u.FullName)
            .Select(u => new AuditUserChoice(u.Id, u.FullName, u.UserName ?? "")).ToListAsync(ct);
    }

    private static async Task<IQueryable<AuditEntry>> FilteredAsync(PortalDbContext db, UserScope scope, AuditFilter f, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        // The subtree's ids are few and known, so they go in as a list: a school's principal reads one unit, which the
        // (UnitId, At, Id) index serves directly; an IN over a subquery would walk the whole log's time index instead.
        // Rows of no unit (e.g. a failed sign-in for an unknown address) belong to the top of the tree.
        var ids = await scope.UnitIds(db).ToListAsync(ct);
        var only = ids.Count == 1 && !scope.IsAtRoot ? ids[0] : (Guid?)null;
        entries = only is { } single ? entries.Where(a => a.UnitId == single)
            : scope.IsAtRoot ? entries.Where(a => a.UnitId == null || ids.Contains(a.UnitId.Value))
            : entries.Where(a => a.UnitId != null && ids.Contains(a.UnitId.Value));
        if (f.UnitId is { } unit)
        {
            var below = db.Units.Where(u => u.Id == unit).Select(u => u.Path);
            entries = entries.Where(a => db.Units.Any(u => u.Id == a.UnitId && below.Any(p => u.Path.StartsWith(p))));
        }
        if (f.From is { } from) entries = entries.Where(a => a.At >= from);
        if (f.Until is { } until) entries = entries.Where(a => a.At < until);
        if (f.UserId is { } userId) entries = entries.Where(a => a.UserId == userId);
        if (f.SubjectId is { } subject) entries = entries.Where(a => a.SubjectId == subject);
        if (!string.IsNullOrEmpty(f.Entity)) entries = entries.Where(a => a.Entity == f.Entity);
        if (f.Action is { } action) entries = entries.Where(a => a.Action == action);
        if (!string.IsNullOrEmpty(f.EntityKey)) entries = entries.Where(a => a.EntityKey == f.EntityKey);
        return entries;
    }

    /// <summary>Health and economic values are shown only to roles that may read them; the log keeps them for those who may.</summary>
    private static IReadOnlyList<AuditRow> Mask(List<AuditRow> rows, UserScope scope)
    {
        if (RecordService.RestrictedReaders.Any(scope.IsInRole)) return rows;
        return rows.Select(r => r.Entity == nameof(RestrictedParticulars)
            ? r with { OldValue = r.OldValue is null ? null : "***", NewValue = r.NewValue is null ? null : "***" }
            : r).ToList();
    }
}

/// <summary>What the principal narrows the log to. Instants are UTC; the page turns the chosen days into them.</summary>
public sealed record AuditFilter(DateTimeOffset? From = null, DateTimeOffset? Until = null, string? UserId = null, Guid? SubjectId = null,
    string? Entity = null, AuditAction? Action = null, Guid? UnitId = null, string? EntityKey = null)
{
    public static readonly AuditFilter None = new();

    /// <summary>
    /// The filter from the URL's values (from, to as yyyy-MM-dd school days; user; staff; section; action; unit; key), shared
    /// by the log page and its export, so the file holds exactly what the screen shows.
    /// </summary>
    public static AuditFilter Parse(Func<string, string?> value, TimeZoneInfo zone)
    {
        static DateOnly? Day(string? s) => DateOnly.TryParseExact(s, "yyyy-MM-dd", out var d) ? d : null;
        DateTimeOffset? StartOf(DateOnly? day) => day is { } d
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))).ToUniversalTime() : null;
        string? Text(string key) => string.IsNullOrWhiteSpace(value(key)) ? null : value(key);
        return new AuditFilter(
            StartOf(Day(value("from"))),
            StartOf(Day(value("to"))?.AddDays(1)),
            Text("user"),
            Guid.TryParse(value("staff"), out var staff) ? staff : null,
            Text("section"),
            Enum.TryParse<AuditAction>(value("action"), out var action) ? action : null,
            Guid.TryParse(value("unit"), out var unit) ? unit : null,
            Text("key"));
    }
}

public sealed record AuditCursor(DateTimeOffset At, long Id);

public sealed record AuditUserChoice(string Id, string FullName, string UserName);

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string? UserRole, string? ClientIp, string? UserAgent, AuditAction Action,
    string Entity, string EntityKey, Guid? SubjectId, string Field, string? OldValue, string? NewValue, Guid CorrelationId);
