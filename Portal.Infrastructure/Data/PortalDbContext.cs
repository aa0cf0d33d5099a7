using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Deadlines;
using Portal.Domain.Decisions;
using Portal.Domain.Dossier;
using Portal.Domain.Law;
using Portal.Domain.Reference;
using Portal.Domain.Salary;
using Portal.Domain.Mail;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Identity;

namespace Portal.Infrastructure.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Set by <see cref="PortalDbContextFactory"/>; the audit interceptor will not save without it.</summary>
    public IAuditActor? Actor { get; set; }

    /// <summary>The transaction <see cref="AuditChainWriter"/> opened for a save that had none; committed when the save succeeds.</summary>
    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? OwnAuditTransaction { get; set; }

    public DbSet<OrgUnit> Units => Set<OrgUnit>();
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<LegalDeadlineRule> DeadlineRules => Set<LegalDeadlineRule>();
    public DbSet<Obligation> Obligations => Set<Obligation>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();
    public DbSet<CalendarAdjustment> CalendarAdjustments => Set<CalendarAdjustment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<AuditAnchor> AuditAnchors => Set<AuditAnchor>();
    public DbSet<AuditReview> AuditReviews => Set<AuditReview>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<MailTemplate> MailTemplates => Set<MailTemplate>();
    public DbSet<RestrictedParticulars> RestrictedParticulars => Set<RestrictedParticulars>();
    public DbSet<SalaryRecord> SalaryRecords => Set<SalaryRecord>();
    public DbSet<PositionRecord> PositionRecords => Set<PositionRecord>();
    public DbSet<AllowanceRecord> AllowanceRecords => Set<AllowanceRecord>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<WorkHistoryRecord> WorkHistoryRecords => Set<WorkHistoryRecord>();
    public DbSet<RatingRecord> RatingRecords => Set<RatingRecord>();
    public DbSet<AwardRecord> AwardRecords => Set<AwardRecord>();
    public DbSet<DisciplineRecord> DisciplineRecords => Set<DisciplineRecord>();
    public DbSet<FamilyMember> FamilyMembers => Set<FamilyMember>();
    public DbSet<AbsenceRecord> AbsenceRecords => Set<AbsenceRecord>();
    public DbSet<EarlyRaiseLevel> EarlyRaiseLevels => Set<EarlyRaiseLevel>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<DossierItemType> DossierItemTypes => Set<DossierItemType>();
    public DbSet<DossierItem> DossierItems => Set<DossierItem>();
    public DbSet<ReferenceItem> ReferenceItems => Set<ReferenceItem>();
    public DbSet<TitleDefinition> TitleDefinitions => Set<TitleDefinition>();
    public DbSet<SalaryScaleStep> SalaryScale => Set<SalaryScaleStep>();
    public DbSet<LegalParameter> LegalParameters => Set<LegalParameter>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("unaccent");
        builder.HasPostgresExtension("pg_trgm");
        // For the exclusion constraints that keep a legal parameter's or a salary step's periods from overlapping
        // (migration LegalDataNoOverlap): a GiST index over a text or integer column needs btree_gist's operator classes.
        builder.HasPostgresExtension("btree_gist");
        builder.HasDbFunction(typeof(PortalDbFunctions).GetMethod(nameof(PortalDbFunctions.Fold))!).HasName("portal_fold").IsBuiltIn(false);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
