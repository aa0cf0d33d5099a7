using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Postgres;

namespace Portal.Web.Hosting;

/// <summary>
/// What the database owner does before the app starts (ADR 0007): the migrations (EF Core takes a database lock, so
/// several instances may start at once), Hangfire's schema, and the grants of the app's own role. The running app then
/// connects as that role and never needs DDL; when one login does both, there is nothing to grant.
/// </summary>
public static class DatabaseSetup
{
    public const string HangfireSchema = "hangfire";

    public static async Task RunAsync(string ownerConnectionString, string appConnectionString, CancellationToken ct = default)
    {
        // Unpooled: the owner's sessions end with the set-up instead of idling in a pool for the app's lifetime.
        ownerConnectionString = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Pooling = false }.ConnectionString;
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(ownerConnectionString).Options;
        await using (var db = new PortalDbContext(options)) await db.Database.MigrateAsync(ct);

        await using (var connection = new NpgsqlConnection(ownerConnectionString))
        {
            await connection.OpenAsync(ct);
            PostgreSqlObjectsInstaller.Install(connection, HangfireSchema);
        }

        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString).Username;
        var app = new NpgsqlConnectionStringBuilder(appConnectionString).Username;
        if (!string.Equals(owner, app, StringComparison.Ordinal) && app is { Length: > 0 })
            await ApplicationRole.GrantAsync(ownerConnectionString, app, ct);
    }
}
