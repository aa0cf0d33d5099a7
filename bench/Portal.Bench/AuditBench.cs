using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Domain.Reference;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Postgres;
using Portal.Web.Features.Audit;
using Portal.Web.Hosting;

/// <summary>
/// Audit benchmark on a throwaway cluster: audited saves per second through the portal's own path (each save locks its
/// chain head), a bulk fill of validly chained rows by COPY, keyset paging of the log (AuditService.PageAsync beside
/// hand-written SQL) and a full chain verification.
/// Run: dotnet run -c Release --project bench/Portal.Bench -- audit [rows]
/// </summary>
/// <remarks>In the global namespace like Program.cs's top-level statements, which call it without a using.</remarks>
static class AuditBench
{
    private const int PageSize = 50;
    private const int DeepOffset = 1_000_000;
    private static readonly TimeSpan WriteDuration = TimeSpan.FromSeconds(10);
    private const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    private const string PageColumns = """
        SELECT "Id", "At", "UserName", "UserRole", "ClientIp", "UserAgent", "Action", "Entity", "EntityKey", "SubjectId", "Field", "OldValue", "NewValue", "CorrelationId"
        FROM audit_entries
        """;
    private const string PageOrder = """ ORDER BY "At" DESC, "Id" DESC LIMIT 50""";
    private const string RowValueSql = PageColumns + """ WHERE ("At", "Id") < ($1, $2)""" + PageOrder;
    private const string NaiveSql = PageColumns + """ WHERE "At" < $1 OR ("At" = $1 AND "Id" < $2)""" + PageOrder;

    public static async Task RunAsync(string[] args)
    {
        var rowCount = args.Length > 0 ? int.Parse(args[0]) : 10_000_000;
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions
        {
            Directory = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}"[..21]),
            Throwaway = true,
        });
        var connectionString = cluster.ConnectionString("portal_bench");
        // The bench's own statements (COPY, VACUUM, a 10M-row verification) run longer than Npgsql's default 30 s.
        var benchConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        await using var provider = BuildServices(connectionString);
        var (admin, adminId, principal, schools) = await SeedAsync(provider);
        Console.WriteLine($"audit bench: {rowCount:N0} rows, {schools.Count} schools (a chain each), {Environment.ProcessorCount} cores, {LoadAverage()}");

        var options = provider.GetRequiredService<DbContextOptions<PortalDbContext>>();
        await WriteAsync(benchConnectionString, options, adminId, schools, 2, TimeSpan.FromSeconds(2)); // warm-up: JIT, pool
        Console.WriteLine($"{"audited saves through the portal, 10 s each",-50} {"writers",7} {"saves/s",8} {"audit rows/s",12} {"median ms",9} {"p95 ms",7}");
        foreach (var writers in new[] { 2, 8 })
        {
            await PrintWritesAsync("  one school (one chain: writers queue)", benchConnectionString, options, adminId, [schools[0]], writers);
            await PrintWritesAsync($"  {schools.Count} schools (a chain each)", benchConnectionString, options, adminId, schools, writers);
        }

        await FillAsync(benchConnectionString, schools, rowCount);
        await PagingAsync(provider, benchConnectionString, admin, principal, schools[0]);
        await VerifyAsync(benchConnectionString);
        Console.WriteLine($"end: {LoadAverage()}");
    }

    /// <summary>The machine's load, printed because other work on a small machine moves every figure here.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3])}" : "";

    private static ServiceProvider BuildServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPortalCore(configuration, connectionString);
        services.AddScoped<FixedUser>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<FixedUser>());
        return services.BuildServiceProvider();
    }

    private static async Task<(ClaimsPrincipal Admin, string AdminId, ClaimsPrincipal Principal, IReadOnlyList<Guid> Schools)> SeedAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var schools = new List<Guid>();
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var root = new OrgUnit(Guid.CreateVersion7(), "Sở Giáo dục và Đào tạo (bench)", OrgUnitKind.Department, null);
        db.Units.Add(root);
        for (var w = 0; w < 20; w++)
        {
            var ward = new OrgUnit(Guid.CreateVersion7(), $"Phường {w + 1}", OrgUnitKind.Ward, root);
            db.Units.Add(ward);
            for (var s = 0; s < 20; s++)
            {
                var school = new OrgUnit(Guid.CreateVersion7(), $"Trường Tiểu học số {w * 20 + s + 1}", OrgUnitKind.School, ward);
                schools.Add(school.Id);
                db.Units.Add(school);
            }
        }
        await db.SaveChangesAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All) await roles.CreateAsync(new IdentityRole(role));
        var (admin, adminId) = await UserAsync(scope.ServiceProvider, root.Id, PortalRoles.Admin);
        var (principal, _) = await UserAsync(scope.ServiceProvider, schools[0], PortalRoles.Principal);
        return (admin, adminId, principal, schools);
    }

    private static async Task<(ClaimsPrincipal Principal, string Id)> UserAsync(IServiceProvider services, Guid unitId, string role)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var email = $"{role.ToLowerInvariant()}@bench.portal";
        var user = new PortalUser { UserName = email, Email = email, FullName = role, UnitId = unitId };
        await users.CreateAsync(user);
        await users.AddToRoleAsync(user, role);
        return (new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, role)], "bench")), user.Id);
    }

    private static async Task PrintWritesAsync(string name, string connectionString, DbContextOptions<PortalDbContext> options, string adminId,
        IReadOnlyList<Guid> units, int writers)
    {
        var (saves, rows, elapsed, latencies) = await WriteAsync(connectionString, options, adminId, units, writers, WriteDuration);
        Console.WriteLine($"{name,-50} {writers,7} {saves / elapsed.TotalSeconds,8:F0} {rows / elapsed.TotalSeconds,12:F0} " +
            $"{Percentile(latencies, 0.5),9:F2} {Percentile(latencies, 0.95),7:F2}");
    }

    private static int _code;

    /// <summary>
    /// Writers each add one reference list entry per save, through a context of the portal's own factory, until the time
    /// is up. An entry has no unit, so its audit rows (one per field) join the chain of the actor's unit: writer w takes
    /// units w, w + writers, … so with many units no two writers ever share a chain, and with one they always do.
    /// </summary>
    private static async Task<(int Saves, long Rows, TimeSpan Elapsed, List<double> Latencies)> WriteAsync(string connectionString,
        DbContextOptions<PortalDbContext> options, string adminId, IReadOnlyList<Guid> units, int writers, TimeSpan duration)
    {
        var before = await AuditRowCountAsync(connectionString);
        var clock = Stopwatch.StartNew();
        async Task<List<double>> WriterAsync(int writer)
        {
            var latencies = new List<double>();
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var unit = units[(i * writers + writer) % units.Count];
                var actor = new FixedActor(new ActorInfo(adminId, "admin@bench.portal", unit, "10.20.0.7", PortalRoles.Admin, UserAgent));
                var code = Interlocked.Increment(ref _code);
                var watch = Stopwatch.StartNew();
                await using (var db = new PortalDbContextFactory(options, actor).CreateDbContext())
                {
                    db.ReferenceItems.Add(new ReferenceItem(ReferenceKind.Ward, $"B{code:D9}", $"Phường thử nghiệm số {code}", code, "79"));
                    await db.SaveChangesAsync();
                }
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
            return latencies;
        }
        var all = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => WriterAsync(w))));
        var elapsed = clock.Elapsed;
        var rows = await AuditRowCountAsync(connectionString) - before;
        var latencies = all.SelectMany(l => l).Order().ToList();
        return (latencies.Count, rows, elapsed, latencies);
    }

    private static async Task<long> AuditRowCountAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        return (long)(await new NpgsqlCommand("SELECT count(*) FROM audit_entries", connection).ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Tops the log up to <paramref name="rowCount"/> rows by one binary COPY, linking each row exactly as
    /// AuditChainWriter does (continuing the chains the writers started), then records each chain's last link as its head.
    /// </summary>
    private static async Task FillAsync(string connectionString, IReadOnlyList<Guid> schools, int rowCount)
    {
        var existing = await AuditRowCountAsync(connectionString);
        var count = (int)Math.Max(0, rowCount - existing);
        await using var connection = await OpenAsync(connectionString);
        var heads = await HeadsAsync(connection);
        var watch = Stopwatch.StartNew();
        // Synchronous writes: 19 fields × 10M rows, where the async overloads' per-call overhead shows.
        using (var copy = connection.BeginBinaryImport(
            """COPY audit_entries ("At", "CorrelationId", "UserId", "UserName", "UnitId", "ClientIp", "UserRole", "UserAgent", "Action", "Entity", "EntityKey", "SubjectId", "Field", "OldValue", "NewValue", "ChainId", "Seq", "PrevHash", "Hash") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var row in HistoryRows(schools, count, DateTimeOffset.UtcNow.AddMinutes(-10)))
            {
                row.ChainId = AuditChain.ChainOf(row.UnitId);
                var head = heads.GetValueOrDefault(row.ChainId, (0, AuditChain.Genesis));
                row.Seq = head.Seq + 1;
                row.PrevHash = head.Hash;
                row.Hash = AuditChain.Hash(row, head.Hash);
                heads[row.ChainId] = (row.Seq, row.Hash);
                Write(copy, row);
            }
            copy.Complete();
        }
        await SaveHeadsAsync(connection, heads);
        var fill = watch.Elapsed;
        Console.WriteLine($"bulk fill by COPY: {count:N0} rows in {schools.Count} chains over 3 years: {fill.TotalSeconds:F1} s, {count / fill.TotalSeconds:N0} rows/s");
        // VACUUM as well as ANALYZE: a log that grew over years is vacuumed, and autovacuum must not start mid-measurement.
        watch.Restart();
        await new NpgsqlCommand("VACUUM (ANALYZE) audit_entries", connection).ExecuteNonQueryAsync();
        var size = (string)(await new NpgsqlCommand("SELECT pg_size_pretty(pg_total_relation_size('audit_entries'))", connection).ExecuteScalarAsync())!;
        Console.WriteLine($"  VACUUM (ANALYZE): {watch.Elapsed.TotalSeconds:F1} s; audit_entries with indexes: {size}");
    }

    private static readonly string[] Fields = ["FullName", "CitizenId", "ProfessionalTitle", "Phone", "Email", "AddressDetail", "EthnicityCode",
        "HighestQualificationCode", "TitleCode", "MainDuties", "ForeignLanguages", "InformationTechnology", "PartyPosition", "OtherNames"];

    private static readonly string[] Words = ["Nguyễn", "Trần", "Lê", "Phạm", "Thị", "Văn", "Ngọc", "Thu", "Hương", "Hùng", "giáo", "viên", "tiểu", "học",
        "hạng", "III", "tổ", "trưởng", "chuyên", "môn", "đường", "Lê", "Lợi", "phường", "Bến", "Thành", "số", "12/4", "Đại", "học", "Sư", "phạm",
        "Tiếng", "Anh", "B1", "Tin", "học", "cơ", "bản", "chủ", "nhiệm", "lớp", "5A", "Quyết", "định", "bổ", "nhiệm"];

    /// <summary>
    /// Three years of a city's personnel edits, oldest first: each save changes 1–4 fields of one staff member of a random
    /// school at one instant (so instants tie, as real saves do), by that school's records officer. Names, keys and values
    /// are made once and reused, so the fill measures COPY and hashing rather than string building.
    /// </summary>
    private static IEnumerable<AuditEntry> HistoryRows(IReadOnlyList<Guid> schools, int count, DateTimeOffset end)
    {
        var random = new Random(10_000_000);
        var start = end.AddYears(-3);
        var step = (end - start).Ticks / Math.Max(count, 1);
        var staff = schools.Select(_ => Enumerable.Range(0, 250).Select(_ => Guid.CreateVersion7()).Select(id => (Id: id, Key: id.ToString())).ToArray()).ToArray();
        var officers = schools.Select((_, i) => (Id: Guid.NewGuid().ToString(), Name: $"vanthu{i + 1}@truong.edu.vn", Ip: $"10.20.{i / 200}.{i % 200 + 2}")).ToArray();
        var texts = Enumerable.Range(0, 4096).Select(_ => Text(random)).ToArray();
        for (var written = 0; written < count;)
        {
            var school = random.Next(schools.Count);
            var at = AuditChain.Normalise(start + TimeSpan.FromTicks(step * written));
            var correlationId = Guid.CreateVersion7(at);
            var subject = staff[school][random.Next(250)];
            var action = random.Next(10) == 0 ? AuditAction.Added : AuditAction.Modified;
            var firstField = random.Next(Fields.Length);
            var fields = random.Next(1, 5);
            for (var f = 0; f < fields && written < count; f++, written++)
                yield return new AuditEntry
                {
                    At = at,
                    CorrelationId = correlationId,
                    UserId = officers[school].Id,
                    UserName = officers[school].Name,
                    UnitId = schools[school],
                    ClientIp = officers[school].Ip,
                    UserRole = PortalRoles.RecordsOfficer,
                    UserAgent = UserAgent,
                    Action = action,
                    Entity = "StaffMember",
                    EntityKey = subject.Key,
                    SubjectId = subject.Id,
                    Field = Fields[(firstField + f) % Fields.Length],
                    OldValue = action == AuditAction.Added ? null : texts[random.Next(texts.Length)],
                    NewValue = texts[random.Next(texts.Length)],
                };
        }
    }

    /// <summary>Vietnamese words up to a random length of 10–40 characters.</summary>
    private static string Text(Random random)
    {
        var target = random.Next(10, 41);
        var text = new StringBuilder(Words[random.Next(Words.Length)]);
        while (text.Length < target)
        {
            var word = Words[random.Next(Words.Length)];
            if (text.Length + 1 + word.Length > 40) break;
            text.Append(' ').Append(word);
        }
        return text.ToString();
    }

    private static void Write(NpgsqlBinaryImporter copy, AuditEntry row)
    {
        copy.StartRow();
        copy.Write(row.At, NpgsqlDbType.TimestampTz);
        copy.Write(row.CorrelationId, NpgsqlDbType.Uuid);
        copy.Write(row.UserId, NpgsqlDbType.Varchar);
        copy.Write(row.UserName, NpgsqlDbType.Varchar);
        copy.Write(row.UnitId!.Value, NpgsqlDbType.Uuid);
        copy.Write(row.ClientIp, NpgsqlDbType.Varchar);
        copy.Write(row.UserRole, NpgsqlDbType.Varchar);
        copy.Write(row.UserAgent, NpgsqlDbType.Varchar);
        copy.Write((int)row.Action, NpgsqlDbType.Integer);
        copy.Write(row.Entity, NpgsqlDbType.Varchar);
        copy.Write(row.EntityKey, NpgsqlDbType.Varchar);
        copy.Write(row.SubjectId!.Value, NpgsqlDbType.Uuid);
        copy.Write(row.Field, NpgsqlDbType.Varchar);
        if (row.OldValue is null) copy.WriteNull();
        else copy.Write(row.OldValue, NpgsqlDbType.Text);
        copy.Write(row.NewValue, NpgsqlDbType.Text);
        copy.Write(row.ChainId, NpgsqlDbType.Uuid);
        copy.Write(row.Seq, NpgsqlDbType.Bigint);
        copy.Write(row.PrevHash, NpgsqlDbType.Bytea);
        copy.Write(row.Hash, NpgsqlDbType.Bytea);
    }

    private static async Task<Dictionary<Guid, (long Seq, byte[] Hash)>> HeadsAsync(NpgsqlConnection connection)
    {
        var heads = new Dictionary<Guid, (long, byte[])>();
        await using var reader = await new NpgsqlCommand("""SELECT "ChainId", "Seq", "Hash" FROM audit_chain_heads""", connection).ExecuteReaderAsync();
        while (await reader.ReadAsync()) heads[reader.GetGuid(0)] = (reader.GetInt64(1), (byte[])reader[2]);
        return heads;
    }

    private static async Task SaveHeadsAsync(NpgsqlConnection connection, Dictionary<Guid, (long Seq, byte[] Hash)> heads)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO audit_chain_heads ("ChainId", "Seq", "Hash") SELECT * FROM unnest($1, $2, $3)
            ON CONFLICT ("ChainId") DO UPDATE SET "Seq" = excluded."Seq", "Hash" = excluded."Hash"
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = heads.Keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = heads.Values.Select(h => h.Seq).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = heads.Values.Select(h => h.Hash).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The first page and a deep page (1,000,000 rows down, or half the log when smaller), through AuditService as an
    /// admin at the root (every unit in scope) and by hand-written SQL; then one school principal's first page.
    /// </summary>
    private static async Task PagingAsync(IServiceProvider provider, string connectionString, ClaimsPrincipal admin, ClaimsPrincipal principal,
        Guid principalSchool)
    {
        var depth = Math.Min(DeepOffset, await AuditRowCountAsync(connectionString) / 2);
        var cursor = await CursorAtAsync(connectionString, depth);
        // One scope per viewer for every run, as one circuit serves a user paging through the log: the user is loaded once.
        await using var adminScope = provider.CreateAsyncScope();
        adminScope.ServiceProvider.GetRequiredService<FixedUser>().Principal = admin;
        var audit = adminScope.ServiceProvider.GetRequiredService<AuditService>();
        await using var principalScope = provider.CreateAsyncScope();
        principalScope.ServiceProvider.GetRequiredService<FixedUser>().Principal = principal;

        Console.WriteLine($"{"paging, 50 rows, newest first",-40} {"portal ms",9} {"p95",7} {"hand SQL ms",11} {"p95",7} {"ratio",6}");
        await ComparePagesAsync("  first page", audit, null, connectionString, PageColumns + PageOrder);
        await ComparePagesAsync($"  page at row {depth:N0} (keyset)", audit, cursor, connectionString, RowValueSql);
        var naive = await MeasureAsync(() => HandPageAsync(connectionString, NaiveSql, cursor), warmUps: 0, runs: 5);
        Console.WriteLine($"{$"  same page, 'At < $1 OR (At = $1 AND Id < $2)'",-40} {"",9} {"",7} {naive.Median,11:F2} {"",7} (median of 5)");
        await PrintPlanAsync(connectionString, NaiveSql, cursor);
        await ComparePagesAsync("  first page, one school's principal", principalScope.ServiceProvider.GetRequiredService<AuditService>(), null,
            connectionString, PageColumns + $""" WHERE "UnitId" = '{principalSchool}'""" + PageOrder);
    }

    private static async Task ComparePagesAsync(string name, AuditService audit, AuditCursor? cursor, string connectionString, string sql)
    {
        var portal = await MeasureAsync(async () => (await audit.PageAsync(cursor, PageSize)).Sum(r => r.Id));
        var hand = await MeasureAsync(() => HandPageAsync(connectionString, sql, cursor));
        Console.WriteLine($"{name,-40} {portal.Median,9:F2} {portal.P95,7:F2} {hand.Median,11:F2} {hand.P95,7:F2} {portal.Median / hand.Median,6:F2}");
        if (portal.Result != hand.Result) Console.WriteLine("  MISMATCH: the portal and the SQL returned different rows");
        await PrintPlanAsync(connectionString, sql, cursor);
    }

    private static async Task<AuditCursor> CursorAtAsync(string connectionString, long offset)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("""SELECT "At", "Id" FROM audit_entries ORDER BY "At" DESC, "Id" DESC OFFSET $1 LIMIT 1""", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = offset });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new AuditCursor(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1));
    }

    /// <summary>One page by hand: every column the portal reads, summed ids as the result to compare.</summary>
    private static async Task<long> HandPageAsync(string connectionString, string sql, AuditCursor? cursor)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, sql, cursor);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = 0L;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            ids += reader.GetInt64(0);
        }
        return ids;
    }

    private static async Task PrintPlanAsync(string connectionString, string sql, AuditCursor? cursor)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = Command(connection, "EXPLAIN (COSTS OFF) " + sql, cursor);
        await using var plan = await command.ExecuteReaderAsync();
        while (await plan.ReadAsync())
            if (plan.GetString(0) is var line && (line.Contains("Scan", StringComparison.Ordinal) || line.Contains("Cond:", StringComparison.Ordinal) || line.Contains("Filter:", StringComparison.Ordinal)))
                Console.WriteLine($"    plan: {line.Trim()}");
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, AuditCursor? cursor)
    {
        var command = new NpgsqlCommand(sql, connection);
        if (cursor is { } c)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = c.At, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = c.Id, NpgsqlDbType = NpgsqlDbType.Bigint });
        }
        return command;
    }

    private static async Task VerifyAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        var result = await AuditChainVerifier.VerifyAsync(connection, null, CancellationToken.None);
        var seconds = result.Took.TotalSeconds;
        Console.WriteLine($"verify all chains: {result.RowsChecked:N0} rows in {result.Chains} chains, {seconds:F1} s, " +
            $"{result.RowsChecked / seconds:N0} rows/s, {(result.Intact ? "intact" : "BROKEN")}");
        foreach (var broken in result.Breaks.Take(5))
            Console.WriteLine($"  ERROR: chain {broken.ChainId} breaks at {broken.Position} ({broken.Problem}, row {broken.RowId})");
    }

    /// <summary>Median and 95th percentile of <paramref name="runs"/> timed runs after <paramref name="warmUps"/> untimed ones.</summary>
    private static async Task<(double Median, double P95, long Result)> MeasureAsync(Func<Task<long>> run, int warmUps = 3, int runs = 21)
    {
        var result = 0L;
        for (var i = 0; i < warmUps; i++) result = await run();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.95), result);
    }

    /// <summary>Nearest-rank percentile of sorted values: of 21 runs, the median is the 11th and the 95th percentile the 20th.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private sealed class FixedActor(ActorInfo current) : IAuditActor
    {
        public ActorInfo Current { get; } = current;
    }

}
