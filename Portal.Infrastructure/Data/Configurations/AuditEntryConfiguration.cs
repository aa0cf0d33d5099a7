using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Audit;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.ClientIp).HasMaxLength(64);
        b.Property(x => x.UserRole).HasMaxLength(200);
        b.Property(x => x.UserAgent).HasMaxLength(300);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityKey).HasMaxLength(200);
        b.Property(x => x.Field).HasMaxLength(100);
        b.HasIndex(x => new { x.At, x.Id }).IsDescending(true, true);
        b.HasIndex(x => new { x.Entity, x.EntityKey });
        b.HasIndex(x => new { x.UnitId, x.At, x.Id }).IsDescending(false, true, true);
        b.HasIndex(x => new { x.SubjectId, x.At, x.Id }).IsDescending(false, true, true).HasFilter("\"SubjectId\" IS NOT NULL");
        b.HasIndex(x => new { x.UserId, x.At, x.Id }).IsDescending(false, true, true);
        // Carries the links, so the verification's walk of each chain (lag over ChainId, Seq) is an index-only scan.
        b.HasIndex(x => new { x.ChainId, x.Seq }).IsUnique().IncludeProperties(x => new { x.PrevHash, x.Hash });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> b)
    {
        b.ToTable("audit_chain_heads");
        b.HasKey(x => x.ChainId);
    }
}

internal sealed class AuditAnchorConfiguration : IEntityTypeConfiguration<AuditAnchor>
{
    public void Configure(EntityTypeBuilder<AuditAnchor> b)
    {
        b.ToTable("audit_anchors");
        b.Property(x => x.Id).UseIdentityAlwaysColumn();
        b.HasIndex(x => new { x.Day, x.ChainId }).IsUnique();
    }
}

internal sealed class AuditReviewConfiguration : IEntityTypeConfiguration<AuditReview>
{
    public void Configure(EntityTypeBuilder<AuditReview> b)
    {
        b.ToTable("audit_reviews");
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.HasIndex(x => new { x.UnitId, x.Until });
    }
}
