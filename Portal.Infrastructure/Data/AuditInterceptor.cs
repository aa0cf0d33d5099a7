using System.Globalization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Domain.Audit;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Writes one <see cref="AuditEntry"/> per changed field, inside the same SaveChanges (and so the same transaction)
/// as the change. Services never write audit rows themselves, so none can forget to.
/// Bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> bypass interceptors and are therefore not used on audited tables.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>Operational tables whose rows are not personnel data; auditing them would only add noise.</summary>
    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(AuditChainHead), typeof(AuditAnchor), typeof(OutboxMessage), typeof(DataProtectionKey)];

    /// <summary>Secrets: the log shows that they changed, never their values.</summary>
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    private const string RowVersion = "Version";

    /// <summary>Figures the portal recomputes from other data after each save; their inputs are audited, they are not.</summary>
    private static readonly HashSet<string> Derived = ["CompletenessPercent"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SavingAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SavingAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is PortalDbContext db) AuditChainWriter.CommitAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db) await AuditChainWriter.CommitAsync(db, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is PortalDbContext db) AuditChainWriter.RollbackAsync(db).GetAwaiter().GetResult();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is PortalDbContext db) await AuditChainWriter.RollbackAsync(db);
    }

    private async Task SavingAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not PortalDbContext db) return;
        await AddAuditEntriesAsync(db, ct);
        // Every audit row of this save, whoever added it (this interceptor, or AuditTrail for reads and exports), joins its chain.
        await AuditChainWriter.LinkAsync(db, ct);
    }

    private async Task AddAuditEntriesAsync(PortalDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !NotAudited.Contains(e.Metadata.ClrType))
            .ToList();
        if (changed.Count == 0) return;

        var actor = db.Actor?.Current
            ?? throw new InvalidOperationException("Refusing to save audited data without an actor: create contexts through PortalDbContextFactory.");
        var staffUnits = await StaffUnitsAsync(db, changed, ct);
        var at = AuditChain.Normalise(clock.GetUtcNow());
        var correlationId = Guid.CreateVersion7(at);
        // A row a service added to explain this save (an account change with its reason) joins it: same instant, actor, correlation.
        foreach (var note in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.CorrelationId == Guid.Empty))
        {
            var row = note.Entity;
            (row.At, row.CorrelationId, row.UserId, row.UserName, row.ClientIp, row.UserRole, row.UserAgent) =
                (at, correlationId, actor.UserId, actor.UserName, actor.ClientIp, actor.Role, actor.UserAgentForLog);
        }
        foreach (var entry in changed)
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            var key = KeyOf(entry);
            var unitId = UnitOf(entry, staffUnits) ?? actor.UnitId;
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (name == RowVersion || Derived.Contains(name)) continue;
                var (oldValue, newValue) = action switch
                {
                    AuditAction.Added => (null, property.CurrentValue),
                    AuditAction.Deleted => (property.OriginalValue, null),
                    _ => (property.OriginalValue, property.CurrentValue),
                };
                if (action == AuditAction.Modified && (!property.IsModified || Equals(oldValue, newValue))) continue;
                if (action == AuditAction.Added && newValue is null) continue;
                db.AuditEntries.Add(new AuditEntry
                {
                    At = at,
                    CorrelationId = correlationId,
                    UserId = actor.UserId,
                    UserName = actor.UserName,
                    UnitId = unitId,
                    ClientIp = actor.ClientIp,
                    UserRole = actor.Role,
                    UserAgent = actor.UserAgentForLog,
                    Action = action,
                    Entity = entry.Metadata.ClrType.Name,
                    EntityKey = key,
                    SubjectId = entry.Entity is Portal.Domain.Staff.StaffMember staff ? staff.Id : StaffMemberOf(entry),
                    Field = name,
                    OldValue = Format(name, oldValue),
                    NewValue = Format(name, newValue),
                });
            }
        }
    }

    /// <summary>The unit the changed data belongs to, so each unit's principal sees the changes to their own records.</summary>
    private static Guid? UnitOf(EntityEntry entry, Dictionary<Guid, Guid> staffUnits) =>
        entry.Entity is Portal.Domain.Organisation.OrgUnit unit ? unit.Id
        : entry.Metadata.FindProperty("UnitId") is not null ? entry.Property("UnitId").CurrentValue as Guid?
        : StaffMemberOf(entry) is { } staffId && staffUnits.TryGetValue(staffId, out var staffUnit) ? staffUnit
        : null;

    private static Guid? StaffMemberOf(EntityEntry entry) =>
        entry.Metadata.FindProperty(StaffMemberId) is not null ? entry.Property(StaffMemberId).CurrentValue as Guid? : null;

    /// <summary>Rows of a record (history rows, dossier items, restricted particulars) carry the person, not the unit: look the unit up.</summary>
    private static async Task<Dictionary<Guid, Guid>> StaffUnitsAsync(PortalDbContext db, List<EntityEntry> changed, CancellationToken ct)
    {
        var staffIds = changed.Where(e => e.Metadata.FindProperty("UnitId") is null).Select(StaffMemberOf).OfType<Guid>().Distinct().ToList();
        if (staffIds.Count == 0) return [];
        var units = db.Staff.Local.Where(s => staffIds.Contains(s.Id)).ToDictionary(s => s.Id, s => s.UnitId);
        var missing = staffIds.Where(id => !units.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var row in await db.Staff.AsNoTracking().Where(s => missing.Contains(s.Id)).Select(s => new { s.Id, s.UnitId }).ToListAsync(ct))
                units[row.Id] = row.UnitId;
        return units;
    }

    private const string StaffMemberId = "StaffMemberId";

    private static string KeyOf(EntityEntry entry) =>
        string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(p.Name, entry.Property(p.Name).CurrentValue)));

    private static string? Format(string field, object? value) => value switch
    {
        null => null,
        _ when Masked.Contains(field) => "***",
        // File contents are identified by the attachment's SHA-256 row; the log notes only their size.
        byte[] bytes => $"({bytes.Length} bytes)",
        // Lists stored as arrays (the rule sets a unit applies) read as their items, not "System.String[]".
        string[] items => string.Join(", ", items),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
