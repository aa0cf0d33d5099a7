using Portal.Domain.Audit;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Audit rows for what the interceptor cannot see because nothing changes: reads of confidential data and exports.
/// Written and committed at once, before the data is handed out, so a read that is not logged does not happen.
/// </summary>
public static class AuditTrail
{
    public static async Task RecordAsync(PortalDbContext db, DateTimeOffset at, AuditAction action, string entity, string key, CancellationToken ct,
        string field = "*", Guid? unitId = null, string? detail = null)
    {
        var actor = db.Actor?.Current ?? throw new InvalidOperationException("Refusing to hand out audited data without an actor.");
        db.AuditEntries.Add(new AuditEntry
        {
            At = AuditChain.Normalise(at),
            CorrelationId = Guid.CreateVersion7(at),
            UserId = actor.UserId,
            UserName = actor.UserName,
            UnitId = unitId ?? actor.UnitId,
            ClientIp = actor.ClientIp,
            Action = action,
            Entity = entity,
            EntityKey = key,
            Field = field,
            NewValue = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}
