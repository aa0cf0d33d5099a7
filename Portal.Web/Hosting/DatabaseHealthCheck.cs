using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Infrastructure.Data;

namespace Portal.Web.Hosting;

/// <summary>/health for load balancers: healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(DbContextOptions<PortalDbContext> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = new PortalDbContext(options);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
