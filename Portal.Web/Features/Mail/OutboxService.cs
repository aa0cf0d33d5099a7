using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Mail;

/// <summary>The outbox as the principal sees it: what was sent, what waits, and why.</summary>
public sealed class OutboxService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user)
{
    public async Task<IReadOnlyList<OutboxRow>> RecentAsync(int take, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        var isAdmin = scope.IsInRole(PortalRoles.Admin);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Outbox.AsNoTracking()
            .Where(m => m.UnitId == null ? isAdmin : scope.UnitIds(db).Contains(m.UnitId.Value))
            .OrderByDescending(m => m.CreatedAt).Take(take)
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.CreatedAt, m.Status, m.Attempts, m.SentAt, m.LastError))
            .ToListAsync(ct);
    }
}

public sealed record OutboxRow(Guid Id, string To, string Subject, DateTimeOffset CreatedAt, OutboxStatus Status, int Attempts,
    DateTimeOffset? SentAt, string? LastError);
