using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Deadlines;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Data.Seed;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Postgres;
using Portal.Web.Features.Deadlines;
using Portal.Web.Hosting;

/// <summary>
/// Deadline benchmark on a throwaway cluster: a city of 400 schools under 20 wards, 100,000 staff and 1,000,000
/// obligations under the seeded rules (most closed in the past, about 10% open: overdue up to 60 days or falling due), then
/// the daily scan's digest step (DeadlineScanJob.QueueDigestsAsync) beside one hand-written query that lists the same
/// items per recipient, and the yearly opening of the declarations (OpenYearlyAsync) once and again.
/// Run: dotnet run -c Release --project bench/Portal.Bench -- deadlines [staff] [obligations]
/// </summary>
/// <remarks>In the global namespace like Program.cs's top-level statements, which call it without a using.</remarks>
static class DeadlineBench
{
    private const int Wards = 20;
    private const int SchoolsPerWard = 20;
    /// <summary>A Monday and a working day: the scan sends nothing on weekends and holidays.</summary>
    private static readonly DateOnly Today = new(2026, 11, 30);
    /// <summary>The 2026 declarations (due 31/12, opening 30 days before) open on Tuesday 01/12/2026.</summary>
    private static readonly DateOnly DeclarationsOpen = new(2026, 12, 1);
    private static readonly DateOnly DecreeInForce = new(2026, 7, 1);
    private static readonly DateOnly RegulationInForce = new(2021, 11, 8);
    private static readonly TimeSpan ScanHour = TimeSpan.FromHours(7);
    private static readonly TimeSpan SchoolOffset = TimeSpan.FromHours(7);
    private const double OpenShare = 0.10;
    private const int WarmUps = 2;
    private const int Runs = 9;

    public static async Task RunAsync(string[] args)
    {
        var staffCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var obligationCount = args.Length > 1 ? int.Parse(args[1]) : 1_000_000;
        var directory = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}"[..21]);
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { Directory = directory, Throwaway = true });
        var connectionString = cluster.ConnectionString("portal_bench");
        var server = new ServerCpu(Path.Combine(directory, "data"));
        // The bench's own statements (COPY, VACUUM, EXPLAIN ANALYZE) may run longer than Npgsql's default 30 s.
        var bench = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        using var commands = new CommandLog();
        await using var provider = BuildServices(connectionString);
        Console.WriteLine($"deadline bench: {staffCount:N0} staff, {obligationCount:N0} obligations, {Wards * SchoolsPerWard} schools, " +
            $"{Environment.ProcessorCount} cores, {LoadAverage()}");

        var fill = Stopwatch.StartNew();
        var city = await SeedCityAsync(provider, bench, staffCount);
        Console.WriteLine($"seed: reference data, {city.Schools.Length} schools under {Wards} wards, {city.Accounts} accounts, " +
            $"{staffCount:N0} staff: {fill.Elapsed.TotalSeconds:F1} s");
        var copy = Stopwatch.StartNew();
        var rows = await FillObligationsAsync(provider, bench, city, obligationCount);
        Console.WriteLine($"obligations by COPY: {rows:N0} rows in {copy.Elapsed.TotalSeconds:F1} s, {rows / copy.Elapsed.TotalSeconds:N0} rows/s");
        copy.Restart();
        await using (var connection = await OpenAsync(bench))
            await ExecuteAsync(connection, "VACUUM (ANALYZE)");
        Console.WriteLine($"VACUUM (ANALYZE): {copy.Elapsed.TotalSeconds:F1} s; fill in all: {fill.Elapsed.TotalSeconds:F1} s");
        await PrintMixAsync(bench);

        await ScanAsync(provider, bench, commands, server);
        await OpenYearlyAsync(provider, bench);
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
        // The job runs as a Hangfire job does: nobody signed in, so its saves are audited as "Hệ thống".
        services.AddScoped<AuthenticationStateProvider, NobodySignedIn>();
        return services.BuildServiceProvider();
    }

    private sealed record School(Guid Id, string Officer, bool AppliesDecree);

    private sealed record Person(Guid Id, int School, DateOnly RecruitedOn, StaffStatus Status);

    private sealed record City(School[] Schools, Person[] Staff, int Accounts);

    /// <summary>
    /// Units through EF (as the portal creates them), roles through the RoleManager, accounts and staff by direct inserts:
    /// a principal and a records officer per school, a Supervisor per ward. A quarter of the schools apply only the
    /// school regulation (units choose their rule sets), so their decisions run 15 days from the effective date and
    /// fall due up to a month ahead; the others also apply Decree 27/2026, whose 3 working days govern from 01/07/2026.
    /// </summary>
    private static async Task<City> SeedCityAsync(IServiceProvider provider, string connectionString, int staffCount)
    {
        await using var scope = provider.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var schools = new List<School>();
        var wards = new List<OrgUnit>();
        var root = new OrgUnit(Guid.CreateVersion7(), "Sở Giáo dục và Đào tạo (bench)", OrgUnitKind.Department, null);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await ReferenceData.SeedAsync(db);
            db.Units.Add(root);
            for (var w = 0; w < Wards; w++)
            {
                var ward = new OrgUnit(Guid.CreateVersion7(), $"Ủy ban nhân dân Phường {w + 1}", OrgUnitKind.Ward, root);
                wards.Add(ward);
                db.Units.Add(ward);
                for (var s = 0; s < SchoolsPerWard; s++)
                {
                    var n = w * SchoolsPerWard + s + 1;
                    var school = new OrgUnit(Guid.CreateVersion7(), $"Trường Tiểu học số {n}", OrgUnitKind.School, ward);
                    var decree = n % 4 != 0;
                    if (!decree) school.ApplyRuleSets(["QC14-2021"]);
                    schools.Add(new School(school.Id, $"vanthu.t{n:000}@bench.portal", decree));
                    db.Units.Add(school);
                }
            }
            await db.SaveChangesAsync();
        }
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All) await roles.CreateAsync(new IdentityRole(role));

        var accounts = new List<(string Email, string Name, Guid Unit, string Role)> { ("admin@bench.portal", "Quản trị", root.Id, PortalRoles.Admin) };
        for (var i = 0; i < schools.Count; i++)
        {
            accounts.Add(($"hieutruong.t{i + 1:000}@bench.portal", $"Hiệu trưởng trường số {i + 1}", schools[i].Id, PortalRoles.Principal));
            accounts.Add((schools[i].Officer, $"Văn thư trường số {i + 1}", schools[i].Id, PortalRoles.RecordsOfficer));
        }
        for (var w = 0; w < wards.Count; w++)
            accounts.Add(($"phuong{w + 1:00}@bench.portal", $"Chuyên viên phường {w + 1}", wards[w].Id, PortalRoles.Supervisor));
        await using var connection = await OpenAsync(connectionString);
        await InsertAccountsAsync(connection, accounts);
        var staff = await CopyStaffAsync(connection, schools, staffCount);
        return new City([.. schools], staff, accounts.Count);
    }

    /// <summary>
    /// Accounts by one INSERT: the scan reads only who they are, their unit and role, so UserManager's per-account saves
    /// (and their audit rows) would only add a minute to the fill. No password: nobody signs in here.
    /// </summary>
    private static async Task InsertAccountsAsync(NpgsqlConnection connection, List<(string Email, string Name, Guid Unit, string Role)> accounts)
    {
        var ids = accounts.Select(_ => Guid.NewGuid().ToString()).ToArray();
        await using (var users = new NpgsqlCommand("""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
                "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "FullName", "UnitId",
                "MustChangePassword", "IsDisabled")
            SELECT id, email, upper(email), email, upper(email), true, gen_random_uuid()::text, gen_random_uuid()::text, false, false, true, 0,
                   name, unit, false, false
            FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS a(id, email, name, unit)
            """, connection))
        {
            users.Parameters.Add(new NpgsqlParameter { Value = ids });
            users.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Email).ToArray() });
            users.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Name).ToArray() });
            users.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Unit).ToArray() });
            await users.ExecuteNonQueryAsync();
        }
        await using var roles = new NpgsqlCommand("""
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT a.id, r."Id" FROM unnest($1::text[], $2::text[]) AS a(id, role) JOIN "AspNetRoles" r ON r."NormalizedName" = upper(a.role)
            """, connection);
        roles.Parameters.Add(new NpgsqlParameter { Value = ids });
        roles.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Role).ToArray() });
        await roles.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Staff by COPY, in the columns the staff-list bench fills. One in four was recruited since the school regulation
    /// came into force (08/11/2021), so their records carry recruitment obligations; the others long before.
    /// </summary>
    private static async Task<Person[]> CopyStaffAsync(NpgsqlConnection connection, List<School> schools, int staffCount)
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
        string[] middle = ["Thị", "Văn", "Thị Ngọc", "Minh", "Thị Thu", "Quốc", "Hữu", "Thanh", "Ngọc", "Đức"];
        string[] given = ["Thu", "Lan", "Hương", "Hùng", "Tuấn", "Mai", "Anh", "Đào", "Phúc", "Trang", "Nhung", "Khoa", "Vinh", "Yến", "Thảo", "Dũng"];
        string[] titles = ["V.07.03.29", "V.07.03.28", "V.07.03.27", "06.031", "02.008"];
        var random = new Random(100_000);
        var recentSpan = Today.DayNumber - RegulationInForce.DayNumber;
        var staff = new Person[staffCount];
        using var copy = connection.BeginBinaryImport(
            """COPY staff_members ("Id", "UnitId", "FullName", "DateOfBirth", "Gender", "CitizenId", "ProfessionalTitle", "RecruitmentDecisionNumber", "RecruitmentDecisionDate", "Status", "TitleCode", "HighestQualificationCode", "StaffCode", "CompletenessPercent") FROM STDIN (FORMAT BINARY)""");
        for (var i = 0; i < staffCount; i++)
        {
            var recent = random.Next(4) == 0;
            var recruited = recent
                ? RegulationInForce.AddDays(random.Next(recentSpan))
                : new DateOnly(random.Next(1990, 2021), random.Next(1, 13), random.Next(1, 29));
            var born = new DateOnly(recruited.Year - random.Next(22, 35), random.Next(1, 13), random.Next(1, 29));
            // About 1 in 12 has left (retired, resigned, transferred), 1 in 50 is a draft; the rest are in post.
            var status = random.Next(100) switch { < 2 => StaffStatus.Draft, < 5 => StaffStatus.Retired, < 7 => StaffStatus.Resigned, < 9 => StaffStatus.TransferredOut, _ => StaffStatus.Active };
            staff[i] = new Person(Guid.CreateVersion7(), i % schools.Count, recruited, status);
            copy.StartRow();
            copy.Write(staff[i].Id, NpgsqlDbType.Uuid);
            copy.Write(schools[staff[i].School].Id, NpgsqlDbType.Uuid);
            copy.Write($"{family[random.Next(family.Length)]} {middle[random.Next(middle.Length)]} {given[random.Next(given.Length)]}", NpgsqlDbType.Varchar);
            copy.Write(born, NpgsqlDbType.Date);
            copy.Write(random.Next(1, 3), NpgsqlDbType.Integer);
            copy.Write($"079{born.Year % 100:00}{i:0000000}"[..12], NpgsqlDbType.Char);
            copy.Write("Giáo viên tiểu học hạng III", NpgsqlDbType.Varchar);
            copy.Write($"{i}/QĐ-UBND", NpgsqlDbType.Varchar);
            copy.Write(recruited, NpgsqlDbType.Date);
            copy.Write((int)status, NpgsqlDbType.Integer);
            copy.Write(titles[random.Next(titles.Length)], NpgsqlDbType.Varchar);
            copy.Write(random.Next(10) < 2 ? "THS" : "DH", NpgsqlDbType.Varchar);
            copy.Write($"HS-{i:0000000}", NpgsqlDbType.Varchar);
            copy.Write(random.Next(40, 101), NpgsqlDbType.Integer);
        }
        copy.Complete();
        return staff;
    }

    /// <summary>One obligations row as COPY writes it.</summary>
    private sealed record Row(Guid UnitId, Guid? StaffMemberId, LegalDeadlineRule Rule, string SourceKey, DateOnly EventDate, DateOnly DueOn)
    {
        public DateOnly? CompletedOn { get; set; }
        public string? CompletedBy { get; set; }
        public DateTimeOffset? OverdueNotifiedAt { get; set; }
        public DateTimeOffset? EscalatedUpAt { get; set; }
        public int? RemindedDaysAhead { get; set; }
    }

    /// <summary>
    /// Five years of obligations under the seeded rules, as the portal would have opened and closed them:
    /// <list type="bullet">
    /// <item>each school's two reports a year, 2022–2026; this Monday is the due day of 2026's second, which 30% have not sent;</item>
    /// <item>each person's yearly declaration 2022–2025 (2026's opens tomorrow), all received, some late;</item>
    /// <item>each recruit's record (60 days; under the decree 3 days to create it and 3 working days to complete it);</item>
    /// <item>the rest: decisions to record (15 days from the effect; 3 working days from the signature under the decree).</item>
    /// </list>
    /// About 10% are open (<see cref="OpenShare"/>): recent decisions and recruits, overdue by up to 60 days or falling due.
    /// Closed ones mostly on time, some late. The marks (principal told, supervisors told, report reminders) are those the
    /// daily scans of the past working days would have left, so today's scan does one ordinary Monday's work.
    /// Decision obligations carry no DecisionId: the scan never reads decisions, and a million decision rows would only
    /// lengthen the fill; their keys "decision:{guid}" are unique as real ones are.
    /// </summary>
    private static async Task<int> FillObligationsAsync(IServiceProvider provider, string connectionString, City city, int count)
    {
        List<LegalDeadlineRule> rules;
        WorkingCalendar calendar;
        await using (var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            rules = await db.DeadlineRules.AsNoTracking().ToListAsync();
            calendar = await WorkingCalendars.LoadAsync(db, 2021, 2027, CancellationToken.None);
        }
        LegalDeadlineRule Rule(string code) => rules.Single(r => r.Code == code);
        var (recruitSchool, decisionSchool, declaration) = (Rule("QC14-2021.D8.K1"), Rule("QC14-2021.D8.K2a"), Rule("QC14-2021.D8.K2b"));
        var (create, firstDeclaration, decisionDecree) = (Rule("ND27-2026.TAO-LAP"), Rule("ND27-2026.KE-KHAI-LAN-DAU"), Rule("ND27-2026.CAP-NHAT"));
        LegalDeadlineRule[] reports = [Rule("QC14-2021.D12.K1.DOT1"), Rule("QC14-2021.D12.K1.DOT2")];
        var random = new Random(1_000_000);
        var openTarget = (int)(count * OpenShare);
        var rows = new List<Row>();

        foreach (var year in Enumerable.Range(2022, 5))
            foreach (var rule in reports)
                foreach (var school in city.Schools)
                {
                    var (opens, due) = (rule.OpensIn(year, calendar), rule.DueDateIn(year, calendar));
                    if (due > Today) continue;
                    var row = new Row(school.Id, null, rule, $"report:{school.Id}:{year}", opens, due);
                    if (due == Today && random.Next(10) < 3) Mark(row, calendar);
                    else Close(row, random, calendar, school.Officer, lateShare: 10);
                    rows.Add(row);
                }

        foreach (var year in Enumerable.Range(2022, 4))
            foreach (var person in city.Staff)
            {
                if (rows.Count >= count * 0.4) break;
                if (person.Status == StaffStatus.Draft || person.RecruitedOn.Year > year) continue;
                var row = new Row(city.Schools[person.School].Id, person.Id, declaration, $"declaration:{person.Id}:{year}",
                    declaration.OpensIn(year, calendar), declaration.DueDateIn(year, calendar));
                Close(row, random, calendar, city.Schools[person.School].Officer, lateShare: 12);
                rows.Add(row);
            }

        foreach (var person in city.Staff.Where(p => p.RecruitedOn >= RegulationInForce).Take(count / 10))
        {
            var school = city.Schools[person.School];
            var recruited = new List<Row>();
            if (school.AppliesDecree && person.RecruitedOn >= DecreeInForce)
            {
                // The record is created when the officer enters it; that save meets the decree's 3 days, on time or late.
                var created = Min(person.RecruitedOn.AddDays(random.Next(0, 7)), Today.AddDays(-1));
                var creation = new Row(school.Id, person.Id, create, $"staff:{person.Id}", person.RecruitedOn, create.DueDate(person.RecruitedOn, calendar));
                (creation.CompletedOn, creation.CompletedBy) = (created, ObligationOpener.ClosedBySystem);
                rows.Add(creation);
                recruited.Add(new Row(school.Id, person.Id, firstDeclaration, $"staff:{person.Id}", created, firstDeclaration.DueDate(created, calendar)));
            }
            else recruited.Add(new Row(school.Id, person.Id, recruitSchool, $"staff:{person.Id}", person.RecruitedOn, recruitSchool.DueDate(person.RecruitedOn, calendar)));
            foreach (var row in recruited)
            {
                // Recent records are often still incomplete; older ones were completed in their time.
                if (row.DueOn >= Today.AddDays(-60) && random.Next(10) < 6) Mark(row, calendar);
                else Close(row, random, calendar, school.Officer, lateShare: 20);
                rows.Add(row);
            }
        }

        var open = rows.Count(r => r.CompletedOn is null);
        var decisions = Math.Max(0, count - rows.Count);
        var openDecisions = Math.Clamp(openTarget - open, 0, decisions);
        await using var connection = await OpenAsync(connectionString);
        using var copy = connection.BeginBinaryImport(
            """COPY obligations ("Id", "UnitId", "StaffMemberId", "RuleId", "RuleCode", "Title", "LegalSource", "Trigger", "Awaits", "Responsible", "SourceKey", "EventDate", "DueOn", "CompletedOn", "CompletedBy", "OverdueNotifiedAt", "EscalatedUpAt", "RemindedDaysAhead") FROM STDIN (FORMAT BINARY)""");
        foreach (var row in rows) Write(copy, row);
        var firstDecisionDay = new DateOnly(2022, 1, 3);
        for (var i = 0; i < decisions; i++)
        {
            var person = city.Staff[random.Next(city.Staff.Length)];
            var school = city.Schools[person.School];
            var key = $"decision:{Guid.NewGuid()}";
            Row row;
            if (i < openDecisions)
            {
                // Recent: signed within the last 65 days (decree: due 3 working days later), or in effect from 75 days ago
                // to 15 days ahead (school regulation: due 15 days after the effect).
                if (school.AppliesDecree)
                {
                    var signed = PreviousWorkingDay(Today.AddDays(-random.Next(0, 66)), calendar);
                    row = new Row(school.Id, person.Id, decisionDecree, key, signed, decisionDecree.DueDate(signed, calendar));
                }
                else
                {
                    var effective = Today.AddDays(random.Next(-75, 16));
                    row = new Row(school.Id, person.Id, decisionSchool, key, effective, decisionSchool.DueDate(effective, calendar));
                }
                Mark(row, calendar);
            }
            else
            {
                var signed = PreviousWorkingDay(firstDecisionDay.AddDays(random.Next(Today.DayNumber - firstDecisionDay.DayNumber)), calendar);
                if (school.AppliesDecree && signed >= DecreeInForce)
                    row = new Row(school.Id, person.Id, decisionDecree, key, signed, decisionDecree.DueDate(signed, calendar));
                else
                {
                    var effective = Min(signed.AddDays(random.Next(0, 31)), Today.AddDays(-1));
                    row = new Row(school.Id, person.Id, decisionSchool, key, effective, decisionSchool.DueDate(effective, calendar));
                }
                Close(row, random, calendar, ObligationOpener.ClosedBySystem, lateShare: 15);
            }
            Write(copy, row);
        }
        copy.Complete();
        return rows.Count + decisions;
    }

    /// <summary>
    /// Closes a row in the past: on time (between the event and the due day) or, for <paramref name="lateShare"/>%, up to
    /// 30 days late, never today or later; with the marks the scans made while it was open.
    /// </summary>
    private static void Close(Row row, Random random, WorkingCalendar calendar, string by, int lateShare)
    {
        var lastDay = Today.AddDays(-1);
        var late = random.Next(100) < lateShare && row.DueOn.AddDays(1) <= lastDay;
        var from = late ? row.DueOn.AddDays(1) : Min(row.EventDate, lastDay);
        var to = late ? Min(row.DueOn.AddDays(30), lastDay) : Min(row.DueOn, lastDay);
        row.CompletedOn = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
        row.CompletedBy = by;
        Mark(row, calendar);
    }

    /// <summary>
    /// The marks the daily scans left before today while the row was open: the principal told on the first working day
    /// it was overdue, the supervisors on the first working day 10 days overdue, a report's reminders 14 and 3 days ahead
    /// (the defaults of <see cref="DeadlineOptions"/>).
    /// </summary>
    private static void Mark(Row row, WorkingCalendar calendar)
    {
        var until = row.CompletedOn ?? Today;
        if (FirstScan(row.DueOn.AddDays(1), calendar) is var told && told < until) row.OverdueNotifiedAt = At(told);
        if (FirstScan(row.DueOn.AddDays(10), calendar) is var up && up < until) row.EscalatedUpAt = At(up);
        if (row.Rule.Awaits != RuleAwaits.Report) return;
        foreach (var ahead in new[] { 14, 3 })
            if (FirstScan(Max(row.EventDate, row.DueOn.AddDays(-ahead)), calendar) is var reminded && reminded < until && reminded <= row.DueOn)
                row.RemindedDaysAhead = ahead;
    }

    private static DateOnly FirstScan(DateOnly from, WorkingCalendar calendar)
    {
        while (!calendar.IsWorkingDay(from)) from = from.AddDays(1);
        return from;
    }

    private static DateOnly PreviousWorkingDay(DateOnly day, WorkingCalendar calendar)
    {
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    private static DateTimeOffset At(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue) + ScanHour, SchoolOffset).ToUniversalTime();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static void Write(NpgsqlBinaryImporter copy, Row row)
    {
        copy.StartRow();
        copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
        copy.Write(row.UnitId, NpgsqlDbType.Uuid);
        if (row.StaffMemberId is { } staff) copy.Write(staff, NpgsqlDbType.Uuid);
        else copy.WriteNull();
        copy.Write(row.Rule.Id, NpgsqlDbType.Uuid);
        copy.Write(row.Rule.Code, NpgsqlDbType.Varchar);
        copy.Write(row.Rule.Title, NpgsqlDbType.Varchar);
        copy.Write(row.Rule.LegalSource, NpgsqlDbType.Varchar);
        copy.Write((int)row.Rule.Trigger, NpgsqlDbType.Integer);
        copy.Write((int)row.Rule.Awaits, NpgsqlDbType.Integer);
        copy.Write((int)row.Rule.Responsible, NpgsqlDbType.Integer);
        copy.Write(row.SourceKey, NpgsqlDbType.Varchar);
        copy.Write(row.EventDate, NpgsqlDbType.Date);
        copy.Write(row.DueOn, NpgsqlDbType.Date);
        if (row.CompletedOn is { } done) copy.Write(done, NpgsqlDbType.Date);
        else copy.WriteNull();
        if (row.CompletedBy is { } by) copy.Write(by, NpgsqlDbType.Varchar);
        else copy.WriteNull();
        if (row.OverdueNotifiedAt is { } told) copy.Write(told, NpgsqlDbType.TimestampTz);
        else copy.WriteNull();
        if (row.EscalatedUpAt is { } up) copy.Write(up, NpgsqlDbType.TimestampTz);
        else copy.WriteNull();
        if (row.RemindedDaysAhead is { } ahead) copy.Write(ahead, NpgsqlDbType.Integer);
        else copy.WriteNull();
    }

    private static async Task PrintMixAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("""
            SELECT "RuleCode", count(*), count(*) FILTER (WHERE "CompletedOn" <= "DueOn"), count(*) FILTER (WHERE "CompletedOn" > "DueOn"),
                   count(*) FILTER (WHERE "CompletedOn" IS NULL AND "DueOn" < $1),
                   count(*) FILTER (WHERE "CompletedOn" IS NULL AND "DueOn" >= $1 AND "DueOn" <= $1 + 30),
                   count(*) FILTER (WHERE "CompletedOn" IS NULL AND "DueOn" > $1 + 30)
            FROM obligations GROUP BY ROLLUP ("RuleCode") ORDER BY "RuleCode" NULLS LAST
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Today });
        Console.WriteLine($"  {"rule",-28} {"rows",9} {"on time",9} {"late",8} {"overdue",8} {"due ≤30d",8} {"later",6}");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Console.WriteLine($"  {(reader.IsDBNull(0) ? "all" : reader.GetString(0)),-28} {reader.GetInt64(1),9:N0} {reader.GetInt64(2),9:N0} " +
                $"{reader.GetInt64(3),8:N0} {reader.GetInt64(4),8:N0} {reader.GetInt64(5),8:N0} {reader.GetInt64(6),6:N0}");
    }

    /// <summary>
    /// Today's digests through the job, timed, beside the hand-written query; then one run watched command by command,
    /// the plan of the job's main query, and a first scan after deployment (no marks yet).
    /// </summary>
    /// <remarks>
    /// Each run starts from the same state: today's digest rows deleted and the obligations' marks put back from a copy
    /// taken after the fill, then VACUUM, so dead rows of the last run do not slow the next. A transaction rolled back
    /// around the run is not possible from outside: the job opens its own context and its own transaction (for the
    /// advisory lock), and neither Npgsql nor EF nests one in another. The audit rows the job's saves append stay: the
    /// log is append-only (a trigger refuses deletes), and each run adds one ordinary day's worth.
    /// </remarks>
    private static async Task ScanAsync(IServiceProvider provider, string connectionString, CommandLog commands, ServerCpu server)
    {
        var options = provider.GetRequiredService<DeadlineOptions>();
        var horizon = Today.AddDays(Math.Max(options.DueSoonDays, options.ReportReminderDays.DefaultIfEmpty(0).Max()));
        await using (var connection = await OpenAsync(connectionString))
            await ExecuteAsync(connection, """
                CREATE TABLE bench_marks AS SELECT "Id", "OverdueNotifiedAt", "EscalatedUpAt", "RemindedDaysAhead" FROM obligations WHERE "CompletedOn" IS NULL
                """);
        async Task<long> JobAsync()
        {
            await using var scope = provider.CreateAsyncScope();
            var (digests, items) = await scope.ServiceProvider.GetRequiredService<DeadlineScanJob>().QueueDigestsAsync(Today, CancellationToken.None);
            return ((long)digests << 32) | (uint)items;
        }

        var portal = await MeasureAsync(JobAsync, () => ResetAsync(connectionString));
        var hand = await MeasureAsync(() => HandAsync(connectionString, options, horizon), () => Task.CompletedTask);
        Console.WriteLine($"{"daily digests, Monday 30/11/2026",-40} {"portal ms",9} {"p95",7} {"hand SQL ms",11} {"p95",7} {"ratio",6} {"recipients",10} {"items",8}");
        Console.WriteLine($"{"  QueueDigestsAsync vs one query",-40} {portal.Median,9:F0} {portal.P95,7:F0} {hand.Median,11:F0} {hand.P95,7:F0} " +
            $"{portal.Median / hand.Median,6:F1} {portal.Result >> 32,10:N0} {portal.Result & uint.MaxValue,8:N0}");
        Console.WriteLine($"  (median and p95 of {Runs} runs after {WarmUps} warm-ups; p95 of {Runs} is the slowest); {LoadAverage()}");
        if (portal.Result != hand.Result)
            Console.WriteLine($"  MISMATCH: the SQL listed {hand.Result & uint.MaxValue:N0} items for {hand.Result >> 32:N0} recipients");

        var watched = await WatchAsync("one run watched", JobAsync, connectionString, commands, server);
        await MarksAsync(connectionString, watched);
        await PrintPlanAsync(connectionString, watched.FirstOrDefault(c => c.Kind == MainQuery)?.Sql, horizon);
        await PrintHandPlanAsync(connectionString, options, horizon);
        await MainQueryAsync(provider, horizon);

        await ResetAsync(connectionString);
        await using (var connection = await OpenAsync(connectionString))
        {
            await ExecuteAsync(connection, """
                UPDATE obligations SET "OverdueNotifiedAt" = NULL, "EscalatedUpAt" = NULL, "RemindedDaysAhead" = NULL WHERE "CompletedOn" IS NULL
                """);
            await ExecuteAsync(connection, "VACUUM obligations");
        }
        await WatchAsync("first scan after deployment (no marks yet)", JobAsync, connectionString, commands, server, reset: false);
    }

    /// <summary>Puts today's digests and marks back as the fill left them (untimed).</summary>
    private static async Task ResetAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await ExecuteAsync(connection, """
            DELETE FROM outbox_messages WHERE "DeduplicationKey" LIKE 'deadline-digest:%';
            UPDATE obligations o SET "OverdueNotifiedAt" = m."OverdueNotifiedAt", "EscalatedUpAt" = m."EscalatedUpAt", "RemindedDaysAhead" = m."RemindedDaysAhead"
            FROM bench_marks m
            WHERE m."Id" = o."Id" AND (o."OverdueNotifiedAt" IS DISTINCT FROM m."OverdueNotifiedAt" OR o."EscalatedUpAt" IS DISTINCT FROM m."EscalatedUpAt"
                  OR o."RemindedDaysAhead" IS DISTINCT FROM m."RemindedDaysAhead");
            """);
        await ExecuteAsync(connection, "VACUUM obligations, outbox_messages");
    }

    /// <summary>
    /// The digests in one statement: per recipient, the items of the three sections exactly as the job picks them
    /// (responsible people's due-soon and overdue items, reports only when overdue or a reminder stage is reached; the
    /// principal's overdue items; the supervising wards' items overdue 10 days or more), each rendered as the job's line.
    /// A staff member's own account answers for their declarations; without one, the unit's officers do. An account is
    /// one row of "people" whatever roles it holds, so a principal who is also the officer is told once, as the job's
    /// DistinctBy does.
    /// </summary>
    private const string HandSql = """
        WITH accounts AS (
            SELECT u."Id", u."UnitId", u."StaffMemberId", r."Name" AS "Role", unit."Path"
            FROM "AspNetUsers" u
            JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id"
            JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            JOIN org_units unit ON unit."Id" = u."UnitId"
            WHERE NOT u."IsDisabled" AND (u."AccessUntil" IS NULL OR u."AccessUntil" >= $1) AND u."Email" IS NOT NULL
              AND (r."Name" IN ('RecordsOfficer', 'Principal', 'Supervisor') OR u."StaffMemberId" IS NOT NULL)
        ),
        owners AS (
            SELECT DISTINCT ON ("StaffMemberId") "StaffMemberId", "Id" FROM accounts WHERE "StaffMemberId" IS NOT NULL
        ),
        people AS (
            SELECT "UnitId", "Id", bool_or("Role" = 'Principal') AS "Principal", bool_or("Role" = 'RecordsOfficer') AS "Officer"
            FROM accounts GROUP BY "UnitId", "Id"
        ),
        supervisors AS (
            SELECT unit."Id" AS "UnitId", a."Id"
            FROM org_units unit JOIN accounts a ON a."Role" = 'Supervisor' AND unit."Path" LIKE a."Path" || '%' AND unit."Path" <> a."Path"
        ),
        pending AS (
            SELECT o."Id", o."UnitId", o."Responsible", o."Awaits", o."DueOn", o."RemindedDaysAhead", unit."Name" AS "UnitName", w."Id" AS "Owner",
                   CASE WHEN w."Id" IS NULL THEN o."UnitId" END AS "ResponsibleUnit",
                   greatest(0, $1 - o."DueOn") AS "Overdue",
                   format(E'- %s: %s — hạn %s (%s); căn cứ: %s\n', coalesce(s."FullName", unit."Name"), o."Title", to_char(o."DueOn", 'DD/MM/YYYY'),
                          CASE WHEN o."DueOn" < $1 THEN 'quá hạn ' || ($1 - o."DueOn") || ' ngày' WHEN o."DueOn" = $1 THEN 'hết hạn hôm nay'
                               ELSE 'còn ' || (o."DueOn" - $1) || ' ngày' END,
                          o."LegalSource") AS "Line"
            FROM obligations o
            JOIN org_units unit ON unit."Id" = o."UnitId"
            LEFT JOIN staff_members s ON s."Id" = o."StaffMemberId"
            LEFT JOIN owners w ON o."Responsible" = 2 AND w."StaffMemberId" = o."StaffMemberId"
            WHERE o."CompletedOn" IS NULL AND o."DueOn" <= $2
        ),
        owed AS (
            SELECT * FROM pending p
            WHERE CASE WHEN p."Awaits" = 5
                       THEN p."Overdue" > 0 OR EXISTS (SELECT FROM unnest($6::int[]) stage
                                                    WHERE p."DueOn" - $1 <= stage AND (p."RemindedDaysAhead" IS NULL OR stage < p."RemindedDaysAhead"))
                       ELSE p."DueOn" - $1 <= $3 END
        ),
        listed AS (
            SELECT "Owner" AS "UserId", 1 AS "Section", "DueOn", "UnitName", "Overdue", "Line" FROM owed WHERE "Owner" IS NOT NULL
            UNION ALL
            SELECT a."Id", 1, p."DueOn", p."UnitName", p."Overdue", p."Line"
            FROM owed p JOIN people a ON a."UnitId" = p."ResponsibleUnit"
            WHERE a."Principal" AND p."Responsible" IN (3, 4) OR a."Officer" AND p."Responsible" IN (1, 2, 4)
            UNION ALL
            SELECT a."Id", 2, p."DueOn", p."UnitName", p."Overdue", p."Line"
            FROM pending p JOIN people a ON a."UnitId" = p."UnitId" AND a."Principal"
            WHERE p."Overdue" >= greatest($4, 1)
            UNION ALL
            SELECT v."Id", 3, p."DueOn", p."UnitName", p."Overdue", p."Line"
            FROM pending p JOIN supervisors v ON v."UnitId" = p."UnitId"
            WHERE p."Overdue" >= greatest($5, 1)
        )
        SELECT "UserId", count(*) AS "Items", count(*) FILTER (WHERE "Section" = 1 AND "Overdue" > 0) AS "OwnOverdue",
               string_agg("Line", '' ORDER BY "DueOn", "UnitName") FILTER (WHERE "Section" = 1) AS "Own",
               string_agg("Line", '' ORDER BY "DueOn", "UnitName") FILTER (WHERE "Section" = 2) AS "Unit",
               string_agg("Line", '' ORDER BY "DueOn", "UnitName") FILTER (WHERE "Section" = 3) AS "Below"
        FROM listed GROUP BY "UserId"
        """;

    private static NpgsqlCommand HandCommand(NpgsqlConnection connection, string sql, DeadlineOptions options, DateOnly horizon)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Today, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = horizon, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = options.DueSoonDays });
        command.Parameters.Add(new NpgsqlParameter { Value = options.EscalateToPrincipalAfterDays });
        command.Parameters.Add(new NpgsqlParameter { Value = options.EscalateUpAfterDays });
        command.Parameters.Add(new NpgsqlParameter { Value = options.ReportReminderDays.ToArray() });
        return command;
    }

    /// <summary>Reads every recipient's sections; returns recipients and items packed as the job's result is.</summary>
    private static async Task<long> HandAsync(string connectionString, DeadlineOptions options, DateOnly horizon)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = HandCommand(connection, HandSql, options, horizon);
        await using var reader = await command.ExecuteReaderAsync();
        var (recipients, items) = (0L, 0L);
        var sections = new string?[3];
        while (await reader.ReadAsync())
        {
            recipients++;
            items += reader.GetInt64(1);
            // Read the text too: the mails are the point, and the job builds them.
            for (var section = 0; section < 3; section++) sections[section] = reader.IsDBNull(section + 3) ? null : reader.GetString(section + 3);
        }
        return (recipients << 32) | (uint)items;
    }

    private const string MainQuery = "main query (obligations, units, staff)";
    private const string SaveBatch = "SaveChanges batches";

    /// <summary>
    /// One run with the command log on: every database command (EF's and the audit writer's own), grouped by what it
    /// does, with the time until the server's first answer and the time each was open (sent until its last row was
    /// read: for EF's readers that includes materialising the rows, for a batch every statement in it); the rest of
    /// the run is spent outside any command.
    /// </summary>
    private static async Task<List<CommandLog.Command>> WatchAsync(string name, Func<Task<long>> job, string connectionString, CommandLog commands,
        ServerCpu server, bool reset = true)
    {
        if (reset) await ResetAsync(connectionString);
        await using var connection = await OpenAsync(connectionString);
        var auditBefore = await ScalarAsync(connection, "SELECT count(*) FROM audit_entries");
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(2);
        var (appCpu, serverCpu) = (Process.GetCurrentProcess().TotalProcessorTime, server.Used());
        commands.Start();
        var watch = Stopwatch.StartNew();
        var result = await job();
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var log = commands.Stop();
        (appCpu, serverCpu) = (Process.GetCurrentProcess().TotalProcessorTime - appCpu, server.Used() - serverCpu);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Console.WriteLine($"{name}: {elapsed:N0} ms, {result >> 32:N0} digests, {result & uint.MaxValue:N0} items, {allocated / 1048576.0:N0} MB allocated, " +
            $"{GC.CollectionCount(2) - collections} gen-2 collections");
        Console.WriteLine($"  CPU used: the app {appCpu.TotalMilliseconds:N0} ms (all its threads), PostgreSQL {serverCpu.TotalMilliseconds:N0} ms; {LoadAverage()}");
        Console.WriteLine($"  {"database commands",-62} {"commands",8} {"first answer ms",15} {"open ms",8}");
        foreach (var kind in log.GroupBy(c => c.Kind).OrderByDescending(g => g.Sum(c => c.Ms)))
        {
            Console.WriteLine($"  {kind.Key,-62} {kind.Count(),8:N0} {kind.Sum(c => c.FirstResponseMs),15:N0} {kind.Sum(c => c.Ms),8:N0}");
            if (kind.Key == SaveBatch)
                Console.WriteLine("    " + string.Join(", ", kind.SelectMany(c => c.Statements).GroupBy(p => p.Key)
                    .Select(g => $"{g.Sum(p => p.Value):N0} × {g.Key}")));
        }
        var inCommands = log.Sum(c => c.Ms);
        Console.WriteLine($"  {"outside any command (digests, mail text, change tracking, audit rows)",-62} {"",8} {"",15} {elapsed - inCommands,8:N0}");
        var (mails, characters, largest) = (0L, 0L, 0);
        await using (var written = new NpgsqlCommand("""
            SELECT count(*), coalesce(sum(length("Body")), 0), coalesce(max(length("Body")), 0) FROM outbox_messages WHERE "DeduplicationKey" LIKE 'deadline-digest:%'
            """, connection))
        await using (var reader = await written.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            (mails, characters, largest) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2));
        }
        Console.WriteLine($"  wrote {mails:N0} outbox mails, {characters / 1048576.0:N1} M characters (largest {largest / 1024.0:N0} K), " +
            $"{await ScalarAsync(connection, "SELECT count(*) FROM audit_entries") - auditBefore:N0} audit rows for the marks");
        return log;
    }

    /// <summary>What a command does, from its first statement: verb and table.</summary>
    private static string KindOf(string sql)
    {
        var first = sql.TrimStart();
        if (first.StartsWith("SELECT", StringComparison.Ordinal) && first.Contains("FROM obligations", StringComparison.Ordinal)
            && first.Contains("staff_members", StringComparison.Ordinal) && first.Contains("ORDER BY", StringComparison.Ordinal))
            return MainQuery;
        var verb = Regex.Match(first, @"^(SELECT|INSERT INTO|UPDATE|DELETE FROM)\s+(\S+)");
        if (!verb.Success) return first.Split('\n')[0] is var line && line.Length > 60 ? line[..60] + "…" : line;
        if (verb.Groups[1].Value != "SELECT") return $"{verb.Groups[1].Value} {verb.Groups[2].Value}";
        var from = Regex.Match(first, @"\bFROM\s+(\S+)");
        return from.Success ? $"SELECT … FROM {from.Groups[1].Value}" : first.Split('\n')[0].Trim();
    }

    /// <summary>
    /// The marks of the watched run (principal told, supervisors told, reminders) written two ways from the state before
    /// it, each in a transaction rolled back: as EF writes them (one UPDATE per obligation checking its xmin, in batches
    /// of 1,000) and as one UPDATE per kind of mark. Neither includes the job's audit rows (one per mark).
    /// </summary>
    private static async Task MarksAsync(string connectionString, List<CommandLog.Command> watched)
    {
        await using var connection = await OpenAsync(connectionString);
        var changed = new List<(Guid Id, bool Told, bool Up, int? Reminded)>();
        await using (var command = new NpgsqlCommand("""
            SELECT o."Id", o."OverdueNotifiedAt" IS DISTINCT FROM m."OverdueNotifiedAt", o."EscalatedUpAt" IS DISTINCT FROM m."EscalatedUpAt",
                   CASE WHEN o."RemindedDaysAhead" IS DISTINCT FROM m."RemindedDaysAhead" THEN o."RemindedDaysAhead" END
            FROM obligations o JOIN bench_marks m ON m."Id" = o."Id"
            WHERE o."OverdueNotifiedAt" IS DISTINCT FROM m."OverdueNotifiedAt" OR o."EscalatedUpAt" IS DISTINCT FROM m."EscalatedUpAt"
               OR o."RemindedDaysAhead" IS DISTINCT FROM m."RemindedDaysAhead"
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                changed.Add((reader.GetGuid(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetInt32(3)));
        await ResetAsync(connectionString);
        var versions = new Dictionary<Guid, uint>();
        await using (var command = new NpgsqlCommand("""SELECT "Id", xmin FROM obligations WHERE "Id" = ANY($1)""", connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = changed.Select(c => c.Id).ToArray() });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) versions[reader.GetGuid(0)] = reader.GetFieldValue<uint>(1);
        }
        var now = DateTimeOffset.UtcNow;

        var watch = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var chunk in changed.Chunk(1000))
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var (id, told, up, reminded) in chunk)
                {
                    string[] sets = [.. new[] { told ? "OverdueNotifiedAt" : null, up ? "EscalatedUpAt" : null, reminded is null ? null : "RemindedDaysAhead" }.OfType<string>()];
                    var update = new NpgsqlBatchCommand($"""UPDATE obligations SET {string.Join(", ", sets.Select((c, i) => $"\"{c}\" = ${i + 1}"))} WHERE "Id" = ${sets.Length + 1} AND xmin = ${sets.Length + 2} RETURNING xmin""");
                    foreach (var column in sets)
                        update.Parameters.Add(column == "RemindedDaysAhead" ? new NpgsqlParameter { Value = reminded!.Value } : new NpgsqlParameter { Value = now });
                    update.Parameters.Add(new NpgsqlParameter { Value = id });
                    update.Parameters.Add(new NpgsqlParameter { Value = versions[id], NpgsqlDbType = NpgsqlDbType.Xid });
                    batch.BatchCommands.Add(update);
                }
                await using var reader = await batch.ExecuteReaderAsync();
                do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
            }
            await transaction.RollbackAsync();
        }
        var perRow = watch.Elapsed.TotalMilliseconds;
        await ExecuteAsync(connection, "VACUUM obligations");

        watch.Restart();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            foreach (var (column, ids) in new[] { ("OverdueNotifiedAt", changed.Where(c => c.Told)), ("EscalatedUpAt", changed.Where(c => c.Up)) })
            {
                await using var update = new NpgsqlCommand($"""UPDATE obligations SET "{column}" = $2 WHERE "Id" = ANY($1) AND "{column}" IS NULL""", connection, transaction);
                update.Parameters.Add(new NpgsqlParameter { Value = ids.Select(c => c.Id).ToArray() });
                update.Parameters.Add(new NpgsqlParameter { Value = now });
                await update.ExecuteNonQueryAsync();
            }
            await using (var reminders = new NpgsqlCommand("""
                UPDATE obligations o SET "RemindedDaysAhead" = r.ahead FROM unnest($1::uuid[], $2::int[]) AS r(id, ahead) WHERE o."Id" = r.id
                """, connection, transaction))
            {
                var reminded = changed.Where(c => c.Reminded is not null).ToList();
                reminders.Parameters.Add(new NpgsqlParameter { Value = reminded.Select(c => c.Id).ToArray() });
                reminders.Parameters.Add(new NpgsqlParameter { Value = reminded.Select(c => c.Reminded!.Value).ToArray() });
                await reminders.ExecuteNonQueryAsync();
            }
            await transaction.RollbackAsync();
        }
        var setBased = watch.Elapsed.TotalMilliseconds;
        await ExecuteAsync(connection, "VACUUM obligations");
        var saves = watched.Where(c => c.Kind == SaveBatch).ToList();
        Console.WriteLine($"marks of that run: {changed.Count:N0} obligations ({changed.Count(c => c.Told):N0} principal told, {changed.Count(c => c.Up):N0} supervisors told, " +
            $"{changed.Count(c => c.Reminded is not null):N0} reminders); the job's SaveChanges batches took {saves.Sum(c => c.Ms):N0} ms in all");
        Console.WriteLine($"  the same marks by hand, rolled back: as EF writes them (an UPDATE per row, batches of 1,000) {perRow:N0} ms; " +
            $"one UPDATE … WHERE \"Id\" = ANY($1) per kind of mark {setBased:N0} ms");
    }

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of the job's main query, as EF sent it (taken from the command log), its one parameter,
    /// the horizon, written in as a literal.
    /// </summary>
    private static async Task PrintPlanAsync(string connectionString, string? sql, DateOnly horizon)
    {
        if (sql is null) { Console.WriteLine("  plan: the job's main query was not in the command log"); return; }
        var parameters = Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct().ToList();
        if (parameters.Count != 1) { Console.WriteLine($"  plan: expected one parameter, found {string.Join(", ", parameters)}"); return; }
        Console.WriteLine($"job's main query: {Regex.Replace(sql, @"\s+", " ")}");
        await PrintAnalyzeAsync(connectionString, sql.Replace(parameters[0], $"DATE '{horizon:yyyy-MM-dd}'"), null);
    }

    private static async Task PrintHandPlanAsync(string connectionString, DeadlineOptions options, DateOnly horizon)
    {
        Console.WriteLine("hand-written query:");
        await PrintAnalyzeAsync(connectionString, HandSql, (options, horizon));
    }

    /// <summary>The plan's summary: the top node with its details and buffers, every scan and sort, planning and execution time.</summary>
    private static async Task PrintAnalyzeAsync(string connectionString, string sql, (DeadlineOptions Options, DateOnly Horizon)? hand)
    {
        await using var connection = await OpenAsync(connectionString);
        var explain = "EXPLAIN (ANALYZE, BUFFERS) " + sql;
        await using var command = hand is { } h ? HandCommand(connection, explain, h.Options, h.Horizon) : new NpgsqlCommand(explain, connection);
        var lines = new List<string>();
        await using (var plan = await command.ExecuteReaderAsync())
            while (await plan.ReadAsync()) lines.Add(plan.GetString(0));
        string[] shown = ["Scan", "Sort Method", "Planning Time", "Execution Time"];
        var top = lines.FindIndex(l => l.TrimStart().StartsWith("->", StringComparison.Ordinal));
        for (var i = 0; i < lines.Count; i++)
            if (i < top || shown.Any(lines[i].Contains))
                Console.WriteLine($"    plan: {lines[i].Trim()}");
    }

    /// <summary>
    /// The job's main query alone, through EF: as the job runs it (every obligation tracked, since the projection carries
    /// the entity, then DetectChanges as SaveChanges does), the same entities untracked, and a projection of only the
    /// columns the digest reads, untracked.
    /// </summary>
    private static async Task MainQueryAsync(IServiceProvider provider, DateOnly horizon)
    {
        var contexts = provider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        async Task<long> EntitiesAsync(bool tracked)
        {
            await using var db = await contexts.CreateDbContextAsync();
            var obligations = tracked ? db.Obligations : db.Obligations.AsNoTracking();
            var rows = await (from o in obligations
                              where o.CompletedOn == null && o.DueOn <= horizon
                              join u in db.Units on o.UnitId equals u.Id
                              join s in db.Staff on o.StaffMemberId equals s.Id into staff
                              from s in staff.DefaultIfEmpty()
                              orderby o.DueOn, u.Name
                              select new { Obligation = o, StaffName = s == null ? null : s.FullName, UnitName = u.Name, u.Path }).ToListAsync();
            if (tracked) db.ChangeTracker.DetectChanges();
            return rows.Count;
        }
        async Task<long> ProjectionAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            var rows = await (from o in db.Obligations
                              where o.CompletedOn == null && o.DueOn <= horizon
                              join u in db.Units on o.UnitId equals u.Id
                              join s in db.Staff on o.StaffMemberId equals s.Id into staff
                              from s in staff.DefaultIfEmpty()
                              orderby o.DueOn, u.Name
                              select new
                              {
                                  o.Id, o.UnitId, o.StaffMemberId, o.Responsible, o.Awaits, o.Title, o.LegalSource, o.DueOn,
                                  o.OverdueNotifiedAt, o.EscalatedUpAt, o.RemindedDaysAhead,
                                  StaffName = s == null ? null : s.FullName, UnitName = u.Name, u.Path,
                              }).ToListAsync();
            return rows.Count;
        }
        var tracked = await MeasureAsync(() => EntitiesAsync(true), () => Task.CompletedTask);
        var untracked = await MeasureAsync(() => EntitiesAsync(false), () => Task.CompletedTask);
        var projected = await MeasureAsync(ProjectionAsync, () => Task.CompletedTask);
        Console.WriteLine($"{$"main query alone through EF, {tracked.Result:N0} rows",-60} {"ms",7} {"p95",7}");
        Console.WriteLine($"{"  as the job: entities tracked, then DetectChanges",-60} {tracked.Median,7:F0} {tracked.P95,7:F0}");
        Console.WriteLine($"{"  entities, AsNoTracking",-60} {untracked.Median,7:F0} {untracked.P95,7:F0}");
        Console.WriteLine($"{"  14 columns the digest reads, no tracking",-60} {projected.Median,7:F0} {projected.P95,7:F0}");
    }

    /// <summary>Median and 95th percentile of <see cref="Runs"/> timed runs after <see cref="WarmUps"/> untimed ones; <paramref name="before"/> runs untimed before each.</summary>
    private static async Task<(double Median, double P95, long Result)> MeasureAsync(Func<Task<long>> run, Func<Task> before)
    {
        var result = 0L;
        for (var i = 0; i < WarmUps; i++)
        {
            await before();
            result = await run();
        }
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            await before();
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (Percentile(times, 0.5), Percentile(times, 0.95), result);
    }

    /// <summary>Nearest-rank percentile of sorted values: of 9 runs, the median is the 5th and the 95th percentile the 9th.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    /// <summary>
    /// OpenYearlyAsync on Tuesday 01/12/2026, when the 2026 declarations open (one per active staff member; the second
    /// report of 2026 is already there), then again the same day: the unique (rule, source) makes it a no-op.
    /// </summary>
    private static async Task OpenYearlyAsync(IServiceProvider provider, string connectionString)
    {
        Console.WriteLine($"{"yearly opening, Tuesday 01/12/2026",-40} {"ms",9} {"opened",8}");
        foreach (var name in new[] { "  first run (opens the declarations)", "  second run (idempotent)" })
        {
            await using var scope = provider.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<DeadlineScanJob>();
            var watch = Stopwatch.StartNew();
            var opened = await job.OpenYearlyAsync(DeclarationsOpen, CancellationToken.None);
            Console.WriteLine($"{name,-40} {watch.Elapsed.TotalMilliseconds,9:F0} {opened,8:N0}");
        }
        await using var connection = await OpenAsync(connectionString);
        var active = await ScalarAsync(connection, $"SELECT count(*) FROM staff_members WHERE \"Status\" = {(int)StaffStatus.Active}");
        Console.WriteLine($"  active staff: {active:N0}");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql) => await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql) => Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());

    /// <summary>
    /// Every command Npgsql runs while started (EF's and those sent around EF, like the audit chain writer's), from
    /// Npgsql's own tracing: its text, rows and how long it was open (sent until its last row was read).
    /// </summary>
    private sealed class CommandLog : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<Command> _commands = [];
        private volatile bool _recording;

        /// <summary>A command: open from send to last row read (<paramref name="Ms"/>), of which until the server's first answer.</summary>
        public sealed record Command(string Sql, double Ms, double FirstResponseMs)
        {
            /// <summary>Its statements by kind: EF sends a save's changes as batches of up to 1,000 statements in one command.</summary>
            public Dictionary<string, int> Statements { get; } = Regex.Split(Sql, @";\s*(?:\n|$)").Where(t => t.Trim().Length > 0)
                .GroupBy(KindOf).ToDictionary(g => g.Key, g => g.Count());

            public string Kind => Statements.Values.Sum() > 1 ? SaveBatch : Statements.Keys.Single();
        }

        public CommandLog()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = Stopped,
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Start()
        {
            lock (_commands) _commands.Clear();
            _recording = true;
        }

        public List<Command> Stop()
        {
            _recording = false;
            lock (_commands) return [.. _commands];
        }

        private void Stopped(Activity activity)
        {
            if (!_recording || activity.GetTagItem("db.query.text") is not string sql) return;
            var answered = activity.Events.Where(e => e.Name == "received-first-response").Select(e => (e.Timestamp.UtcDateTime - activity.StartTimeUtc).TotalMilliseconds)
                .DefaultIfEmpty(activity.Duration.TotalMilliseconds).First();
            lock (_commands) _commands.Add(new Command(sql, activity.Duration.TotalMilliseconds, answered));
        }

        public void Dispose() => _listener.Dispose();
    }

    private sealed class NobodySignedIn : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new AuthenticationState(new System.Security.Claims.ClaimsPrincipal()));
    }
}
