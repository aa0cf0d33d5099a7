using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deadlines;
using Portal.Domain.Decisions;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class LegalDeadlineRuleConfiguration : IEntityTypeConfiguration<LegalDeadlineRule>
{
    public void Configure(EntityTypeBuilder<LegalDeadlineRule> b)
    {
        b.ToTable("deadline_rules", t =>
        {
            t.HasCheckConstraint("ck_deadline_rules_days", "\"Days\" >= 0");
            t.HasCheckConstraint("ck_deadline_rules_period", "\"InForceUntil\" IS NULL OR \"InForceUntil\" >= \"InForceFrom\"");
            t.HasCheckConstraint("ck_deadline_rules_responsible", "\"Responsible\" BETWEEN 1 AND 4");
            t.HasCheckConstraint("ck_deadline_rules_awaits", "\"Awaits\" BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_deadline_rules_fixed_day",
                "(\"FixedMonth\" IS NULL AND \"FixedDay\" IS NULL) OR (\"FixedMonth\" BETWEEN 1 AND 12 AND \"FixedDay\" BETWEEN 1 AND 31)");
        });
        b.Property(x => x.Code).HasMaxLength(100);
        b.Property(x => x.RuleSet).HasMaxLength(50);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.LegalSource).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> b)
    {
        b.ToTable("obligations");
        b.Property(x => x.RuleCode).HasMaxLength(100);
        b.Property(x => x.SourceKey).HasMaxLength(200);
        b.Property(x => x.CompletedBy).HasMaxLength(256);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.LegalSource).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.UnitId, x.DueOn }).HasFilter("\"CompletedOn\" IS NULL");
        // The daily scan: every open obligation due by a horizon, across all units.
        b.HasIndex(x => x.DueOn).HasFilter("\"CompletedOn\" IS NULL").HasDatabaseName("IX_obligations_open_DueOn");
        // Opening an obligation twice (a retried job, two instances, a re-saved decision) finds this key taken.
        b.HasIndex(x => new { x.RuleId, x.SourceKey }).IsUnique();
        b.HasIndex(x => x.StaffMemberId);
        b.HasIndex(x => x.DecisionId).HasFilter("\"DecisionId\" IS NOT NULL");
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decision>().WithMany().HasForeignKey(x => x.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LegalDeadlineRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> b)
    {
        b.ToTable("public_holidays", t =>
        {
            t.HasCheckConstraint("ck_public_holidays_days", "\"Days\" >= 1");
            t.HasCheckConstraint("ck_public_holidays_period", "\"InForceUntil\" IS NULL OR \"InForceUntil\" >= \"InForceFrom\"");
        });
        b.Property(x => x.Code).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.LegalSource).HasMaxLength(500);
        b.Property(x => x.CompensationSource).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class CalendarAdjustmentConfiguration : IEntityTypeConfiguration<CalendarAdjustment>
{
    public void Configure(EntityTypeBuilder<CalendarAdjustment> b)
    {
        b.ToTable("calendar_adjustments");
        // One adjustment per day: a day is either given off or made a working day by the Prime Minister's notice.
        b.HasKey(x => x.Date);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.LegalSource).HasMaxLength(500);
    }
}

internal sealed class MailTemplateConfiguration : IEntityTypeConfiguration<Portal.Domain.Mail.MailTemplate>
{
    public void Configure(EntityTypeBuilder<Portal.Domain.Mail.MailTemplate> b)
    {
        b.ToTable("mail_templates");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.Version).IsRowVersion();
    }
}
