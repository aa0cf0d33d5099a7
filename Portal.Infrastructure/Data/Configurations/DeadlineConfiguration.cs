using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Deadlines;
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
        });
        b.Property(x => x.Code).HasMaxLength(100);
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
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.LegalSource).HasMaxLength(500);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => new { x.UnitId, x.DueOn }).HasFilter("\"CompletedOn\" IS NULL");
        b.HasIndex(x => new { x.StaffMemberId, x.RuleId }).IsUnique();
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LegalDeadlineRule>().WithMany().HasForeignKey(x => x.RuleId).OnDelete(DeleteBehavior.Restrict);
    }
}
