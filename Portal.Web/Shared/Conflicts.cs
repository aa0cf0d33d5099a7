using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Web.Resources;

namespace Portal.Web.Shared;

/// <summary>The message for a stale save: who changed the row since it was opened, when, and which fields (from the audit log).</summary>
public static class Conflicts
{
    public static Task<string> MessageAsync(PortalDbContext db, string entity, Guid id, CancellationToken ct) =>
        MessageAsync(db, entity, id.ToString(), Strings.ConflictBy, Strings.ConflictUnknown, ct);

    /// <summary>
    /// The same for any row (a mail template is keyed by its key), worded for what it is: <paramref name="changedBy"/> takes
    /// who, when and which fields; <paramref name="changedByUnknown"/> is said when the log has no change to the row.
    /// </summary>
    public static async Task<string> MessageAsync(PortalDbContext db, string entity, string key, string changedBy, string changedByUnknown,
        CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == entity && a.EntityKey == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.CorrelationId, a.UserName, a.At })
            .FirstOrDefaultAsync(ct);
        if (last is null) return changedByUnknown;
        var fields = await db.AuditEntries.AsNoTracking().Where(a => a.CorrelationId == last.CorrelationId && a.EntityKey == key)
            .Select(a => a.Field).ToListAsync(ct);
        return string.Format(changedBy, last.UserName, last.At.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm"),
            string.Join(", ", fields.Distinct().Select(FieldLabels.Of)));
    }
}

/// <summary>A row as a dialog saw it (its id and <c>xmin</c>), so a save that also ends it can refuse to overwrite someone else's change.</summary>
public sealed record OpenedRow(Guid Id, uint Version);
