using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Postgres;
using Portal.Web.Features.Staff;
using Portal.Web.Hosting;

if (args is ["audit", ..]) { await AuditBench.RunAsync(args.Skip(1).ToArray()); return; }
if (args is ["deadlines", ..]) { await DeadlineBench.RunAsync(args.Skip(1).ToArray()); return; }
if (args is ["salary", ..]) { await SalaryBench.RunAsync(args.Skip(1).ToArray()); return; }

// Staff-list benchmark: 100,000 staff records in 400 schools on a throwaway cluster; medians of the portal's own query
// (StaffService.ListAsync: count + page, unit scope, search) beside hand-written SQL for the same rows.
// Run: dotnet run -c Release --project bench/Portal.Bench [-- staffCount]
var staffCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions
{
    Directory = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}"[..21]),
    Throwaway = true,
});
var connectionString = cluster.ConnectionString("portal_bench");
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
var services = new ServiceCollection().AddLogging();
services.AddSingleton<IConfiguration>(configuration);
services.AddDataProtection().UseEphemeralDataProtectionProvider();
services.AddPortalCore(configuration, connectionString);
services.AddScoped<FixedUser>();
services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<FixedUser>());
await using var provider = services.BuildServiceProvider();

var seed = Stopwatch.StartNew();
var (rootUser, schoolUser, schoolId) = await SeedAsync(provider, connectionString, staffCount);
Console.WriteLine($"seeded {staffCount:N0} staff in 400 schools in {seed.Elapsed.TotalSeconds:F1} s");

var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
var (bornAfter, bornOnOrBefore) = Age.BirthDates(30, 39, today);
var cases = new (string Name, ClaimsPrincipal User, StaffQuery Query, string Sql)[]
{
    ("search 'nguyen thi thu', whole city (100k in scope)", rootUser, new("nguyen thi thu", 0, 25, null, false),
        """
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE portal_fold(s."FullName") LIKE portal_fold('%nguyen thi thu%') AND s."Status" IN (1, 2)
        ORDER BY s."FullName", s."Id" LIMIT 25
        """),
    ("filter: one school's staff (unit scope), by name", schoolUser, new(null, 0, 25, null, false),
        $"""
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."UnitId" = '{schoolId}' AND s."Status" IN (1, 2)
        ORDER BY s."FullName", s."Id" LIMIT 25
        """),
    ("filter: women aged 30-39, whole city", rootUser, new(null, 0, 25, null, false, Gender: Gender.Female, AgeBand: AgeBand.Parse("30-39")),
        $"""
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."Gender" = 2 AND s."DateOfBirth" > '{bornAfter:yyyy-MM-dd}' AND s."DateOfBirth" <= '{bornOnOrBefore:yyyy-MM-dd}' AND s."Status" IN (1, 2)
        ORDER BY s."FullName", s."Id" LIMIT 25
        """),
    ("citizen id prefix '079850001', whole city", rootUser, new("079850001", 0, 25, null, false),
        """
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."CitizenId" LIKE '079850001%' AND s."Status" IN (1, 2)
        ORDER BY s."FullName", s."Id" LIMIT 25
        """),
    ("filter: retired (leavers stay searchable), whole city", rootUser, new(null, 0, 25, null, false, Status: StaffStatus.Retired),
        """
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."Status" = 5
        ORDER BY s."FullName", s."Id" LIMIT 25
        """),
    ("filter: title V.07.03.28 + Party members, whole city", rootUser, new(null, 0, 25, null, false, TitleCode: "V.07.03.28", PartyMember: true),
        """
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."TitleCode" = 'V.07.03.28' AND s."PartyJoinedOn" IS NOT NULL AND s."Status" IN (1, 2)
        ORDER BY s."FullName", s."Id" LIMIT 25
        """),
    ("filter: master's degree, sorted by completeness", rootUser, new(null, 0, 25, "CompletenessPercent", false, QualificationCode: "THS"),
        """
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."HighestQualificationCode" = 'THS' AND s."Status" IN (1, 2)
        ORDER BY s."CompletenessPercent", s."Id" LIMIT 25
        """),
    ("search staff code 'HS-0042424', whole city", rootUser, new("hs-0042424", 0, 25, null, false),
        """
        SELECT s."Id", s."FullName", s."DateOfBirth", s."Gender", s."CitizenId", s."ProfessionalTitle", s."RecruitmentDecisionNumber", s."RecruitmentDecisionDate", u."Name"
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."StaffCode" = 'HS-0042424' AND s."Status" IN (1, 2)
        ORDER BY s."FullName", s."Id" LIMIT 25
        """),
};

Console.WriteLine($"{"case",-55} {"portal ms",10} {"hand SQL ms",12} {"ratio",7} {"rows",6}");
foreach (var (name, user, query, sql) in cases)
{
    var portal = await MedianAsync(async () =>
    {
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FixedUser>().Principal = user;
        return (await scope.ServiceProvider.GetRequiredService<StaffService>().ListAsync(query)).Total;
    });
    var hand = await MedianAsync(async () =>
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var count = 0;
        await using (var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync())
            while (await reader.ReadAsync()) count++;
        // The portal also counts all matches for the pager; the hand-written pair does the same.
        var countSql = "SELECT count(*) FROM (" + sql[..sql.IndexOf("ORDER BY", StringComparison.Ordinal)] + ") x";
        return Convert.ToInt32(await new NpgsqlCommand(countSql, connection).ExecuteScalarAsync());
    });
    Console.WriteLine($"{name,-55} {portal.Median,10:F2} {hand.Median,12:F2} {portal.Median / hand.Median,7:F2} {portal.Result,6}");
    if (portal.Result != hand.Result) Console.WriteLine($"  MISMATCH: the portal counted {portal.Result}, the SQL {hand.Result}");
    await using var explain = new NpgsqlConnection(connectionString);
    await explain.OpenAsync();
    await using var plan = await new NpgsqlCommand("EXPLAIN (COSTS OFF) " + sql, explain).ExecuteReaderAsync();
    while (await plan.ReadAsync())
        if (plan.GetString(0).Contains("Scan", StringComparison.Ordinal)) Console.WriteLine($"  plan: {plan.GetString(0).Trim()}");
}

static async Task<(double Median, int Result)> MedianAsync(Func<Task<int>> run)
{
    var result = 0;
    for (var i = 0; i < 3; i++) result = await run();
    var times = new List<double>();
    for (var i = 0; i < 21; i++)
    {
        var watch = Stopwatch.StartNew();
        result = await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    return (times[times.Count / 2], result);
}

static async Task<(ClaimsPrincipal Root, ClaimsPrincipal School, Guid SchoolId)> SeedAsync(IServiceProvider provider, string connectionString, int staffCount)
{
    await using var scope = provider.CreateAsyncScope();
    var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
    var schools = new List<OrgUnit>();
    OrgUnit root;
    await using (var db = await contexts.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
        root = new OrgUnit(Guid.CreateVersion7(), "Sở Giáo dục và Đào tạo (bench)", OrgUnitKind.Department, null);
        db.Units.Add(root);
        for (var w = 0; w < 20; w++)
        {
            var ward = new OrgUnit(Guid.CreateVersion7(), $"Phường {w + 1}", OrgUnitKind.Ward, root);
            db.Units.Add(ward);
            for (var s = 0; s < 20; s++)
            {
                var school = new OrgUnit(Guid.CreateVersion7(), $"Trường Tiểu học số {w * 20 + s + 1}", OrgUnitKind.School, ward);
                schools.Add(school);
                db.Units.Add(school);
            }
        }
        await db.SaveChangesAsync();
    }
    var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
    foreach (var role in PortalRoles.All) await roles.CreateAsync(new IdentityRole(role));
    var rootUser = await UserAsync(scope.ServiceProvider, root, PortalRoles.Admin);
    var schoolUser = await UserAsync(scope.ServiceProvider, schools[0], PortalRoles.RecordsOfficer);

    // Bulk rows go in by COPY: the benchmark measures reading, and 100,000 audited inserts would only add minutes.
    string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
    string[] middle = ["Thị", "Văn", "Thị Ngọc", "Minh", "Thị Thu", "Quốc", "Hữu", "Thanh", "Ngọc", "Đức"];
    string[] given = ["Thu", "Lan", "Hương", "Hùng", "Tuấn", "Mai", "Anh", "Đào", "Phúc", "Trang", "Nhung", "Khoa", "Vinh", "Yến", "Thảo", "Dũng"];
    string[] titles = ["V.07.03.29", "V.07.03.28", "V.07.03.27", "06.031", "02.008"];
    var random = new Random(100_000);
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var copy = await connection.BeginBinaryImportAsync(
        """COPY staff_members ("Id", "UnitId", "FullName", "DateOfBirth", "Gender", "CitizenId", "ProfessionalTitle", "RecruitmentDecisionNumber", "RecruitmentDecisionDate", "Status", "TitleCode", "HighestQualificationCode", "PartyJoinedOn", "StaffCode", "CompletenessPercent") FROM STDIN (FORMAT BINARY)"""))
    {
        for (var i = 0; i < staffCount; i++)
        {
            var born = new DateOnly(random.Next(1966, 2003), random.Next(1, 13), random.Next(1, 29));
            await copy.StartRowAsync();
            await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await copy.WriteAsync(schools[i % schools.Count].Id, NpgsqlDbType.Uuid);
            await copy.WriteAsync($"{family[random.Next(family.Length)]} {middle[random.Next(middle.Length)]} {given[random.Next(given.Length)]}", NpgsqlDbType.Varchar);
            await copy.WriteAsync(born, NpgsqlDbType.Date);
            await copy.WriteAsync(random.Next(1, 3), NpgsqlDbType.Integer);
            await copy.WriteAsync($"079{born.Year % 100:00}{i:0000000}"[..12], NpgsqlDbType.Char);
            await copy.WriteAsync("Giáo viên tiểu học hạng III", NpgsqlDbType.Varchar);
            await copy.WriteAsync($"{i}/QĐ-UBND", NpgsqlDbType.Varchar);
            await copy.WriteAsync(born.AddYears(23), NpgsqlDbType.Date);
            // About 1 in 12 has left (retired, resigned, transferred), 1 in 50 is a draft; the rest are in post.
            var status = random.Next(100) switch { < 2 => StaffStatus.Draft, < 5 => StaffStatus.Retired, < 7 => StaffStatus.Resigned, < 9 => StaffStatus.TransferredOut, _ => StaffStatus.Active };
            if (i == 42424) status = StaffStatus.Active; // the staff-code search case looks this person up
            await copy.WriteAsync((int)status, NpgsqlDbType.Integer);
            await copy.WriteAsync(titles[random.Next(titles.Length)], NpgsqlDbType.Varchar);
            await copy.WriteAsync(random.Next(10) < 2 ? "THS" : "DH", NpgsqlDbType.Varchar);
            if (random.Next(10) < 3) await copy.WriteAsync(born.AddYears(random.Next(25, 35)), NpgsqlDbType.Date);
            else await copy.WriteNullAsync();
            await copy.WriteAsync($"HS-{i:0000000}", NpgsqlDbType.Varchar);
            await copy.WriteAsync(random.Next(40, 101), NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync();
    }
    await new NpgsqlCommand("ANALYZE", connection).ExecuteNonQueryAsync();
    return (rootUser, schoolUser, schools[0].Id);
}

static async Task<ClaimsPrincipal> UserAsync(IServiceProvider services, OrgUnit unit, string role)
{
    var users = services.GetRequiredService<UserManager<PortalUser>>();
    var email = $"{role.ToLowerInvariant()}@bench.portal";
    var user = new PortalUser { UserName = email, Email = email, FullName = role, UnitId = unit.Id };
    await users.CreateAsync(user);
    await users.AddToRoleAsync(user, role);
    return new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, role)], "bench"));
}
