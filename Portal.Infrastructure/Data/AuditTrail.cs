using Portal.Domain.Audit;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Audit rows for what the interceptor cannot see because nothing changes: reads of confidential data and exports.
/// Written and committed at once, before the data is handed out, so a read that is not logged does not happen.
/// </summary>
public static class AuditTrail
{
    public static async Task RecordAsync(PortalDbContext db, DateTimeOffset at, AuditAction action, string entity, string key, CancellationToken ct,
        string field = "*", Guid? unitId = null, string? detail = null, Guid? subjectId = null)
    {
        var actor = db.Actor?.Current ?? throw new InvalidOperationException("Refusing to hand out audited data without an actor.");
        await RecordAsync(db, at, actor, action, entity, key, ct, field, unitId ?? actor.UnitId, detail, subjectId);
    }

    /// <summary>For events whose actor is not the session's (a sign-in names the account that signs in).</summary>
    public static async Task RecordAsync(PortalDbContext db, DateTimeOffset at, ActorInfo actor, AuditAction action, string entity, string key,
        CancellationToken ct, string field, Guid? unitId, string? detail, Guid? subjectId = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = AuditChain.Normalise(at),
            CorrelationId = Guid.CreateVersion7(at),
            UserId = actor.UserId,
            UserName = actor.UserName,
            UnitId = unitId,
            ClientIp = actor.ClientIp,
            UserRole = actor.Role,
            UserAgent = actor.UserAgentForLog,
            Action = action,
            Entity = entity,
            EntityKey = key,
            SubjectId = subjectId,
            Field = field,
            NewValue = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}
