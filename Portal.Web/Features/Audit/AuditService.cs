using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Audit;

/// <summary>
/// The change log as a plain newest-first list, limited to data of the viewer's unit subtree.
/// Paging is keyset on (At, Id) with a row-value comparison, so a deep page costs what the first one does.
/// </summary>
public sealed class AuditService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user)
{
    public async Task<IReadOnlyList<AuditRow>> PageAsync(AuditCursor? after, int pageSize, string? entityKey = null, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        var atRoot = scope.IsAtRoot;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking()
            .Where(a => a.UnitId == null ? atRoot : scope.UnitIds(db).Contains(a.UnitId.Value));
        if (entityKey is not null) entries = entries.Where(a => a.EntityKey == entityKey);
        if (after is { } c)
            entries = entries.Where(a => EF.Functions.LessThan(ValueTuple.Create(a.At, a.Id), ValueTuple.Create(c.At, c.Id)));
        return await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(pageSize)
            .Select(a => new AuditRow(a.Id, a.At, a.UserName, a.ClientIp, a.Action, a.Entity, a.EntityKey, a.Field, a.OldValue, a.NewValue))
            .ToListAsync(ct);
    }
}

public sealed record AuditCursor(DateTimeOffset At, long Id);

public sealed record AuditRow(long Id, DateTimeOffset At, string UserName, string? ClientIp, AuditAction Action, string Entity,
    string EntityKey, string Field, string? OldValue, string? NewValue);
