using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Organisation;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_units");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Path).HasMaxLength(1000);
        b.Property(x => x.Version).IsRowVersion();
        b.ToTable(t => t.HasCheckConstraint("ck_org_units_school_class", "\"SchoolClass\" IS NULL OR \"SchoolClass\" BETWEEN 1 AND 3"));
        b.HasIndex(x => x.Path).IsUnique().HasOperators("text_pattern_ops");
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
