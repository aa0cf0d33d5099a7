using System.Diagnostics;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Portal.Domain.Decisions;
using Portal.Domain.Organisation;
using Portal.Domain.Retirement;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Data.Seed;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Postgres;
using Portal.Web.Features.Salary;
using Portal.Web.Hosting;
using Portal.Web.Shared;

/// <summary>
/// Salary benchmark on a throwaway cluster: a city of 400 primary schools under 20 wards, 100,000 staff with salary,
/// rating, discipline, absence, award and post histories, then the eligibility list for next month
/// (EligibilityService.ListAsync) for one principal and for the Admin over the whole city, split into loading the facts and
/// the pure engine; a hand-written query for the plain regular raise beside it; and the monthly letters to every principal
/// (SalaryMonthlyJob.QueueAsync), once and again.
/// Run: dotnet run -c Release --project bench/Portal.Bench -- salary [staff]
/// </summary>
/// <remarks>In the global namespace like Program.cs's top-level statements, which call it without a using.</remarks>
static class SalaryBench
{
    private const int Wards = 20;
    private const int SchoolsPerWard = 20;
    private const string RecordedBy = "bench";

    public static async Task RunAsync(string[] args)
    {
        var staffCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        var directory = Path.Combine(Path.GetTempPath(), $"portal-bench-{Guid.NewGuid():N}"[..21]);
        await using var cluster = await LocalPostgresCluster.StartAsync(new LocalPostgresOptions { Directory = directory, Throwaway = true });
        var server = new ServerCpu(Path.Combine(directory, "data"));
        var connectionString = cluster.ConnectionString("portal_bench");
        // The bench's own statements (COPY, VACUUM) may run longer than Npgsql's default 30 s; the portal keeps its default.
        var bench = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString;
        await using var provider = BuildServices(connectionString);
        var today = provider.GetRequiredService<SchoolClock>().Today;
        var next = SalaryPeriod.Month(today.AddMonths(1).Year, today.AddMonths(1).Month);
        Console.WriteLine($"salary bench: {staffCount:N0} staff, {Wards * SchoolsPerWard} schools, today {today:dd/MM/yyyy}, " +
            $"period {next.Label} ({next.From:dd/MM/yyyy}–{next.To:dd/MM/yyyy}), {Environment.ProcessorCount} cores, {LoadAverage()}");

        var fill = Stopwatch.StartNew();
        var city = await SeedAsync(provider, bench, staffCount, today);
        Console.WriteLine($"seed in all: {fill.Elapsed.TotalSeconds:F1} s; {LoadAverage()}");

        var query = new EligibilityQuery(next.From, next.To);
        var school = await SchoolListAsync(provider, bench, city, query);
        var whole = await CityListAsync(provider, bench, server, city, query, today);
        await HandSqlAsync(bench, city, today, next, school, (whole.List, whole.Median), whole.Law, whole.People);
        await MonthlyJobAsync(provider, bench, server, city, today);
        Console.WriteLine($"end: {LoadAverage()}");
    }

    /// <summary>The machine's load, printed because other work on a small machine moves every figure here.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? $"load average {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3])}" : "";

    private static ServiceProvider BuildServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:PublicUrl"] = "https://nhansu.bench.portal",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPortalCore(configuration, connectionString);
        services.AddScoped<FixedUser>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<FixedUser>());
        return services.BuildServiceProvider();
    }

    /// <summary>The seeded city: the root and its path, each school, and the accounts the measurements sign in as.</summary>
    private sealed record City(string RootPath, Guid[] Schools, string[] SchoolPaths, ClaimsPrincipal Admin, UserScope AdminScope,
        ClaimsPrincipal FirstPrincipal);

    /// <summary>A title a person holds and the scale it is paid on: coefficients of the seeded scale, step 1 first.</summary>
    private sealed record Grade(string Group, string TitleCode, string TitleName, bool Teaches, int Interval, decimal[] Coefficients)
    {
        public int LastStep => Coefficients.Length;
    }

    private sealed record Person(Guid Id, int School, string FullName, Gender Gender, DateOnly Born, StaffStatus Status, Grade Grade,
        DateOnly Recruited, bool NearRetirement);

    private sealed record DecisionRow(Guid Id, Guid UnitId, Guid StaffId, string Number, DecisionKind Kind, string Summary, string Signer,
        string IssuingBody, DateOnly SignedOn, DateOnly EffectiveOn);

    private sealed record SalaryRow(Guid StaffId, DateOnly From, Guid DecisionId, Grade Grade, int Step, decimal? Percent, DateOnly TitleAppointedOn, RaiseKind Kind);

    private sealed record RatingRow(Guid StaffId, int Year, string Rating, string? Emulation);

    private sealed record DisciplineRow(Guid StaffId, DateOnly From, DateOnly To, Guid DecisionId, DisciplineForm Form, string Violation);

    private sealed record AbsenceRow(Guid StaffId, DateOnly From, DateOnly To, Guid DecisionId);

    private sealed record AwardRow(Guid StaffId, DateOnly On, Guid DecisionId, string Form);

    private sealed record PositionRow(Guid StaffId, DateOnly From, Guid DecisionId, string Position);

    /// <summary>Every bulk row of the city, made in memory first so each table goes in by one COPY.</summary>
    private sealed class Rows
    {
        public List<Person> Staff { get; } = [];
        public List<DecisionRow> Decisions { get; } = [];
        public List<SalaryRow> Salaries { get; } = [];
        public List<RatingRow> Ratings { get; } = [];
        public List<DisciplineRow> Disciplines { get; } = [];
        public List<AbsenceRow> Absences { get; } = [];
        public List<AwardRow> Awards { get; } = [];
        public List<PositionRow> Positions { get; } = [];
    }

    /// <summary>
    /// Reference data (legal parameters, scale, early-raise levels, mail templates) by ReferenceData.SeedAsync and the
    /// units through EF as the portal writes them (each school primary, urban, class 1–3); roles through the RoleManager;
    /// accounts by one INSERT as the deadline bench does (the Admin at the root, a principal with an email per school);
    /// then every history row by one COPY per table, and VACUUM (ANALYZE) so that neither stale statistics nor autovacuum
    /// starting mid-measurement moves the figures.
    /// </summary>
    private static async Task<City> SeedAsync(IServiceProvider provider, string connectionString, int staffCount, DateOnly today)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = provider.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var root = new OrgUnit(Guid.CreateVersion7(), "Sở Giáo dục và Đào tạo (bench)", OrgUnitKind.Department, null);
        var schools = new List<OrgUnit>();
        var wardOf = new List<int>();
        Dictionary<string, Grade> grades;
        RetirementAgeSchedule men;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await ReferenceData.SeedAsync(db);
            db.Units.Add(root);
            for (var w = 0; w < Wards; w++)
            {
                var ward = new OrgUnit(Guid.CreateVersion7(), $"Ủy ban nhân dân Phường {w + 1}", OrgUnitKind.Ward, root);
                db.Units.Add(ward);
                for (var s = 0; s < SchoolsPerWard; s++)
                {
                    var n = w * SchoolsPerWard + s + 1;
                    var school = new OrgUnit(Guid.CreateVersion7(), $"Trường Tiểu học số {n}", OrgUnitKind.School, ward);
                    school.ApplySchoolProfile(SchoolLevel.Primary, SchoolArea.Urban, n % 3 + 1);
                    schools.Add(school);
                    wardOf.Add(w + 1);
                    db.Units.Add(school);
                }
            }
            await db.SaveChangesAsync();
            grades = await GradesAsync(db, today);
            men = (await SalaryFactsLoader.LawAsync(db, CancellationToken.None)).Retirement(Gender.Male, today);
        }
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All) await roles.CreateAsync(new IdentityRole(role));
        Console.WriteLine($"  migrate, reference data, {schools.Count} schools under {Wards} wards (EF), roles: {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        var rows = MakeRows(schools.Select(s => s.Id).ToArray(), wardOf, grades, men, staffCount, today);
        Console.WriteLine($"  rows made in memory: {watch.Elapsed.TotalSeconds:F1} s");

        await using var connection = await OpenAsync(connectionString);
        var staffById = rows.Staff.ToDictionary(p => p.Id);
        var principals = rows.Positions.Where(p => p.Position == "Hiệu trưởng").Select(p => staffById[p.StaffId]).ToDictionary(p => p.School);
        var accounts = new List<(string Id, string Email, string Name, Guid Unit, string Role)>
        {
            (Guid.NewGuid().ToString(), "admin@bench.portal", "Quản trị Sở", root.Id, PortalRoles.Admin),
        };
        for (var i = 0; i < schools.Count; i++)
        {
            var name = principals.TryGetValue(i, out var principal) ? principal.FullName : $"Hiệu trưởng trường số {i + 1}";
            accounts.Add((Guid.NewGuid().ToString(), $"hieutruong.t{i + 1:000}@bench.portal", name, schools[i].Id, PortalRoles.Principal));
        }
        await InsertAccountsAsync(connection, accounts);

        Console.WriteLine($"  {"COPY",-20} {"rows",10} {"s",6}");
        await TimedCopyAsync("staff_members", () => CopyStaff(connection, rows.Staff, schools.Select(s => s.Id).ToArray()));
        await TimedCopyAsync("decisions", () => CopyDecisions(connection, rows.Decisions));
        await TimedCopyAsync("salary_records", () => CopySalaries(connection, rows.Salaries));
        await TimedCopyAsync("rating_records", () => CopyRatings(connection, rows.Ratings));
        await TimedCopyAsync("discipline_records", () => CopyDisciplines(connection, rows.Disciplines));
        await TimedCopyAsync("absence_records", () => CopyAbsences(connection, rows.Absences));
        await TimedCopyAsync("award_records", () => CopyAwards(connection, rows.Awards));
        await TimedCopyAsync("position_records", () => CopyPositions(connection, rows.Positions));
        watch.Restart();
        await ExecuteAsync(connection, "VACUUM (ANALYZE)");
        Console.WriteLine($"  VACUUM (ANALYZE): {watch.Elapsed.TotalSeconds:F1} s");
        await PrintCountsAsync(connection, rows);

        var adminId = accounts[0].Id;
        var admin = Principal(adminId, PortalRoles.Admin);
        var adminScope = new UserScope(adminId, "admin@bench.portal", "Quản trị Sở", root.Id, root.Name, root.Path, new HashSet<string> { PortalRoles.Admin });
        return new City(root.Path, [.. schools.Select(s => s.Id)], [.. schools.Select(s => s.Path)], admin, adminScope,
            Principal(accounts[1].Id, PortalRoles.Principal));

        static async Task TimedCopyAsync(string table, Func<ulong> copy)
        {
            var watch = Stopwatch.StartNew();
            var count = await Task.Run(copy);
            Console.WriteLine($"  {table,-20} {count,10:N0} {watch.Elapsed.TotalSeconds,6:F1}");
        }
    }

    private static ClaimsPrincipal Principal(string userId, string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, role)], "bench"));

    /// <summary>
    /// The titles of a primary school's staff and their scales as ReferenceData seeded them (steps in force today):
    /// teachers class III on A1 and class II on A2.2, clerks, librarians and other staff on B.
    /// </summary>
    private static async Task<Dictionary<string, Grade>> GradesAsync(PortalDbContext db, DateOnly today)
    {
        var scale = (await db.SalaryScale.AsNoTracking().ToListAsync()).Where(s => s.InForceOn(today)).ToList();
        Grade Of(string group, string code, string name, bool teaches)
        {
            var steps = scale.Where(s => s.Group == group).OrderBy(s => s.Step).ToList();
            return new Grade(group, code, name, teaches, steps[0].RaiseIntervalMonths, [.. steps.Select(s => s.Coefficient)]);
        }
        return new Dictionary<string, Grade>
        {
            ["A1"] = Of("A1", "V.07.03.29", "Giáo viên tiểu học hạng III", true),
            ["A2.2"] = Of("A2.2", "V.07.03.28", "Giáo viên tiểu học hạng II", true),
            ["B.vanthu"] = Of("B", "02.008", "Văn thư viên trung cấp", false),
            ["B.thuvien"] = Of("B", "V.10.02.07", "Thư viện viên hạng IV", false),
            ["B.nhanvien"] = Of("B", "01.005", "Nhân viên", false),
        };
    }

    /// <summary>
    /// The city's people and their histories. Everyone in post has 2–6 salary rows a raise interval apart on A1 (60%),
    /// A2.2 (20%) or B (20%), coefficients from the seeded scale. For 90% the last row is below the last step and started
    /// 0 to interval + 1 months before this month, so about one in 36 (A) or 24 (B) falls due in any month and the two
    /// months before this one hold the raises due but not yet decided; 1 in 33 of them reached the current step 9 months
    /// early for an achievement. The other 10% are at the last step since 0–10 years, 4 in 5 with PCTNVK rows (the first
    /// 5% after the interval, then the percentage of the latest full year). Ratings 2021–2025 from the year of the first
    /// row on (1 in 40 "Không hoàn thành nhiệm vụ"); 1 in 15 a discipline (reprimand, warning or step demotion) within the
    /// last 3 years; 1 in 20 unpaid leave of 10–90 days within the last 3 years; 1 in 6 an award of 2023–2026; a
    /// principal and a vice-principal per school; 1 in 333 a man born 1964–1966 (women of those years reached the road
    /// map's age in 2019–2022 and have left), with a retirement notice when the day is within 6 months.
    /// </summary>
    private static Rows MakeRows(Guid[] schools, List<int> wardOf, Dictionary<string, Grade> grades, RetirementAgeSchedule men, int staffCount, DateOnly today)
    {
        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"];
        string[] middleMen = ["Văn", "Minh", "Quốc", "Hữu", "Đức", "Thành", "Công", "Xuân"];
        string[] middleWomen = ["Thị", "Thị Ngọc", "Thị Thu", "Ngọc", "Thanh", "Thị Kim", "Mỹ", "Thị Hồng"];
        string[] givenMen = ["Hùng", "Tuấn", "Phúc", "Khoa", "Vinh", "Dũng", "Bảo", "Quang", "Sơn", "Thắng", "Đạt", "Nghĩa"];
        string[] givenWomen = ["Thu", "Lan", "Hương", "Mai", "Anh", "Đào", "Trang", "Nhung", "Yến", "Thảo", "Hằng", "Ngân"];
        string[] ratings = ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ"];
        string[] violations = ["Vi phạm quy định về đạo đức nhà giáo", "Vi phạm quy chế chuyên môn", "Vi phạm quy định về dạy thêm, học thêm"];
        var random = new Random(36_000);
        var rows = new Rows();
        var number = 0;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var posts = new int[schools.Length];

        Guid Decide(Person p, DecisionKind kind, DateOnly effective, string suffix, string summary, bool ward, DateOnly? signedOn = null)
        {
            var decision = new DecisionRow(Guid.CreateVersion7(), schools[p.School], p.Id, $"{++number}/{suffix}", kind, summary,
                ward ? "Chủ tịch Ủy ban nhân dân phường" : "Hiệu trưởng", ward ? $"Ủy ban nhân dân Phường {wardOf[p.School]}" : $"Trường Tiểu học số {p.School + 1}",
                signedOn ?? Min(effective.AddDays(-random.Next(0, 21)), today), effective);
            rows.Decisions.Add(decision);
            return decision.Id;
        }

        for (var i = 0; i < staffCount; i++)
        {
            var grade = random.Next(10) switch
            {
                < 6 => grades["A1"],
                < 8 => grades["A2.2"],
                8 => grades["B.nhanvien"],
                _ => random.Next(2) == 0 ? grades["B.vanthu"] : grades["B.thuvien"],
            };
            var steps = History(grade);
            var nearRetirement = i % 333 == 7;
            var gender = nearRetirement ? Gender.Male : random.Next(4) == 0 ? Gender.Male : Gender.Female;
            var born = nearRetirement
                ? new DateOnly(random.Next(1964, 1967), random.Next(1, 13), random.Next(1, 29))
                : steps[0].From.AddYears(-random.Next(22, 41)) is var b ? new DateOnly(Math.Clamp(b.Year, 1968, 2002), b.Month, b.Day) : default;
            // About 1 in 12 has left (retired, resigned, transferred), 1 in 50 is a draft; the rest are in post (as Program.cs).
            var status = nearRetirement ? StaffStatus.Active
                : random.Next(100) switch { < 2 => StaffStatus.Draft, < 5 => StaffStatus.Retired, < 7 => StaffStatus.Resigned, < 9 => StaffStatus.TransferredOut, _ => StaffStatus.Active };
            var name = gender == Gender.Male
                ? $"{family[random.Next(family.Length)]} {middleMen[random.Next(middleMen.Length)]} {givenMen[random.Next(givenMen.Length)]}"
                : $"{family[random.Next(family.Length)]} {middleWomen[random.Next(middleWomen.Length)]} {givenWomen[random.Next(givenWomen.Length)]}";
            var person = new Person(Guid.CreateVersion7(), i % schools.Length, name, gender, born, status, grade, steps[0].From, nearRetirement);
            rows.Staff.Add(person);
            if (status != StaffStatus.Active) continue;

            foreach (var (from, step, percent, kind) in steps)
            {
                var (decisionKind, suffix, summary) = kind == RaiseKind.Placement
                    ? (DecisionKind.Recruitment, "QĐ-UBND", $"Tuyển dụng và xếp lương {grade.TitleName}")
                    : kind == RaiseKind.BeyondFrame
                        ? (DecisionKind.SalaryRaise, "QĐ-UBND", $"Hưởng phụ cấp thâm niên vượt khung {percent:0}%")
                        : (DecisionKind.SalaryRaise, "QĐ-UBND", $"Nâng bậc lương lên bậc {step}");
                rows.Salaries.Add(new SalaryRow(person.Id, from, Decide(person, decisionKind, from, suffix, summary, ward: true), grade, step, percent,
                    steps[0].From, kind));
            }
            for (var year = Math.Max(2021, person.Recruited.Year); year <= 2025; year++)
                rows.Ratings.Add(new RatingRow(person.Id, year,
                    random.Next(40) == 0 ? "Không hoàn thành nhiệm vụ" : ratings[random.Next(ratings.Length)],
                    random.Next(3) == 0 ? "Lao động tiên tiến" : null));
            if (random.Next(15) == 0)
            {
                var from = today.AddDays(-random.Next(0, 1096));
                var form = (DisciplineForm)random.Next(1, 4);
                rows.Disciplines.Add(new DisciplineRow(person.Id, from, from.AddMonths(12).AddDays(-1),
                    Decide(person, DecisionKind.Discipline, from, "QĐ-KL", $"Kỷ luật {person.FullName}", ward: true), form, violations[random.Next(violations.Length)]));
            }
            if (random.Next(20) == 0)
            {
                var from = today.AddDays(-random.Next(30, 1096));
                rows.Absences.Add(new AbsenceRow(person.Id, from, from.AddDays(random.Next(10, 91) - 1),
                    Decide(person, DecisionKind.Other, from, "QĐ-THTH", "Cho nghỉ việc riêng không hưởng lương", ward: false)));
            }
            if (random.Next(6) == 0)
            {
                var first = new DateOnly(2023, 1, 1);
                var on = first.AddDays(random.Next(Min(today, new DateOnly(2026, 12, 31)).DayNumber - first.DayNumber + 1));
                var form = random.Next(3) == 0 ? "Bằng khen của Chủ tịch UBND Thành phố" : "Giấy khen của Hiệu trưởng";
                rows.Awards.Add(new AwardRow(person.Id, on, Decide(person, DecisionKind.Award, on, "QĐ-KT", form, ward: form.StartsWith("Bằng", StringComparison.Ordinal)), form));
            }
            if (nearRetirement && RetirementDate.Of(born, men) is { } retiresOn && retiresOn > today && retiresOn <= today.AddMonths(6))
                Decide(person, DecisionKind.RetirementNotice, retiresOn, "TB-UBND", $"Thông báo nghỉ hưu từ {retiresOn.AddDays(1):dd/MM/yyyy}", ward: true,
                    signedOn: Min(retiresOn.AddMonths(-6), today));
            if (grade.Teaches && !nearRetirement && posts[person.School] < 2)
            {
                var post = posts[person.School]++ == 0 ? "Hiệu trưởng" : "Phó Hiệu trưởng";
                var from = Min(person.Recruited.AddYears(8), today);
                rows.Positions.Add(new PositionRow(person.Id, from, Decide(person, DecisionKind.Appointment, from, "QĐ-UBND", $"Bổ nhiệm {post}", ward: true), post));
            }
        }
        return rows;

        List<(DateOnly From, int Step, decimal? Percent, RaiseKind Kind)> History(Grade grade)
        {
            var steps = new List<(DateOnly From, int Step, decimal? Percent, RaiseKind Kind)>();
            if (random.Next(10) == 0)
            {
                var reached = Min(monthStart.AddMonths(-random.Next(0, 121)).AddDays(random.Next(28)), today);
                var first = reached.AddMonths(grade.Interval);
                var percents = new List<(DateOnly From, int Step, decimal? Percent, RaiseKind Kind)>();
                if (random.Next(5) != 0 && first <= today)
                {
                    percents.Add((first, grade.LastStep, 5, RaiseKind.BeyondFrame));
                    var years = ((today.Year - first.Year) * 12 + today.Month - first.Month - (today.Day < first.Day ? 1 : 0)) / 12;
                    if (years > 0) percents.Add((first.AddMonths(12 * years), grade.LastStep, 5 + years, RaiseKind.BeyondFrame));
                }
                var stepRows = Math.Max(random.Next(1, 4), 2 - percents.Count);
                for (var j = stepRows - 1; j >= 0; j--)
                    steps.Add((reached.AddMonths(-grade.Interval * j), grade.LastStep - j, null, j == stepRows - 1 ? RaiseKind.Placement : RaiseKind.Regular));
                steps.AddRange(percents);
                return steps;
            }
            var count = random.Next(2, Math.Min(6, grade.LastStep - 1) + 1);
            var final = random.Next(count, grade.LastStep);
            var lastFrom = Min(monthStart.AddMonths(-random.Next(0, grade.Interval + 2)).AddDays(random.Next(28)), today);
            var early = random.Next(33) == 0 ? 9 : 0;
            for (var j = count - 1; j >= 0; j--)
                steps.Add((j == 0 ? lastFrom : lastFrom.AddMonths(early - grade.Interval * j), final - j, null,
                    j == count - 1 ? RaiseKind.Placement : j == 0 && early > 0 ? RaiseKind.EarlyForAchievement : RaiseKind.Regular));
            return steps;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Accounts by one INSERT (as the deadline bench): the services read who they are, their unit, role and email.</summary>
    private static async Task InsertAccountsAsync(NpgsqlConnection connection, List<(string Id, string Email, string Name, Guid Unit, string Role)> accounts)
    {
        await using (var users = new NpgsqlCommand("""
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
                "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "FullName", "UnitId",
                "MustChangePassword", "IsDisabled")
            SELECT id, email, upper(email), email, upper(email), true, gen_random_uuid()::text, gen_random_uuid()::text, false, false, true, 0,
                   name, unit, false, false
            FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS a(id, email, name, unit)
            """, connection))
        {
            users.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Id).ToArray() });
            users.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Email).ToArray() });
            users.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Name).ToArray() });
            users.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Unit).ToArray() });
            await users.ExecuteNonQueryAsync();
        }
        await using var roles = new NpgsqlCommand("""
            INSERT INTO "AspNetUserRoles" ("UserId", "RoleId")
            SELECT a.id, r."Id" FROM unnest($1::text[], $2::text[]) AS a(id, role) JOIN "AspNetRoles" r ON r."NormalizedName" = upper(a.role)
            """, connection);
        roles.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Id).ToArray() });
        roles.Parameters.Add(new NpgsqlParameter { Value = accounts.Select(a => a.Role).ToArray() });
        await roles.ExecuteNonQueryAsync();
    }

    private static ulong CopyStaff(NpgsqlConnection connection, List<Person> staff, Guid[] schools)
    {
        using var copy = connection.BeginBinaryImport(
            """COPY staff_members ("Id", "UnitId", "FullName", "DateOfBirth", "Gender", "CitizenId", "ProfessionalTitle", "RecruitmentDecisionNumber", "RecruitmentDecisionDate", "Status", "TitleCode", "HighestQualificationCode", "StaffCode", "CompletenessPercent", "Teaches", "InsuredTeachingSince") FROM STDIN (FORMAT BINARY)""");
        for (var i = 0; i < staff.Count; i++)
        {
            var p = staff[i];
            copy.StartRow();
            copy.Write(p.Id, NpgsqlDbType.Uuid);
            copy.Write(schools[p.School], NpgsqlDbType.Uuid);
            copy.Write(p.FullName, NpgsqlDbType.Varchar);
            copy.Write(p.Born, NpgsqlDbType.Date);
            copy.Write((int)p.Gender, NpgsqlDbType.Integer);
            copy.Write($"079{p.Born.Year % 100:00}{i:0000000}"[..12], NpgsqlDbType.Char);
            copy.Write(p.Grade.TitleName, NpgsqlDbType.Varchar);
            copy.Write($"{i + 1}/QĐ-UBND", NpgsqlDbType.Varchar);
            copy.Write(p.Recruited, NpgsqlDbType.Date);
            copy.Write((int)p.Status, NpgsqlDbType.Integer);
            copy.Write(p.Grade.TitleCode, NpgsqlDbType.Varchar);
            copy.Write(p.Grade.Teaches ? "DH" : "TC", NpgsqlDbType.Varchar);
            copy.Write($"HS-{i:0000000}", NpgsqlDbType.Varchar);
            copy.Write(80, NpgsqlDbType.Integer);
            copy.Write(p.Grade.Teaches, NpgsqlDbType.Boolean);
            if (p.Grade.Teaches) copy.Write(p.Recruited, NpgsqlDbType.Date);
            else copy.WriteNull();
        }
        return copy.Complete();
    }

    private static ulong CopyDecisions(NpgsqlConnection connection, List<DecisionRow> decisions)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        using var copy = connection.BeginBinaryImport(
            """COPY decisions ("Id", "UnitId", "StaffMemberId", "Number", "Kind", "Summary", "Signer", "IssuingBody", "SignedOn", "EffectiveOn", "RecordedAt") FROM STDIN (FORMAT BINARY)""");
        foreach (var d in decisions)
        {
            copy.StartRow();
            copy.Write(d.Id, NpgsqlDbType.Uuid);
            copy.Write(d.UnitId, NpgsqlDbType.Uuid);
            copy.Write(d.StaffId, NpgsqlDbType.Uuid);
            copy.Write(d.Number, NpgsqlDbType.Varchar);
            copy.Write((int)d.Kind, NpgsqlDbType.Integer);
            copy.Write(d.Summary, NpgsqlDbType.Text);
            copy.Write(d.Signer, NpgsqlDbType.Varchar);
            copy.Write(d.IssuingBody, NpgsqlDbType.Varchar);
            copy.Write(d.SignedOn, NpgsqlDbType.Date);
            copy.Write(d.EffectiveOn, NpgsqlDbType.Date);
            copy.Write(recordedAt, NpgsqlDbType.TimestampTz);
        }
        return copy.Complete();
    }

    /// <summary>The columns every history table shares (RecordRow), for the current version of a row never corrected.</summary>
    private const string RecordColumns = "\"Id\", \"StaffMemberId\", \"LineageId\", \"ValidFrom\", \"ValidTo\", \"DecisionId\", \"RecordedAt\", \"RecordedBy\", \"Withdrawn\"";

    private static void WriteRecord(NpgsqlBinaryImporter copy, Guid staffId, DateOnly? from, DateOnly? to, Guid? decisionId, DateTimeOffset recordedAt)
    {
        var id = Guid.CreateVersion7();
        copy.StartRow();
        copy.Write(id, NpgsqlDbType.Uuid);
        copy.Write(staffId, NpgsqlDbType.Uuid);
        copy.Write(id, NpgsqlDbType.Uuid);
        if (from is { } f) copy.Write(f, NpgsqlDbType.Date);
        else copy.WriteNull();
        if (to is { } t) copy.Write(t, NpgsqlDbType.Date);
        else copy.WriteNull();
        if (decisionId is { } d) copy.Write(d, NpgsqlDbType.Uuid);
        else copy.WriteNull();
        copy.Write(recordedAt, NpgsqlDbType.TimestampTz);
        copy.Write(RecordedBy, NpgsqlDbType.Varchar);
        copy.Write(false, NpgsqlDbType.Boolean);
    }

    private static ulong CopySalaries(NpgsqlConnection connection, List<SalaryRow> salaries)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        using var copy = connection.BeginBinaryImport(
            $"""COPY salary_records ({RecordColumns}, "TitleCode", "TitleName", "SalaryGroup", "Step", "Coefficient", "PercentReceived", "SeniorityBeyondFramePercent", "TitleAppointedOn", "Kind") FROM STDIN (FORMAT BINARY)""");
        foreach (var r in salaries)
        {
            WriteRecord(copy, r.StaffId, r.From, null, r.DecisionId, recordedAt);
            copy.Write(r.Grade.TitleCode, NpgsqlDbType.Varchar);
            copy.Write(r.Grade.TitleName, NpgsqlDbType.Text);
            copy.Write(r.Grade.Group, NpgsqlDbType.Varchar);
            copy.Write(r.Step, NpgsqlDbType.Integer);
            copy.Write(r.Grade.Coefficients[r.Step - 1], NpgsqlDbType.Numeric);
            copy.Write(100m, NpgsqlDbType.Numeric);
            if (r.Percent is { } percent) copy.Write(percent, NpgsqlDbType.Numeric);
            else copy.WriteNull();
            copy.Write(r.TitleAppointedOn, NpgsqlDbType.Date);
            copy.Write((int)r.Kind, NpgsqlDbType.Integer);
        }
        return copy.Complete();
    }

    private static ulong CopyRatings(NpgsqlConnection connection, List<RatingRow> ratings)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        using var copy = connection.BeginBinaryImport(
            $"""COPY rating_records ({RecordColumns}, "Year", "ProfessionalRating", "EmulationRating") FROM STDIN (FORMAT BINARY)""");
        foreach (var r in ratings)
        {
            WriteRecord(copy, r.StaffId, new DateOnly(r.Year, 1, 1), new DateOnly(r.Year, 12, 31), null, recordedAt);
            copy.Write(r.Year, NpgsqlDbType.Integer);
            copy.Write(r.Rating, NpgsqlDbType.Text);
            if (r.Emulation is { } e) copy.Write(e, NpgsqlDbType.Text);
            else copy.WriteNull();
        }
        return copy.Complete();
    }

    private static ulong CopyDisciplines(NpgsqlConnection connection, List<DisciplineRow> disciplines)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        using var copy = connection.BeginBinaryImport(
            $"""COPY discipline_records ({RecordColumns}, "Form", "Party", "Violation", "DecidingBody") FROM STDIN (FORMAT BINARY)""");
        foreach (var r in disciplines)
        {
            WriteRecord(copy, r.StaffId, r.From, r.To, r.DecisionId, recordedAt);
            copy.Write((int)r.Form, NpgsqlDbType.Integer);
            copy.Write(false, NpgsqlDbType.Boolean);
            copy.Write(r.Violation, NpgsqlDbType.Text);
            copy.Write("Ủy ban nhân dân phường", NpgsqlDbType.Text);
        }
        return copy.Complete();
    }

    private static ulong CopyAbsences(NpgsqlConnection connection, List<AbsenceRow> absences)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        using var copy = connection.BeginBinaryImport($"""COPY absence_records ({RecordColumns}, "Kind", "Note") FROM STDIN (FORMAT BINARY)""");
        foreach (var r in absences)
        {
            WriteRecord(copy, r.StaffId, r.From, r.To, r.DecisionId, recordedAt);
            copy.Write((int)AbsenceKind.UnpaidLeave, NpgsqlDbType.Integer);
            copy.Write("Nghỉ việc riêng", NpgsqlDbType.Varchar);
        }
        return copy.Complete();
    }

    private static ulong CopyAwards(NpgsqlConnection connection, List<AwardRow> awards)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        using var copy = connection.BeginBinaryImport($"""COPY award_records ({RecordColumns}, "Form", "Reason", "DecidingBody") FROM STDIN (FORMAT BINARY)""");
        foreach (var r in awards)
        {
            WriteRecord(copy, r.StaffId, r.On, null, r.DecisionId, recordedAt);
            copy.Write(r.Form, NpgsqlDbType.Text);
            copy.Write("Đã có thành tích xuất sắc trong năm học", NpgsqlDbType.Text);
            copy.Write(r.Form.StartsWith("Bằng", StringComparison.Ordinal) ? "Chủ tịch UBND Thành phố" : "Hiệu trưởng", NpgsqlDbType.Text);
        }
        return copy.Complete();
    }

    private static ulong CopyPositions(NpgsqlConnection connection, List<PositionRow> positions)
    {
        var recordedAt = DateTimeOffset.UtcNow;
        using var copy = connection.BeginBinaryImport($"""COPY position_records ({RecordColumns}, "Position", "Concurrent", "AllowanceCoefficient") FROM STDIN (FORMAT BINARY)""");
        foreach (var r in positions)
        {
            WriteRecord(copy, r.StaffId, r.From, null, r.DecisionId, recordedAt);
            copy.Write(r.Position, NpgsqlDbType.Text);
            copy.Write(false, NpgsqlDbType.Boolean);
            copy.WriteNull();
        }
        return copy.Complete();
    }

    /// <summary>Rows per table as PostgreSQL counts them, and what the histories hold.</summary>
    private static async Task PrintCountsAsync(NpgsqlConnection connection, Rows rows)
    {
        string[] tables = ["org_units", "AspNetUsers", "staff_members", "decisions", "salary_records", "rating_records", "discipline_records",
            "absence_records", "award_records", "position_records", "salary_scale_steps", "legal_parameters", "early_raise_levels", "mail_templates"];
        var counts = new List<string>();
        foreach (var table in tables) counts.Add($"{table} {await ScalarAsync(connection, $"SELECT count(*) FROM \"{table}\""):N0}");
        Console.WriteLine("  rows per table: " + string.Join(", ", counts));
        var active = rows.Staff.Count(p => p.Status == StaffStatus.Active);
        var lastStep = rows.Salaries.GroupBy(r => r.StaffId).Count(g => g.MaxBy(r => r.From)!.Step == g.First().Grade.LastStep);
        Console.WriteLine($"  active staff {active:N0} ({rows.Staff.Count - active:N0} not active); at the last step {lastStep:N0}; " +
            $"PCTNVK rows {rows.Salaries.Count(r => r.Percent is not null):N0}; raised early into the current step {rows.Salaries.Count(r => r.Kind == RaiseKind.EarlyForAchievement):N0}; " +
            $"'Không hoàn thành nhiệm vụ' {rows.Ratings.Count(r => r.Rating.StartsWith("Không", StringComparison.Ordinal)):N0}; " +
            $"men born 1964–1966 {rows.Staff.Count(p => p.NearRetirement):N0}, with a notice {rows.Decisions.Count(d => d.Kind == DecisionKind.RetirementNotice):N0}");
    }

    /// <summary>ListAsync for one school's principal: one scope for all runs, as one circuit serves a user (the user is loaded once).</summary>
    private static async Task<(EligibilityList List, double Median)> SchoolListAsync(IServiceProvider provider, string connectionString, City city,
        EligibilityQuery query)
    {
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FixedUser>().Principal = city.FirstPrincipal;
        var service = scope.ServiceProvider.GetRequiredService<EligibilityService>();
        var list = await MeasureAsync(() => service.ListAsync(query), warmUps: 3, runs: 21);
        Console.WriteLine();
        Console.WriteLine($"eligibility list, {query.From:MM/yyyy} — {LoadAverage()}");
        Console.WriteLine($"{"",-52} {"median ms",9} {"p95 ms",7} {"runs",5} {"people",7} {"rows",6}");
        Console.WriteLine($"{"  one school's principal (ListAsync)",-52} {list.Median,9:F1} {list.P95,7:F1} {21,5} {await ActiveAsync(provider, city.Schools[0]),7:N0} {list.Result.Rows.Count,6:N0}");
        PrintKinds("    ", list.Result.Rows);
        var log = await WatchAsync("one run watched", () => service.ListAsync(query));
        await ExplainAsync(connectionString, log, city.SchoolPaths[0]);
        return (list.Result, list.Median);
    }

    private static async Task<int> ActiveAsync(IServiceProvider provider, Guid schoolId)
    {
        await using var scope = provider.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Staff.CountAsync(s => s.UnitId == schoolId && s.Status == StaffStatus.Active);
    }

    private static void PrintKinds(string indent, IReadOnlyList<EligibilityRow> rows) =>
        Console.WriteLine(indent + "rows by kind: " + string.Join(", ", rows.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count():N0}")) + $"; overdue {rows.Count(r => r.Overdue):N0}; needing review {rows.Count(r => r.NeedsReview.Count > 0):N0}");

    /// <summary>
    /// ListAsync for the Admin at the root, then its two halves on their own: loading the facts (LawAsync + UnitsAsync +
    /// LoadAsync, the same scope query the service builds) and the pure engine over the loaded facts; the managed memory of
    /// one whole run; and one load watched command by command (Npgsql's tracing), to see where the load's time goes.
    /// </summary>
    private static async Task<(EligibilityList List, double Median, SalaryLaw Law, IReadOnlyList<StaffSalaryCase> People)> CityListAsync(IServiceProvider provider,
        string connectionString, ServerCpu server, City city, EligibilityQuery query, DateOnly today)
    {
        const int warmUps = 1, runs = 5;
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<FixedUser>().Principal = city.Admin;
        var service = scope.ServiceProvider.GetRequiredService<EligibilityService>();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var options = scope.ServiceProvider.GetRequiredService<SalaryOptions>();

        var list = await MeasureAsync(() => service.ListAsync(query), warmUps, runs);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var gen2 = GC.CollectionCount(2);
        var (appCpu, serverCpu) = (Process.GetCurrentProcess().TotalProcessorTime, server.Used());
        var one = Stopwatch.StartNew();
        await service.ListAsync(query);
        var oneMs = one.Elapsed.TotalMilliseconds;
        (appCpu, serverCpu) = (Process.GetCurrentProcess().TotalProcessorTime - appCpu, server.Used() - serverCpu);
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        gen2 = GC.CollectionCount(2) - gen2;

        async Task<(SalaryLaw Law, IReadOnlyList<StaffSalaryCase> People)> LoadAsync()
        {
            await using var db = await contexts.CreateDbContextAsync();
            var unitIds = city.AdminScope.UnitIds(db);
            var staff = db.Staff.Where(s => unitIds.Contains(s.UnitId) && s.Status == StaffStatus.Active);
            var law = await SalaryFactsLoader.LawAsync(db, CancellationToken.None);
            var units = await SalaryFactsLoader.UnitsAsync(db, unitIds, CancellationToken.None);
            return (law, await SalaryFactsLoader.LoadAsync(db, staff, units, today, CancellationToken.None));
        }
        var load = await MeasureAsync(LoadAsync, warmUps, runs);
        var (law, people) = load.Result;
        var engine = await MeasureAsync(() => Task.FromResult(EligibilityService.Evaluate(people, law, today, query, options)), warmUps, runs);
        var rest = list.Median - load.Median - engine.Median;
        var loadAllocated = await AllocatedAsync(LoadAsync);
        var engineAllocated = await AllocatedAsync(() => Task.FromResult(EligibilityService.Evaluate(people, law, today, query, options)));

        Console.WriteLine($"{"  whole city, Admin at the root (ListAsync)",-52} {list.Median,9:F0} {list.P95,7:F0} {runs,5} {people.Count,7:N0} {list.Result.Rows.Count,6:N0}");
        Console.WriteLine($"{"    load: LawAsync + UnitsAsync + LoadAsync",-52} {load.Median,9:F0} {load.P95,7:F0} {runs,5} {people.Count,7:N0}");
        Console.WriteLine($"{"    engine: EligibilityService.Evaluate (pure)",-52} {engine.Median,9:F0} {engine.P95,7:F0} {runs,5} {people.Count,7:N0} {engine.Result.Count,6:N0}");
        Console.WriteLine($"{"    the rest: quotas, audit row, GC, noise",-52} {rest,9:F0}");
        Console.WriteLine($"    engine throughput: {people.Count / (engine.Median / 1000):N0} people/s on one thread; " +
            $"load {people.Count / (load.Median / 1000):N0} people/s");
        Console.WriteLine($"    one whole-city ListAsync: {oneMs:N0} ms, {allocated / 1048576.0:N0} MB managed memory allocated, {gen2} gen-2 collections " +
            $"(one load alone {loadAllocated / 1048576.0:N0} MB, one Evaluate alone {engineAllocated / 1048576.0:N0} MB); " +
            $"CPU used: the app {appCpu.TotalMilliseconds:N0} ms (all its threads, GC included), PostgreSQL {serverCpu.TotalMilliseconds:N0} ms");
        PrintKinds("    ", list.Result.Rows);
        // Review lines by their wording, numbers, dates and lists of years blanked: which rules send rows to a person.
        foreach (var review in list.Result.Rows.SelectMany(r => r.NeedsReview).GroupBy(text => Regex.Replace(text, @"\d[\d/.]*(, \d[\d/.]*)*", "…").Replace("các năm", "năm"))
                     .OrderByDescending(g => g.Count()).Take(4))
            Console.WriteLine($"      {review.Count(),6:N0} × {(review.Key.Length > 110 ? review.Key[..109] + "…" : review.Key)}");

        var log = await WatchAsync($"one run watched (outside any command: grouping into facts, then the engine, ~{engine.Median:N0} ms above)",
            () => service.ListAsync(query));
        await ExplainAsync(connectionString, log, city.RootPath);
        await FoldingAsync(contexts, people);
        return (list.Result, list.Median, law, people);
    }

    private static async Task<long> AllocatedAsync<T>(Func<Task<T>> run)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        await run();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }

    /// <summary>
    /// One run with Npgsql's tracing on: each kind of SELECT from sent to last row read (EF materialising its rows
    /// included), the writes and locks together (e.g. the audit row's chain head, insert and savepoints), and the time
    /// outside any command.
    /// </summary>
    private static async Task<List<(string Sql, double Ms)>> WatchAsync<T>(string name, Func<Task<T>> run)
    {
        using var commands = new CommandLog();
        commands.Start();
        var watch = Stopwatch.StartNew();
        await run();
        var ms = watch.Elapsed.TotalMilliseconds;
        var log = commands.Stop();
        Console.WriteLine($"    {name}: {ms:N0} ms");
        var selects = log.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal) && !c.Sql.Contains("FOR UPDATE", StringComparison.Ordinal)).ToList();
        foreach (var kind in selects.GroupBy(c => Label(c.Sql)))
            Console.WriteLine($"      {kind.Key,-64} {kind.Sum(c => c.Ms),8:N1} ms" + (kind.Count() > 1 ? $" ({kind.Count()} commands)" : ""));
        var others = log.Except(selects).ToList();
        var tables = string.Join(", ", others.SelectMany(c => Regex.Matches(c.Sql, @"\b(?:INSERT INTO|UPDATE)\s+(\w+)").Select(m => m.Groups[1].Value)).Distinct());
        Console.WriteLine($"      {$"writes and locks ({others.Count} commands: {tables})",-64} {others.Sum(c => c.Ms),8:N1} ms");
        Console.WriteLine($"      {"outside any command",-64} {ms - log.Sum(c => c.Ms),8:N1} ms");
        return log;
    }

    /// <summary>The slowest loader query's plan, the scope's path prefix written in.</summary>
    private static Task ExplainAsync(string connectionString, List<(string Sql, double Ms)> log, string path) =>
        ExplainAsync(connectionString, log, new() { ["@UnitPath_startswith"] = $"'{path}%'" }, "");

    /// <summary>
    /// EXPLAIN (ANALYZE, BUFFERS) of the slowest SELECT of a watched run whose parameters are all in
    /// <paramref name="literals"/>, written in as literals: its plan nodes and times.
    /// </summary>
    private static async Task ExplainAsync(string connectionString, List<(string Sql, double Ms)> log, Dictionary<string, string> literals, string indent)
    {
        var slowest = log.Where(c => Regex.Matches(c.Sql, @"@\w+").Select(m => m.Value).Distinct() is var names && names.Any() && names.All(literals.ContainsKey))
            .MaxBy(c => c.Ms);
        if (slowest.Sql is null)
        {
            Console.WriteLine($"{indent}    plan: no SELECT whose parameters are only {string.Join(", ", literals.Keys)}; parameters seen: " +
                string.Join(", ", log.SelectMany(c => Regex.Matches(c.Sql, @"@\w+").Select(m => m.Value)).Distinct()));
            return;
        }
        Console.WriteLine($"{indent}    plan of the slowest, {Label(slowest.Sql)}:");
        var sql = literals.Aggregate(slowest.Sql, (text, p) => Regex.Replace(text, Regex.Escape(p.Key) + @"\b", p.Value));
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
        await using var plan = await command.ExecuteReaderAsync();
        while (await plan.ReadAsync())
            if (plan.GetString(0) is var line && (line.Contains("->", StringComparison.Ordinal) || line.Contains("Time:", StringComparison.Ordinal) || !line.StartsWith(' ')))
                Console.WriteLine($"{indent}      " + (line.Length > 150 ? line[..149] + "…" : line));
    }

    /// <summary>
    /// The diacritic folding the load does in memory for every rating row (SalaryFactsLoader.IsNotCompleted) and every
    /// award against every early-raise level (AchievementPolicy.Match), timed alone over the loaded facts.
    /// </summary>
    private static async Task FoldingAsync(IDbContextFactory<PortalDbContext> contexts, IReadOnlyList<StaffSalaryCase> people)
    {
        List<AchievementLevel> levels;
        await using (var db = await contexts.CreateDbContextAsync())
            levels = (await db.EarlyRaiseLevels.AsNoTracking().Where(l => l.UnitId == null).ToListAsync()).Select(l => new AchievementLevel(l.FormPrefix, l.MonthsEarly, l.Rank)).ToList();
        var ratings = people.SelectMany(p => p.Facts.Ratings).Select(r => r.Rating).ToList();
        var awards = people.SelectMany(p => p.Facts.Achievements).Select(a => a.Form).ToList();
        var watch = Stopwatch.StartNew();
        var notCompleted = ratings.Count(SalaryFactsLoader.IsNotCompleted);
        var ratingMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var matched = awards.Count(a => AchievementPolicy.Match(a, levels) is not null);
        Console.WriteLine($"    in the load's grouping: SalaryFactsLoader.IsNotCompleted over {ratings.Count:N0} ratings {ratingMs:N0} ms ({notCompleted:N0} not completed); " +
            $"AchievementPolicy.Match over {awards.Count:N0} awards × {levels.Count} levels {watch.Elapsed.TotalMilliseconds:N0} ms ({matched:N0} matched)");
    }

    /// <summary>The table a loader query reads first and what it joins, e.g. "salary_records ⋈ decisions".</summary>
    private static string Label(string sql)
    {
        var from = Regex.Match(sql, @"\bFROM\s+""?(\w+)""?");
        var joins = Regex.Matches(sql, @"\bJOIN\s+""?(\w+)""?").Select(m => m.Groups[1].Value).Where(t => t != from.Groups[1].Value).Distinct();
        var name = from.Success ? from.Groups[1].Value : sql.Split('\n')[0];
        var label = string.Join(" ", [name, .. joins.Select(j => "⋈ " + j)]) + (sql.Contains("count(*)", StringComparison.Ordinal) ? " (count per unit)" : "");
        return label.Length > 64 ? label[..63] + "…" : label;
    }

    /// <summary>
    /// The plain regular raise in one query, for each active person in the scope: the latest current salary row, its due
    /// date = ValidFrom + the scale's interval (months added as .NET's AddMonths does: 31/01 + 1 month = 28/02 or 29/02),
    /// due by the period's end, not at the last step. No extensions, no non-counted days, no review.
    /// </summary>
    private const string HandSql = """
        WITH latest AS (
            SELECT DISTINCT ON (r."StaffMemberId") r."StaffMemberId", r."ValidFrom", r."SalaryGroup", r."Step"
            FROM staff_members s
            JOIN salary_records r ON r."StaffMemberId" = s."Id"
            WHERE s."UnitId" IN (SELECT u."Id" FROM org_units u WHERE u."Path" LIKE $1 || '%') AND s."Status" = 2
              AND r."SupersededAt" IS NULL AND NOT r."Withdrawn" AND r."SalaryGroup" IS NOT NULL AND r."ValidFrom" <= $2
            ORDER BY r."StaffMemberId", r."ValidFrom" DESC
        )
        SELECT l."StaffMemberId", (l."ValidFrom" + make_interval(months => g."RaiseIntervalMonths"))::date
        FROM latest l
        JOIN salary_scale_steps g ON g."Group" = l."SalaryGroup" AND g."Step" = l."Step"
             AND g."InForceFrom" <= $2 AND (g."InForceUntil" IS NULL OR g."InForceUntil" >= $2)
        WHERE l."ValidFrom" + make_interval(months => g."RaiseIntervalMonths") <= $3
          AND EXISTS (SELECT FROM salary_scale_steps n WHERE n."Group" = l."SalaryGroup" AND n."Step" > l."Step"
                      AND n."InForceFrom" <= $2 AND (n."InForceUntil" IS NULL OR n."InForceUntil" >= $2))
        """;

    private static async Task<Dictionary<Guid, DateOnly>> HandAsync(string connectionString, string path, DateOnly today, DateOnly end)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(HandSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = path, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = today, NpgsqlDbType = NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = end, NpgsqlDbType = NpgsqlDbType.Date });
        var due = new Dictionary<Guid, DateOnly>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) due[reader.GetGuid(0)] = reader.GetFieldValue<DateOnly>(1);
        return due;
    }

    /// <summary>
    /// The hand-written query timed as the portal was (same runs), its counts beside the engine's regular-raise rows, and
    /// where they differ, why: the engine's own answer for each person (extension months, non-counted days, review lines).
    /// </summary>
    private static async Task HandSqlAsync(string connectionString, City city, DateOnly today, SalaryPeriod period, (EligibilityList List, double Median) school,
        (EligibilityList List, double Median) whole, SalaryLaw law, IReadOnlyList<StaffSalaryCase> people)
    {
        var schoolHand = await MeasureAsync(() => HandAsync(connectionString, city.SchoolPaths[0], today, period.To), warmUps: 3, runs: 21);
        var cityHand = await MeasureAsync(() => HandAsync(connectionString, city.RootPath, today, period.To), warmUps: 1, runs: 5);
        Console.WriteLine();
        Console.WriteLine($"plain regular raise by hand-written SQL (latest row + interval ≤ {period.To:dd/MM/yyyy}, not at the last step) — {LoadAverage()}");
        Console.WriteLine($"{"",-14} {"hand SQL ms",11} {"p95 ms",7} {"runs",5} {"portal ms",9} {"portal/hand",11} {"SQL rows",8} {"engine regular rows",19} {"engine rows, all kinds",22}");
        Console.WriteLine($"{"  one school",-14} {schoolHand.Median,11:F1} {schoolHand.P95,7:F1} {21,5} {school.Median,9:F1} {school.Median / schoolHand.Median,11:F1} " +
            $"{schoolHand.Result.Count,8:N0} {school.List.Rows.Count(r => r.Kind == EligibilityKind.RegularRaise),19:N0} {school.List.Rows.Count,22:N0}");
        Console.WriteLine($"{"  whole city",-14} {cityHand.Median,11:F0} {cityHand.P95,7:F0} {5,5} {whole.Median,9:F0} {whole.Median / cityHand.Median,11:F1} " +
            $"{cityHand.Result.Count,8:N0} {whole.List.Rows.Count(r => r.Kind == EligibilityKind.RegularRaise),19:N0} {whole.List.Rows.Count,22:N0}");
        Diff("one school", school.List, schoolHand.Result);
        Diff("whole city", whole.List, cityHand.Result);

        void Diff(string name, EligibilityList list, Dictionary<Guid, DateOnly> hand)
        {
            var facts = people.ToDictionary(p => p.Facts.StaffId, p => p.Facts);
            var engine = list.Rows.Where(r => r.Kind == EligibilityKind.RegularRaise).ToDictionary(r => r.StaffId, r => r.DueOn);
            var both = engine.Keys.Where(hand.ContainsKey).ToList();
            var engineOnly = engine.Keys.Where(id => !hand.ContainsKey(id)).ToList();
            var handOnly = hand.Keys.Where(id => !engine.ContainsKey(id)).ToList();
            RegularRaise Regular(Guid id) => RaiseEngine.Regular(facts[id], law, Eligibility.JudgedOn(facts[id], today));
            var engineRows = engine.Keys.Select(Regular).ToList();
            Console.WriteLine($"  {name}: engine {engine.Count:N0} regular-raise rows, plain SQL {hand.Count:N0}; in both {both.Count:N0} " +
                $"(same due date {both.Count(id => engine[id] == hand[id]):N0}); engine only {engineOnly.Count:N0}; plain SQL only {handOnly.Count:N0}");
            Console.WriteLine($"    engine's rows: ExtensionMonths>0 {engineRows.Count(r => r.ExtensionMonths > 0):N0}, NonCountedDays>0 {engineRows.Count(r => r.NonCountedDays > 0):N0}, " +
                $"needing review {engineRows.Count(r => r.NeedsReview.Count > 0):N0}");
            var pushed = handOnly.Select(Regular).ToList();
            Console.WriteLine($"    plain SQL only, the engine's reason: extension {pushed.Count(r => r.ExtensionMonths > 0 && r.NonCountedDays == 0):N0}, " +
                $"non-counted days {pushed.Count(r => r.NonCountedDays > 0 && r.ExtensionMonths == 0):N0}, both {pushed.Count(r => r.ExtensionMonths > 0 && r.NonCountedDays > 0):N0}, " +
                $"other {pushed.Count(r => r.ExtensionMonths == 0 && r.NonCountedDays == 0):N0}");
            foreach (var id in engineOnly.Concat(both.Where(id => engine[id] != hand[id])).Take(3))
                Console.WriteLine($"    a due date that differs, e.g. {facts[id].FullName}: engine {engine[id]:dd/MM/yyyy}, plain SQL {(hand.TryGetValue(id, out var h) ? h.ToString("dd/MM/yyyy") : "—")}");
        }
    }

    /// <summary>
    /// The monthly letters to every principal: a first run that queues them (timed once: a rerun would queue nothing) and
    /// a second that finds them queued.
    /// </summary>
    private static async Task MonthlyJobAsync(IServiceProvider provider, string connectionString, ServerCpu server, City city, DateOnly today)
    {
        async Task<(double Ms, int Queued, long Allocated, TimeSpan App, TimeSpan Server)> RunAsync()
        {
            await using var scope = provider.CreateAsyncScope();
            var job = scope.ServiceProvider.GetRequiredService<SalaryMonthlyJob>();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var (app, db) = (Process.GetCurrentProcess().TotalProcessorTime, server.Used());
            var watch = Stopwatch.StartNew();
            var queued = await job.QueueAsync(today, CancellationToken.None);
            return (watch.Elapsed.TotalMilliseconds, queued, GC.GetTotalAllocatedBytes(precise: true) - allocated,
                Process.GetCurrentProcess().TotalProcessorTime - app, server.Used() - db);
        }
        Console.WriteLine();
        Console.WriteLine($"monthly letters (SalaryMonthlyJob.QueueAsync, today {today:dd/MM/yyyy}) — {LoadAverage()}");
        var first = await RunAsync();
        var second = await RunAsync();
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("""
            SELECT count(*), coalesce(avg(length("Body")), 0)::int, coalesce(max(length("Body")), 0) FROM outbox_messages WHERE "DeduplicationKey" LIKE 'salary-monthly:%'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"  first run:  {first.Ms,7:N0} ms, {first.Queued,4} letters queued, {first.Allocated / 1048576.0:N0} MB managed memory allocated; " +
            $"CPU used: the app {first.App.TotalMilliseconds:N0} ms, PostgreSQL {first.Server.TotalMilliseconds:N0} ms");
        Console.WriteLine($"  second run: {second.Ms,7:N0} ms, {second.Queued,4} letters queued");
        Console.WriteLine($"  outbox: {reader.GetInt64(0):N0} letters, {reader.GetInt32(1):N0} characters on average, longest {reader.GetInt32(2):N0}");
        await reader.DisposeAsync();

        // The letters deleted (the outbox has no append-only trigger) so that a third run does the first one's work again, watched.
        await ExecuteAsync(connection, """DELETE FROM outbox_messages WHERE "DeduplicationKey" LIKE 'salary-monthly:%'""");
        var log = await WatchAsync("the first run's work again, watched", () => RunAsync());
        var batch = string.Join(", ", city.Schools.Take(50).Select(id => $"'{id}'"));
        await ExplainAsync(connectionString, log, new() { ["@batch"] = $"ARRAY[{batch}]::uuid[]" }, "    ");
    }

    /// <summary>Median and 95th percentile of <paramref name="runs"/> timed runs after <paramref name="warmUps"/> untimed ones.</summary>
    private static async Task<(double Median, double P95, T Result)> MeasureAsync<T>(Func<Task<T>> run, int warmUps, int runs)
    {
        var result = default(T)!;
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

    /// <summary>Nearest-rank percentile of sorted values: of 21 runs, the median is the 11th and the 95th percentile the 20th; of 5, the 3rd and the 5th.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql) => await new NpgsqlCommand(sql, connection).ExecuteNonQueryAsync();

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql) => Convert.ToInt64(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync());

    /// <summary>Every command Npgsql runs while started, from its own tracing: the text and how long it was open (sent until its last row was read).</summary>
    private sealed class CommandLog : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly List<(string Sql, double Ms)> _commands = [];
        private volatile bool _recording;

        public CommandLog()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (_recording && activity.GetTagItem("db.query.text") is string sql)
                        lock (_commands) _commands.Add((sql, activity.Duration.TotalMilliseconds));
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public void Start() => _recording = true;

        public List<(string Sql, double Ms)> Stop()
        {
            _recording = false;
            lock (_commands) return [.. _commands];
        }

        public void Dispose() => _listener.Dispose();
    }

}
