using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The one way the application gets a <see cref="PortalDbContext"/>: one context per operation, stamped with the
/// scope's actor so every change is audited under a name.
/// </summary>
public sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, IAuditActor actor)
    : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => new(options) { Actor = actor };
}
