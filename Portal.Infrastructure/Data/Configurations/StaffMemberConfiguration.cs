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
        b.Property(x => x.TitleCode).HasMaxLength(20);
        b.Property(x => x.EthnicityCode).HasMaxLength(20);
        b.Property(x => x.ReligionCode).HasMaxLength(20);
        b.Property(x => x.HighestQualificationCode).HasMaxLength(20);
        b.Property(x => x.PoliticalTheoryCode).HasMaxLength(20);
        b.Property(x => x.StateManagementCode).HasMaxLength(20);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.SocialInsuranceNumber).HasMaxLength(20);
        b.Property(x => x.HealthInsuranceNumber).HasMaxLength(20);
        b.HasIndex(x => new { x.UnitId, x.FullName });
        b.HasIndex(x => new { x.Status, x.UnitId });
        b.HasIndex(x => x.TitleCode);
        b.Property(x => x.StaffCode).HasMaxLength(30);
        b.HasIndex(x => x.StaffCode);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
