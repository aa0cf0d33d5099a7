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
    private static readonly HashSet<Type> NotAudited = [typeof(AuditEntry), typeof(OutboxMessage), typeof(DataProtectionKey)];

    /// <summary>Secrets: the log shows that they changed, never their values.</summary>
    private static readonly HashSet<string> Masked = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    private const string RowVersion = "Version";

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddAuditEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddAuditEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddAuditEntries(DbContext? context)
    {
        if (context is not PortalDbContext db) return;
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !NotAudited.Contains(e.Metadata.ClrType))
            .ToList();
        if (changed.Count == 0) return;

        var actor = db.Actor?.Current
            ?? throw new InvalidOperationException("Refusing to save audited data without an actor: create contexts through PortalDbContextFactory.");
        var at = clock.GetUtcNow();
        var correlationId = Guid.CreateVersion7(at);
        foreach (var entry in changed)
        {
            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Added,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            var key = KeyOf(entry);
            var unitId = UnitOf(entry) ?? actor.UnitId;
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (name == RowVersion) continue;
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
                    Action = action,
                    Entity = entry.Metadata.ClrType.Name,
                    EntityKey = key,
                    Field = name,
                    OldValue = Format(name, oldValue),
                    NewValue = Format(name, newValue),
                });
            }
        }
    }

    /// <summary>The unit the changed data belongs to, so each unit's principal sees the changes to their own records.</summary>
    private static Guid? UnitOf(EntityEntry entry) =>
        entry.Entity is Portal.Domain.Organisation.OrgUnit unit ? unit.Id
        : entry.Metadata.FindProperty("UnitId") is not null ? entry.Property("UnitId").CurrentValue as Guid? : null;

    private static string KeyOf(EntityEntry entry) =>
        string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(p.Name, entry.Property(p.Name).CurrentValue)));

    private static string? Format(string field, object? value) => value switch
    {
        null => null,
        _ when Masked.Contains(field) => "***",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
