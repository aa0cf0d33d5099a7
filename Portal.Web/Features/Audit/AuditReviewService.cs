using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Audit;

/// <summary>
/// The principal's periodic review: the flags raised since the unit's last sign-off, and the sign-off itself.
/// Flags are computed from the log each time (they are rules over facts, not stored opinions), so a changed threshold
/// applies to everything not yet signed off.
/// </summary>
public sealed class AuditReviewService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, AuditFlagRules rules)
{
    /// <summary>The most rows one review reads; beyond it the page says so and the principal signs off in steps.</summary>
    private const int MaxRows = 50_000;

    public async Task<ReviewState> PendingAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var last = await db.AuditReviews.AsNoTracking().Where(r => r.UnitId == scope.UnitId).OrderByDescending(r => r.Until).FirstOrDefaultAsync(ct);
        var since = last?.Until;
        var atRoot = scope.IsAtRoot;
        var units = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Path }).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UnitId == null ? atRoot : scope.UnitIds(db).Contains(a.UnitId.Value))
            .Where(a => since == null || a.At > since)
            .Where(a => a.Action == AuditAction.Added || a.Action == AuditAction.Modified || a.Action == AuditAction.Deleted)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(MaxRows)
            .Select(a => new { a.Id, a.CorrelationId, a.At, a.UserId, a.UserName, a.Action, a.Entity, a.Field, a.UnitId, a.SubjectId })
            .ToListAsync(ct);
        var actorUnits = await db.Users.AsNoTracking().Where(u => rows.Select(r => r.UserId).Contains(u.Id))
            .Select(u => new { u.Id, u.UnitId, u.StaffMemberId }).ToDictionaryAsync(u => u.Id, u => (u.UnitId, u.StaffMemberId), ct);
        bool Owns(string? userId, Guid? dataUnit) =>
            userId is null || dataUnit is null || !actorUnits.TryGetValue(userId, out var own)
            || (units.TryGetValue(own.UnitId, out var ownPath) && units.TryGetValue(dataUnit.Value, out var dataPath) && dataPath.StartsWith(ownPath, StringComparison.Ordinal));
        var inputs = rows.Select(r => new AuditFlagInput(r.Id, r.CorrelationId, clock.ToLocal(r.At), r.UserId, r.UserName, r.Action, r.Entity, r.Field,
            Owns(r.UserId, r.UnitId),
            r.SubjectId is { } subject && r.UserId is not null && actorUnits.TryGetValue(r.UserId, out var actor) && actor.StaffMemberId == subject)).ToList();
        return new ReviewState(last, since, rows.Count, rows.Count == MaxRows, AuditFlags.Evaluate(inputs, rules));
    }

    /// <summary>Marks the unit's log reviewed up to now, with the principal's comment. Flags raised later stay pending.</summary>
    public async Task<SaveResult> SignOffAsync(string? comment, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        var pending = await PendingAsync(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var review = new AuditReview
        {
            Id = Guid.CreateVersion7(), UnitId = scope.UnitId, From = pending.Since, Until = AuditChain.Normalise(clock.Now),
            ReviewedBy = scope.FullName, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), FlagCount = pending.Flags.Count,
        };
        db.AuditReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(review.Id);
    }
}

public sealed record ReviewState(AuditReview? LastSignOff, DateTimeOffset? Since, int RowsRead, bool Truncated, IReadOnlyList<AuditFlag> Flags);
