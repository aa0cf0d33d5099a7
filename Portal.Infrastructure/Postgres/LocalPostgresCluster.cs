using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Portal.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL cluster run from the machine's own binaries in a folder of ours: the portal's database when no
/// connection string is configured, and the throwaway cluster of the test run. PostgreSQL refuses to run as root,
/// so as root every command runs as the <c>postgres</c> OS user, on a folder owned by it.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "portal";
    private readonly LocalPostgresOptions _options;
    private readonly string _binDirectory;

    private LocalPostgresCluster(LocalPostgresOptions options, string binDirectory, int port, string password, string appPassword)
    {
        _options = options;
        _binDirectory = binDirectory;
        Port = port;
        Password = password;
        AppPassword = appPassword;
    }

    public int Port { get; }
    private string Password { get; }
    private string AppPassword { get; }
    private string DataDirectory => Path.Combine(_options.Directory, "data");

    /// <summary>The cluster's superuser: creates databases and roles, applies migrations (the owner's connection).</summary>
    public string ConnectionString(string database) => Connect(SuperUser, Password, database);

    /// <summary>
    /// The running portal's own login (<see cref="ApplicationRole"/>), which cannot change audit rows; exists once
    /// <see cref="EnsureApplicationRoleAsync"/> has run.
    /// </summary>
    public string AppConnectionString(string database) => Connect(ApplicationRole.DefaultName, AppPassword, database);

    public Task EnsureApplicationRoleAsync(CancellationToken ct = default) =>
        ApplicationRole.EnsureLoginAsync(ConnectionString("postgres"), ApplicationRole.DefaultName, AppPassword, ct);

    private string Connect(string user, string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = user,
        Password = password,
        Database = database,
    }.ConnectionString;

    /// <summary>Finds initdb and pg_ctl: the configured folder, then PATH, then the newest /usr/lib/postgresql/*/bin.</summary>
    public static string? FindBinDirectory(string? configured)
    {
        IEnumerable<string> candidates = [
            .. configured is { Length: > 0 } ? [configured] : Array.Empty<string>(),
            .. (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries),
            .. Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin"))
                : [],
        ];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    public static async Task<LocalPostgresCluster> StartAsync(LocalPostgresOptions options, CancellationToken ct = default)
    {
        var bin = FindBinDirectory(options.BinDirectory) ?? throw new LocalPostgresException(
            "PostgreSQL binaries (initdb, pg_ctl) were not found: install them (Debian: apt-get install postgresql) " +
            "or set ConnectionStrings__Portal to an existing server.");
        Directory.CreateDirectory(options.Directory);
        var passwordFile = Path.Combine(options.Directory, "password");
        var password = await SecretAsync(passwordFile, ct);
        var appPassword = await SecretAsync(Path.Combine(options.Directory, "app-password"), ct);

        var dataDirectory = Path.Combine(options.Directory, "data");
        var runningPort = RunningPort(dataDirectory);
        var cluster = new LocalPostgresCluster(options, bin, runningPort ?? (options.Port is > 0 and var p ? p : FreePort()), password, appPassword);
        if (runningPort is null)
        {
            await cluster.InitialiseIfNewAsync(passwordFile, ct);
            await cluster.StartServerAsync(ct);
        }
        return cluster;
    }

    /// <summary>A random password kept in a file only its owner can read; made on first use.</summary>
    private static async Task<string> SecretAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(file)) await File.WriteAllTextAsync(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)), ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return (await File.ReadAllTextAsync(file, ct)).Trim();
    }

    private async Task InitialiseIfNewAsync(string passwordFile, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(DataDirectory, "PG_VERSION"))) { GiveToPostgresUser(); return; }
        GiveToPostgresUser();
        await RunAsync("initdb", ["-D", DataDirectory, "-U", SuperUser, "--pwfile", passwordFile, "-E", "UTF8",
            "--locale-provider=icu", "--icu-locale=vi-VN", "--locale=C.UTF-8",
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256"], ct);
    }

    private async Task StartServerAsync(CancellationToken ct)
    {
        var settings = $"-p {Port} -k {_options.Directory} -c listen_addresses=127.0.0.1 -c max_connections=200";
        if (_options.Throwaway) settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_options.Directory, "postgres.log"),
            "-w", "-t", "60", "-o", settings, "start"], ct);
    }

    /// <summary>The port of a server already running on this data folder (left by a previous run), if any.</summary>
    private static int? RunningPort(string dataDirectory)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port)) return null;
        try { return Process.GetProcessById(pid).HasExited ? null : port; }
        catch (ArgumentException) { return null; }
    }

    private void GiveToPostgresUser()
    {
        if (!Environment.IsPrivilegedProcess) return;
        // As root the server runs as "postgres": it must own its folder, and be able to reach it.
        using var chown = Process.Start("chown", ["-R", "postgres:postgres", _options.Directory]);
        chown.WaitForExit();
        if (chown.ExitCode != 0) throw new LocalPostgresException($"chown of {_options.Directory} to postgres failed.");
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var path = Path.Combine(_binDirectory, tool);
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", path, .. arguments])
            : new ProcessStartInfo(path, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new LocalPostgresException($"Could not start {tool}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new LocalPostgresException($"{tool} failed ({process.ExitCode}): {await stderr}{await stdout}".Trim());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StopAsync()
    {
        try { await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None); }
        catch (LocalPostgresException) { /* already stopped */ }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_options.Throwaway) Directory.Delete(_options.Directory, recursive: true);
    }
}

public sealed class LocalPostgresOptions
{
    /// <summary>The cluster's folder: data/, password, postgres.log and the Unix socket.</summary>
    public required string Directory { get; init; }
    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }
    public string? BinDirectory { get; init; }
    /// <summary>A test cluster: no fsync, and the folder is deleted on dispose.</summary>
    public bool Throwaway { get; init; }

    /// <summary>
    /// The default folder: /var/lib/portal/postgres as root (the postgres user must reach it, which it cannot
    /// under /root), otherwise $XDG_DATA_HOME/portal/postgres (~/.local/share/portal/postgres).
    /// </summary>
    public static string DefaultDirectory() => Environment.IsPrivilegedProcess
        ? "/var/lib/portal/postgres"
        // DoNotVerify: without it .NET answers "" when ~/.local/share does not exist yet, as on a fresh account.
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "portal", "postgres");
}

public sealed class LocalPostgresException(string message) : Exception(message);
