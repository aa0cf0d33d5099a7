using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Mail;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(x => x.DeduplicationKey).HasMaxLength(300);
        b.Property(x => x.To).HasMaxLength(320);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => x.DeduplicationKey).IsUnique();
        b.HasIndex(x => x.NextAttemptAt).HasFilter("\"Status\" = 1");
        b.HasIndex(x => new { x.UnitId, x.CreatedAt });
    }
}
