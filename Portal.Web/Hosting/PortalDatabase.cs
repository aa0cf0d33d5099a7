using System.Diagnostics;
using Npgsql;
using Portal.Infrastructure.Postgres;

namespace Portal.Web.Hosting;

/// <summary>
/// Where the portal's data lives. With <c>ConnectionStrings:Portal</c> set, that server is used and nothing is started;
/// <c>ConnectionStrings:PortalOwner</c>, when set, is the login that applies migrations and grants the app's login its
/// rights (deploy/database-roles.sql). Without either, a local PostgreSQL cluster is started from the machine's binaries,
/// its superuser migrates, the app runs as <c>portal_app</c>, and a demo is seeded: the "nothing configured" path of the
/// README's run command.
/// </summary>
public sealed class PortalDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;

    private PortalDatabase(string connectionString, LocalPostgresCluster? cluster, bool seedDemo)
    {
        ConnectionString = connectionString;
        _cluster = cluster;
        SeedDemo = seedDemo;
    }

    public string ConnectionString { get; }
    public bool SeedDemo { get; }

    public static async Task<PortalDatabase> PrepareAsync(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration.GetConnectionString("Portal");
        var demo = configuration.GetValue<bool?>("Portal:Demo");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var owner = configuration.GetConnectionString("PortalOwner") is { Length: > 0 } o ? o : configured;
            try { await DatabaseSetup.RunAsync(owner, configured); }
            catch (NpgsqlException e) { return Fail($"the database could not be prepared: {e.Message}"); }
            return new PortalDatabase(configured, null, demo ?? false);
        }

        var options = new LocalPostgresOptions
        {
            Directory = configuration["Portal:LocalDatabase:Directory"] is { Length: > 0 } dir ? dir : LocalPostgresOptions.DefaultDirectory(),
            Port = configuration.GetValue("Portal:LocalDatabase:Port", 55432),
            BinDirectory = configuration["Portal:LocalDatabase:BinDirectory"],
        };
        try
        {
            var cluster = await LocalPostgresCluster.StartAsync(options);
            Console.WriteLine($"Portal: local PostgreSQL in {options.Directory} on 127.0.0.1:{cluster.Port}");
            await cluster.EnsureApplicationRoleAsync();
            await DatabaseSetup.RunAsync(cluster.ConnectionString("portal"), cluster.AppConnectionString("portal"));
            return new PortalDatabase(cluster.AppConnectionString("portal"), cluster, demo ?? true);
        }
        catch (LocalPostgresException e) { return Fail(e.Message); }
        catch (NpgsqlException e) { return Fail($"the local database could not be prepared: {e.Message}"); }
    }

    private static PortalDatabase Fail(string reason)
    {
        Console.Error.WriteLine($"Portal cannot start: {reason}");
        Environment.Exit(2);
        throw new UnreachableException();
    }

    /// <summary>Stops the local cluster with the app; its data stays in its folder for the next start.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null) await _cluster.StopAsync();
    }
}
