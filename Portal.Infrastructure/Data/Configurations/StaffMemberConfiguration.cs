using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff_members", t =>
        {
            t.HasCheckConstraint("ck_staff_members_citizen_id", "\"CitizenId\" ~ '^[0-9]{12}$'");
            t.HasCheckConstraint("ck_staff_members_full_name", "length(btrim(\"FullName\")) > 0");
        });
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.CitizenId).HasMaxLength(12).IsFixedLength();
        b.Property(x => x.ProfessionalTitle).HasMaxLength(200);
        b.Property(x => x.RecruitmentDecisionNumber).HasMaxLength(100);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.CitizenId).IsUnique();
        b.HasIndex(x => new { x.UnitId, x.FullName });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
