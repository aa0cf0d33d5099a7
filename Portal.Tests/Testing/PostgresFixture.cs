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
        _cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions
        {
            Directory = Path.Combine(Path.GetTempPath(), $"portal-tests-{Guid.NewGuid():N}"[..22]),
            Throwaway = true,
        });
        await ExecuteAsync($"CREATE DATABASE {Template}");
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(Unpooled(Template)).Options;
        await using (var db = new PortalDbContext(options)) await db.Database.MigrateAsync();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A new, migrated, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}"[..30];
        await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {Template}");
        return Cluster.ConnectionString(name);
    }

    private LocalPostgresCluster Cluster => _cluster ?? throw new InvalidOperationException("The PostgreSQL cluster did not start.");

    private string Unpooled(string database) => new NpgsqlConnectionStringBuilder(Cluster.ConnectionString(database)) { Pooling = false }.ConnectionString;

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
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
