using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Deadlines;
using Portal.Domain.Mail;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Set by <see cref="PortalDbContextFactory"/>; the audit interceptor will not save without it.</summary>
    public IAuditActor? Actor { get; set; }

    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<LegalDeadlineRule> DeadlineRules => Set<LegalDeadlineRule>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        builder.HasDbFunction(typeof(PortalDbFunctions).GetMethod(nameof(PortalDbFunctions.Fold))!).HasName("portal_fold").IsBuiltIn(false);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
