using System.Text.RegularExpressions;
using Npgsql;

namespace Portal.Infrastructure.Postgres;

/// <summary>
/// The database role the running portal logs in as (ADR 0007): it reads and writes the business tables and Hangfire's,
/// but may only SELECT and INSERT audit rows and only read the migration history. Migrations and Hangfire's schema are
/// applied by the owner before the app starts, so the app itself never needs DDL. deploy/database-roles.sql does the
/// same by hand for a real server; the embedded cluster and the test cluster call this.
/// </summary>
public static partial class ApplicationRole
{
    public const string DefaultName = "portal_app";

    /// <summary>Creates the login role, or sets its password when it exists (the password file is the truth).</summary>
    public static async Task EnsureLoginAsync(string ownerConnectionString, string role, string password, CancellationToken ct = default)
    {
        var name = Identifier(role);
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", connection) { Parameters = { new() { Value = role } } };
        var verb = await exists.ExecuteScalarAsync(ct) is null ? "CREATE" : "ALTER";
        // A password cannot be a bind parameter in CREATE/ALTER ROLE; it is a literal with quotes doubled.
        await ExecuteAsync(connection, $"{verb} ROLE {name} LOGIN PASSWORD '{password.Replace("'", "''")}'", ct);
    }

    /// <summary>
    /// Grants <paramref name="role"/> what the running portal needs on the database of <paramref name="ownerConnectionString"/>.
    /// Idempotent; run after every migration so new tables are covered.
    /// </summary>
    public static async Task GrantAsync(string ownerConnectionString, string role, CancellationToken ct = default)
    {
        var name = Identifier(role);
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"""
            GRANT USAGE ON SCHEMA public TO {name};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name};
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {name};
            REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "__EFMigrationsHistory" FROM {name};
            DO $$ BEGIN
                IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hangfire') THEN
                    GRANT USAGE ON SCHEMA hangfire TO {name};
                    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA hangfire TO {name};
                    GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA hangfire TO {name};
                END IF;
            END $$;
            """, ct);
    }

    private static string Identifier(string role) =>
        PlainName().IsMatch(role) ? role : throw new ArgumentException($"'{role}' is not a plain role name (a-z, 0-9, _).", nameof(role));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainName();
}
