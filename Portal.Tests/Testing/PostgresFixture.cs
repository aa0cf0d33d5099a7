using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Postgres;

namespace Portal.Tests.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster for the whole test run, started from the machine's binaries. Migrations are applied
/// once to a template database; each test gets its own database cloned from it, so tests run in parallel without
/// sharing rows. If PostgreSQL cannot start, every test that needs it fails with the reason: nothing is skipped.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string Template = "portal_template";
    private LocalPostgresCluster? _cluster;
    private int _databases;

    public async ValueTask InitializeAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"portal-tests-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            _cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { Directory = directory, Port = 0, Throwaway = true });
            await ExecuteAsync($"CREATE DATABASE {Template}");
            // Unpooled: CREATE DATABASE ... TEMPLATE fails while any session is connected to the template.
            var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(Unpooled(Template)).Options;
            await using (var db = new PortalDbContext(options)) await db.Database.MigrateAsync();
            // Tests run as the portal's own role, as the app does, so a grant the app lacks fails a test here first.
            await _cluster.EnsureApplicationRoleAsync();
            await ApplicationRole.GrantAsync(Unpooled(Template), ApplicationRole.DefaultName);
            // From here on a connection to the template is refused with a clear error, instead of one left open making
            // every CreateDatabaseAsync fail with "source database is being accessed by other users".
            await ExecuteAsync($"ALTER DATABASE {Template} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
        }
        catch (Exception e)
        {
            // pg_ctl only says "could not start server"; the reason (port, permissions, locale) is in the server's log.
            var log = Path.Combine(directory, "postgres.log");
            var reason = File.Exists(log) ? string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(20)) : "";
            await DisposeAsync();
            throw new InvalidOperationException($"The test run's PostgreSQL cluster in {directory} could not be prepared: {e.Message}{Environment.NewLine}{reason}".Trim(), e);
        }
    }

    /// <summary>
    /// A new, migrated, empty database; returns the connection string of the portal's own role (<c>portal_app</c>), which
    /// may not change audit rows. <see cref="OwnerConnectionString"/> gives the superuser's, for tests that play an attacker. <paramref name="prefix"/> (e.g. the test class's
    /// name) only makes the database easy to recognise in psql's \l and the server's log.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null)
    {
        var readable = new string([.. (prefix ?? "test").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').Take(24)]);
        // Within PostgreSQL's 63-byte limit on names.
        var name = $"{readable}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..12]}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE {Template}");
        return Cluster.AppConnectionString(name);
    }

    /// <summary>The cluster superuser's connection to the same database as <paramref name="connectionString"/>.</summary>
    public string OwnerConnectionString(string connectionString) =>
        Cluster.ConnectionString(new NpgsqlConnectionStringBuilder(connectionString).Database!);

    private LocalPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL cluster did not start.");

    private string Unpooled(string database) => new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database)) { Pooling = false }.ConnectionString;

    /// <summary>Stops (or allows again) new connections to one test database and ends the open ones: a database outage.</summary>
    public async Task SetReachableAsync(string connectionString, bool reachable)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(reachable ? "true" : "false")}");
        if (!reachable) await ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Unpooled("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is { } cluster)
        {
            _cluster = null;
            await cluster.DisposeAsync();
        }
    }
}
