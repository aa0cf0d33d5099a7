using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Decisions;
using Portal.Domain.Organisation;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Mail;
using Portal.Web.Features.Salary;
using Portal.Web.Shared;
using Step = Portal.Tests.Testing.SalaryRecords.Step;

namespace Portal.Tests.Integration;

/// <summary>
/// The eligibility list, the principal's bulk raise decision and the monthly letter, on a real PostgreSQL with the seeded
/// legal parameters and salary scale, and a real SMTP listener. The school clock says Sunday 29/11/2026.
/// </summary>
public sealed class SalaryTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly SmtpListener _smtp = new();
    private static readonly byte[] Pdf = "%PDF-1.4\n% quyết định nâng lương\n"u8.ToArray();
    private static readonly SalaryPeriod December = SalaryPeriod.Month(2026, 12);

    public ValueTask InitializeAsync() => new(_smtp.StartAsync());

    public ValueTask DisposeAsync() => _smtp.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record School(OrgUnit Unit, TestUser Principal, TestUser Officer);

    private static async Task<School> SchoolAsync(PortalHarness portal, string name)
    {
        var ward = await portal.CreateUnitAsync($"Phường của {name}", OrgUnitKind.Ward, null);
        var school = await portal.CreateUnitAsync(name, OrgUnitKind.School, ward);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Trịnh Thị Hạnh Dung", $"ht-{Guid.NewGuid():N}@test.portal");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Lục Thị Văn Thư", $"vt-{Guid.NewGuid():N}@test.portal");
        return new School(school, principal, officer);
    }

    /// <summary>A1 step 3 since 01/12/2023: 36 months → step 4 (3,33) due 01/12/2026.</summary>
    private static Task<Guid> DueInDecemberAsync(PortalHarness portal, Guid unit, string name) =>
        SalaryRecords.CreateAsync(portal, unit, name, new DateOnly(1990, 3, 8), Gender.Female, new Step(new DateOnly(2023, 12, 1), "V.07.03.29", "A1", 3, 3.00m));

    private static Task<EligibilityList> ListAsync(PortalHarness portal, TestUser user, SalaryPeriod period) =>
        portal.AsAsync<EligibilityList, EligibilityService>(user, s => s.ListAsync(new EligibilityQuery(period.From, period.To), Ct));

    private static DecisionParticulars Decision(string number = "45/QĐ-THĐN") =>
        new(number, DecisionKind.SalaryRaise, null, "Trịnh Thị Hạnh Dung", "Trường Tiểu học (thử nghiệm)", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 27));

    [Fact]
    public async Task The_principal_records_one_decision_for_two_people_and_each_gets_the_row_the_scan_and_a_met_deadline()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Đông Nam");
        var due = await DueInDecemberAsync(portal, school.Unit.Id, "Lương Thị Đến Hạn");
        // Group B, 24 months: step 5 since 01/10/2024 fell due on 01/10/2026 and nobody decided it.
        var overdue = await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Mạc Văn Quá Hạn", new DateOnly(1985, 7, 1), Gender.Male,
            new Step(new DateOnly(2024, 10, 1), "02.008", "B", 5, 2.66m));
        var notYet = await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Tôn Nữ Chưa Tới", new DateOnly(1995, 1, 1), Gender.Female,
            new Step(new DateOnly(2025, 9, 1), "V.07.03.29", "A1", 2, 2.67m));

        var list = await ListAsync(portal, school.Officer, December);
        var first = Assert.Single(list.Rows, r => r.StaffId == due);
        Assert.Equal((EligibilityKind.RegularRaise, new DateOnly(2026, 12, 1), 4, 3.33m, false), (first.Kind, first.DueOn, first.NextStep, first.NextCoefficient, first.Overdue));
        Assert.Contains(first.Reasons, r => r.Text.Contains("36 tháng") && r.LegalSource != null);
        var late = Assert.Single(list.Rows, r => r.StaffId == overdue);
        Assert.Equal((new DateOnly(2026, 10, 1), 6, 2.86m, true), (late.DueOn, late.NextStep, late.NextCoefficient, late.Overdue));
        Assert.DoesNotContain(list.Rows, r => r.StaffId == notYet);

        var saved = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(Decision(),
            [RaisePick.Of(first), RaisePick.Of(late)], new ScanFile("qd-45.pdf", Pdf), Ct));
        Assert.True(saved.Succeeded, saved.Error);

        await using (var db = portal.ReadContext())
        {
            var decisions = await db.Decisions.Where(d => d.Number == "45/QĐ-THĐN" && d.UnitId == school.Unit.Id).ToListAsync(Ct);
            Assert.Equal(2, decisions.Count);
            Assert.All(decisions, d => Assert.Equal(DecisionKind.SalaryRaise, d.Kind));
            var rows = await db.SalaryRecords.Where(r => (r.StaffMemberId == due || r.StaffMemberId == overdue) && r.DecisionId != null).ToListAsync(Ct);
            var raised = rows.Single(r => r.StaffMemberId == due);
            Assert.Equal((4, 3.33m, new DateOnly(2026, 12, 1), RaiseKind.Regular), (raised.Step, raised.Coefficient, raised.ValidFrom!.Value, raised.Kind!.Value));
            Assert.Equal(decisions.Single(d => d.StaffMemberId == due).Id, raised.DecisionId);
            var caughtUp = rows.Single(r => r.StaffMemberId == overdue);
            Assert.Equal((6, 2.86m, new DateOnly(2026, 10, 1)), (caughtUp.Step, caughtUp.Coefficient, caughtUp.ValidFrom!.Value));
            var ids = decisions.Select(d => (Guid?)d.Id).ToList();
            Assert.Equal(2, await db.Attachments.CountAsync(a => ids.Contains(a.DecisionId) && a.FileName.EndsWith(".pdf"), Ct));
            var obligations = await db.Obligations.Where(o => ids.Contains(o.DecisionId)).ToListAsync(Ct);
            Assert.NotEmpty(obligations);
            Assert.All(obligations, o => Assert.Equal(portal.Clock.Today, o.CompletedOn));
            // One save, one correlation: the summary line and every row it wrote.
            var summary = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(Decision) && a.Field == "SalaryRaise" && a.EntityKey == "45/QĐ-THĐN", Ct);
            Assert.Contains("Lương Thị Đến Hạn", summary.NewValue);
            Assert.Contains("Mạc Văn Quá Hạn", summary.NewValue);
            Assert.Equal(school.Principal.Email, summary.UserName);
            Assert.True(await db.AuditEntries.CountAsync(a => a.CorrelationId == summary.CorrelationId && a.Entity == nameof(SalaryRecord), Ct) >= 2);
        }

        Assert.DoesNotContain((await ListAsync(portal, school.Officer, December)).Rows, r => r.StaffId == due || r.StaffId == overdue);
        var again = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(Decision("46/QĐ-THĐN"),
            [RaisePick.Of(first)], null, Ct)); // a second tab still showing the list from before
        Assert.False(again.Succeeded);
        Assert.Contains("Lương Thị Đến Hạn", again.Error);
        await using var after = portal.ReadContext();
        Assert.False(await after.Decisions.AnyAsync(d => d.Number == "46/QĐ-THĐN", Ct));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_and_nothing_is_half_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Tây Bắc");
        var due = await DueInDecemberAsync(portal, school.Unit.Id, "Ông Thị Chờ Lương");
        var pick = new[] { new RaisePick(due, EligibilityKind.RegularRaise, new DateOnly(2026, 12, 1), 4, null) };

        var exe = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(Decision(), pick, new ScanFile("qd.pdf", "MZ\x90\0"u8.ToArray()), Ct));
        Assert.Contains("PDF", exe.FieldErrors["File"]);
        var backwards = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(
            Decision() with { EffectiveOn = new DateOnly(2026, 11, 1) }, pick, null, Ct));
        Assert.True(backwards.FieldErrors.ContainsKey(nameof(DecisionParticulars.EffectiveOn)));
        var future = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(
            Decision() with { SignedOn = new DateOnly(2026, 12, 5), EffectiveOn = new DateOnly(2026, 12, 5) }, pick, null, Ct));
        Assert.True(future.FieldErrors.ContainsKey(nameof(DecisionParticulars.SignedOn)));
        var retirement = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(Decision(),
            [new RaisePick(due, EligibilityKind.Retirement, new DateOnly(2026, 12, 1), null, null)], null, Ct));
        Assert.False(retirement.Succeeded);

        await using var db = portal.ReadContext();
        Assert.False(await db.Decisions.AnyAsync(d => d.StaffMemberId == due && d.Kind == DecisionKind.SalaryRaise, Ct));
        Assert.Equal(1, await db.SalaryRecords.CountAsync(r => r.StaffMemberId == due, Ct));
    }

    [Fact]
    public async Task Only_the_principal_decides_and_only_for_their_own_school()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Trung Tâm");
        var other = await SchoolAsync(portal, "Trường Tiểu học Láng Giềng");
        var due = await DueInDecemberAsync(portal, school.Unit.Id, "Khổng Thị Phạm Vi");
        var pick = new[] { new RaisePick(due, EligibilityKind.RegularRaise, new DateOnly(2026, 12, 1), 4, null) };

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, RaiseDecisionService>(school.Officer, s => s.RecordAsync(Decision(), pick, null, Ct)));
        Assert.DoesNotContain((await ListAsync(portal, other.Principal, December)).Rows, r => r.StaffId == due);
        var foreign = await portal.AsAsync<SaveResult, RaiseDecisionService>(other.Principal, s => s.RecordAsync(Decision(), pick, null, Ct));
        Assert.False(foreign.Succeeded);
        await using var db = portal.ReadContext();
        Assert.False(await db.Decisions.AnyAsync(d => d.StaffMemberId == due && d.Kind == DecisionKind.SalaryRaise, Ct));
        // Reading the list is itself logged: it shows salaries and the reasons behind them.
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "SalaryEligibility" && a.UserName == other.Principal.Email, Ct));
    }

    [Fact]
    public async Task Early_raises_beyond_the_school_quota_are_refused_with_the_figures()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Thi Đua");
        var ids = new List<Guid>();
        foreach (var name in new[] { "Doãn Thị Xuất Sắc", "Ninh Văn Tiên Tiến" })
        {
            // Due 01/06/2027, within 12 months of 31/12/2026, with a city's certificate of merit from 06/2026: a candidate.
            var id = await SalaryRecords.CreateAsync(portal, school.Unit.Id, name, new DateOnly(1988, 2, 2), Gender.Female,
                new Step(new DateOnly(2024, 6, 1), "V.07.03.29", "A1", 3, 3.00m));
            await SalaryRecords.AddAsync(portal, new AwardRecord(id, Guid.CreateVersion7(), new DateOnly(2026, 6, 15), null, portal.Clock.GetUtcNow(), "test",
                new AwardDetails("Bằng khen của Chủ tịch UBND Thành phố", "Hoàn thành xuất sắc nhiệm vụ", "UBND Thành phố")));
            ids.Add(id);
        }

        var list = await ListAsync(portal, school.Principal, SalaryPeriod.Year(2026));
        var picks = list.Rows.Where(r => r.Kind == EligibilityKind.EarlyForAchievement && ids.Contains(r.StaffId)).Select(RaisePick.Of).ToList();
        Assert.Equal(2, picks.Count);
        var quota = Assert.Single(list.Quotas);
        Assert.Equal((2, 0, 0, 2), (quota.Payroll, quota.Slots, quota.Used, quota.Remainder));

        var refused = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(Decision(), picks, null, Ct));
        Assert.False(refused.Succeeded);
        Assert.Contains("Trường Tiểu học Thi Đua", refused.Error);
        Assert.Contains("0 suất", refused.Error);
    }

    [Fact]
    public async Task The_principal_gets_one_letter_a_month_with_next_month_raises_retirements_and_the_quota()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await SchoolAsync(portal, "Trường Tiểu học Thư Tháng");
        await DueInDecemberAsync(portal, school.Unit.Id, "Âu Thị Tháng Mười Hai");
        // A man born 06/1965 retires at 61y6m, at the end of 12/2026.
        await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Bạch Văn Về Hưu", new DateOnly(1965, 6, 15), Gender.Male,
            new Step(new DateOnly(2025, 3, 1), "V.07.03.29", "A1", 9, 4.98m));

        Task<int> RunAsync() => portal.AsSystemAsync(sp => sp.GetRequiredService<SalaryMonthlyJob>().QueueAsync(portal.Clock.Today, Ct));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync()); // a second run the same month (another instance, a retry) sends nothing
        await using (var db = portal.ReadContext())
        {
            var letter = await db.Outbox.SingleAsync(m => m.To == school.Principal.Email && m.DeduplicationKey.StartsWith("salary-monthly:"), Ct);
            Assert.Contains("Tháng 12/2026", letter.Subject);
            Assert.Contains("Âu Thị Tháng Mười Hai: bậc 3 (3,00) lên bậc 4 (3,33) từ 01/12/2026", letter.Body);
            Assert.Contains("Bạch Văn Về Hưu: nghỉ hưu từ 01/01/2027", letter.Body);
            Assert.Contains("Nâng bậc lương trước thời hạn năm 2026", letter.Body); // November is in the fourth quarter
        }
        Assert.True(await portal.AsSystemAsync(sp => sp.GetRequiredService<OutboxDispatchJob>().RunAsync(Ct)) >= 1);
        Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(school.Principal.Email) && m.Subject!.Contains("Tháng 12/2026"));

        portal.Clock.Advance(TimeSpan.FromDays(3)); // Wed 02/12: December's letter, about January; the December raise still undecided
        Assert.Equal(1, await RunAsync());
        await using var after = portal.ReadContext();
        var january = await after.Outbox.Where(m => m.To == school.Principal.Email && m.DeduplicationKey.EndsWith(":2026-12")).SingleAsync(Ct);
        Assert.Contains("Tháng 01/2027", january.Subject);
        Assert.Contains("Đã đến hạn nhưng chưa có quyết định", january.Body);
        Assert.Contains("Âu Thị Tháng Mười Hai", january.Body);
    }

    [Fact]
    public async Task The_school_profile_and_the_post_give_the_principal_pay_with_each_allowance_and_its_formula()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Hạng Hai");
        // A2.2 step 4 (5,02), teaching with social insurance since 01/09/2010, principal of a class II primary school in a city.
        var id = await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Kha Thị Hiệu Trưởng", new DateOnly(1980, 4, 4), Gender.Female,
            new Step(new DateOnly(2024, 9, 1), "V.07.03.28", "A2.2", 4, 5.02m));
        await SalaryRecords.AddAsync(portal, new PositionRecord(id, Guid.CreateVersion7(), new DateOnly(2022, 8, 1), null, null, portal.Clock.GetUtcNow(), "test",
            new PositionDetails("Hiệu trưởng", null, false, 0.40m)));
        await portal.AsSystemAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<Portal.Infrastructure.Data.PortalDbContext>>().CreateDbContextAsync();
            var staff = await db.Staff.SingleAsync(s => s.Id == id);
            staff.Apply(staff.Employment with { Teaches = true, InsuredTeachingSince = new DateOnly(2010, 9, 1) });
            await db.SaveChangesAsync();
        });

        var before = await portal.AsAsync<SalaryOutlook?, EligibilityService>(school.Officer, s => s.OutlookAsync(id, Ct));
        Assert.DoesNotContain(before!.Pay!.Lines, l => l.Label.Contains("ưu đãi")); // no school profile yet: no teacher allowances

        var settings = (await portal.AsAsync<IReadOnlyList<SchoolSetting>, SalarySettingsService>(school.Principal, s => s.SchoolsAsync(Ct))).Single();
        var saved = await portal.AsAsync<SaveResult, SalarySettingsService>(school.Principal, s =>
            s.SaveProfileAsync(settings.Id, settings.Version, SchoolLevel.Primary, SchoolArea.Urban, 2, Ct));
        Assert.True(saved.Succeeded, saved.Error);
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, SalarySettingsService>(school.Officer, s =>
            s.SaveProfileAsync(settings.Id, settings.Version, SchoolLevel.Primary, SchoolArea.Mountain, 2, Ct)));

        var outlook = await portal.AsAsync<SalaryOutlook?, EligibilityService>(school.Officer, s => s.OutlookAsync(id, Ct));
        var pay = outlook!.Pay!;
        // Base 2.530.000 from 01/07/2026: 5,02 → 12.700.600; position 0,40 → 1.012.000; preferential 35% of (5,02 + 0,40);
        // teacher seniority after 16 full years: 5% + 11% = 16% of (5,02 + 0,40).
        Assert.Equal(12_700_600, pay.Lines.Single(l => l.Label.Contains("hệ số")).AmountVnd);
        Assert.Equal(1_012_000, pay.Lines.Single(l => l.Label.Contains("chức vụ")).AmountVnd);
        Assert.Equal(4_799_410, pay.Lines.Single(l => l.Label.Contains("ưu đãi")).AmountVnd);
        Assert.Equal(2_194_016, pay.Lines.Single(l => l.Label.Contains("thâm niên nhà giáo")).AmountVnd);
        Assert.Equal(pay.Lines.Sum(l => l.AmountVnd), pay.TotalVnd);
        Assert.Contains("35%", pay.Lines.Single(l => l.Label.Contains("ưu đãi")).Formula);
    }

    [Fact]
    public async Task A_school_regulation_of_its_own_changes_the_months_an_award_is_worth_and_needs_its_source()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Quy Chế");
        var other = await SchoolAsync(portal, "Trường Tiểu học Bên Cạnh");
        var id = await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Lạc Thị Giấy Khen", new DateOnly(1989, 9, 9), Gender.Female,
            new Step(new DateOnly(2024, 6, 1), "V.07.03.29", "A1", 3, 3.00m));
        await SalaryRecords.AddAsync(portal, new AwardRecord(id, Guid.CreateVersion7(), new DateOnly(2026, 5, 20), null, portal.Clock.GetUtcNow(), "test",
            new AwardDetails("Giấy khen của Hiệu trưởng", "Giáo viên dạy giỏi cấp trường", "Hiệu trưởng")));
        async Task<EligibilityRow> CandidateAsync() => (await ListAsync(portal, school.Principal, SalaryPeriod.Year(2026))).Rows
            .Single(r => r.StaffId == id && r.Kind == EligibilityKind.EarlyForAchievement);

        Assert.Equal(new DateOnly(2026, 12, 1), (await CandidateAsync()).DueOn); // the portal's default: a Giấy khen is worth 6 months

        LevelLine[] own = [new() { FormPrefix = "Giấy khen", MonthsEarly = 9, Rank = 1 }];
        var unsourced = await portal.AsAsync<SaveResult, SalarySettingsService>(school.Principal, s => s.SaveLevelsAsync(school.Unit.Id, own, null, "", Ct));
        Assert.True(unsourced.FieldErrors.ContainsKey("Source"));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, SalarySettingsService>(other.Principal, s =>
            s.SaveLevelsAsync(school.Unit.Id, own, "Quy chế số 3/QC-BC", "", Ct)));
        var saved = await portal.AsAsync<SaveResult, SalarySettingsService>(school.Principal, s =>
            s.SaveLevelsAsync(school.Unit.Id, own, "Quy chế số 7/QC-THQC ngày 05/01/2026", "", Ct));
        Assert.True(saved.Succeeded, saved.Error);
        // A second principal's screen, opened before that save, cannot silently replace it.
        var stale = await portal.AsAsync<SaveResult, SalarySettingsService>(school.Principal, s =>
            s.SaveLevelsAsync(school.Unit.Id, [new() { FormPrefix = "Giấy khen", MonthsEarly = 3, Rank = 1 }], "Quy chế số 8/QC-THQC", "", Ct));
        Assert.Contains("vừa được người khác lưu", stale.Error);

        Assert.Equal(new DateOnly(2026, 9, 1), (await CandidateAsync()).DueOn); // 9 months before 01/06/2027
        // The neighbour keeps the defaults.
        var levels = (await portal.AsAsync<IReadOnlyList<SchoolSetting>, SalarySettingsService>(other.Principal, s => s.SchoolsAsync(Ct))).Single();
        Assert.False(levels.OwnLevels);
    }

    [Fact]
    public async Task A_salary_history_download_is_logged_before_it_leaves_and_refused_outside_the_scope()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Tải Về");
        var other = await SchoolAsync(portal, "Trường Tiểu học Xa Lạ");
        var id = await DueInDecemberAsync(portal, school.Unit.Id, "Lều Thị Bản In");

        var file = await portal.AsAsync<ExportFile?, SalaryExport>(school.Officer, s => s.HistoryAsync(id, docx: false, Ct));
        Assert.NotNull(file);
        Assert.Null(await portal.AsAsync<ExportFile?, SalaryExport>(other.Officer, s => s.HistoryAsync(id, docx: true, Ct)));
        var proposal = await portal.AsAsync<ExportFile, SalaryExport>(school.Principal, s =>
            s.ProposalAsync(December, new EligibilityQuery(December.From, December.To), docx: true, Ct));
        Assert.EndsWith(".docx", proposal.FileName);

        await using var db = portal.ReadContext();
        var logged = await db.AuditEntries.Where(a => a.Action == AuditAction.Exported && (a.Entity == "SalaryHistory" || a.Entity == "SalaryProposal"))
            .Where(a => a.UserName == school.Officer.Email || a.UserName == school.Principal.Email).ToListAsync(Ct);
        Assert.Contains(logged, a => a.Entity == "SalaryHistory" && a.SubjectId == id);
        Assert.Contains(logged, a => a.Entity == "SalaryProposal" && a.NewValue!.Contains("1 người"));
    }

    [Fact]
    public async Task The_dashboard_glance_counts_each_month_and_calls_out_raises_due_and_undecided()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Nhìn Nhanh");
        await DueInDecemberAsync(portal, school.Unit.Id, "Giáp Thị Tháng Chạp");
        await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Hứa Văn Tháng Giêng", new DateOnly(1987, 1, 1), Gender.Male,
            new Step(new DateOnly(2025, 1, 15), "02.008", "B", 4, 2.46m)); // 24 months → 15/01/2027
        await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Mã Thị Chưa Quyết", new DateOnly(1986, 6, 6), Gender.Female,
            new Step(new DateOnly(2023, 5, 1), "V.07.03.29", "A1", 2, 2.67m)); // due 01/05/2026, never decided

        var glance = await portal.AsAsync<SalaryGlance?, EligibilityService>(school.Principal, s => s.GlanceAsync(ct: Ct));

        Assert.NotNull(glance);
        Assert.Equal(1, glance.DueUndecided);
        Assert.Equal([0, 1, 1, 0, 0, 0], glance.Months.Select(m => m.Raises));
        Assert.Equal(new DateOnly(2026, 11, 1), glance.Months[0].Month);
        // A Department-sized scope is not computed on the dashboard.
        Assert.Null(await portal.AsAsync<SalaryGlance?, EligibilityService>(school.Principal, s => s.GlanceAsync(maxStaff: 2, ct: Ct)));
    }

    [Fact]
    public async Task A_stale_list_cannot_record_the_same_seniority_allowance_twice_nor_skip_to_the_next_percent()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Vượt Khung");
        // A1's last step (9, 4,98) since 01/10/2021: 5% was due 01/10/2024 and 6% 01/10/2025; nothing recorded yet.
        var id = await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Tạ Văn Bậc Cuối", new DateOnly(1972, 2, 2), Gender.Male,
            new Step(new DateOnly(2021, 10, 1), "V.07.03.29", "A1", 9, 4.98m));
        var shown = Assert.Single((await ListAsync(portal, school.Principal, December)).Rows, r => r.StaffId == id);
        Assert.Equal((EligibilityKind.BeyondFrame, new DateOnly(2024, 10, 1), 5m), (shown.Kind, shown.DueOn, shown.NextBeyondFramePercent));

        Assert.True((await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(Decision("60/QĐ-VK"), [RaisePick.Of(shown)], null, Ct))).Succeeded);
        // The same tick again, from a tab still showing 5%: refused, rather than recording 6% the principal never saw.
        var again = await portal.AsAsync<SaveResult, RaiseDecisionService>(school.Principal, s => s.RecordAsync(Decision("61/QĐ-VK"), [RaisePick.Of(shown)], null, Ct));
        Assert.False(again.Succeeded);
        Assert.Contains("Tạ Văn Bậc Cuối", again.Error);

        var next = Assert.Single((await ListAsync(portal, school.Principal, December)).Rows, r => r.StaffId == id);
        Assert.Equal((new DateOnly(2025, 10, 1), 6m, 5m), (next.DueOn, next.NextBeyondFramePercent, next.Current!.BeyondFramePercent));
        await using var db = portal.ReadContext();
        var rows = await db.SalaryRecords.Where(r => r.StaffMemberId == id).OrderBy(r => r.ValidFrom).ToListAsync(Ct);
        Assert.Equal([null, 5m], rows.Select(r => r.SeniorityBeyondFramePercent));
        Assert.Equal((9, 4.98m, RaiseKind.BeyondFrame), (rows[1].Step, rows[1].Coefficient, rows[1].Kind!.Value));
    }

    [Fact]
    public async Task One_person_whose_dates_reach_before_a_legal_number_does_not_hide_the_others()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await SchoolAsync(portal, "Trường Tiểu học Số Liệu Cũ");
        var due = await DueInDecemberAsync(portal, school.Unit.Id, "Đinh Thị Bình Thường");
        // At A1's last step since 1995: the PCTNVK percentages in the seed start in 2004, so 1998 has no number to read.
        await SalaryRecords.CreateAsync(portal, school.Unit.Id, "Cù Văn Lâu Năm", new DateOnly(1968, 3, 3), Gender.Male,
            new Step(new DateOnly(1995, 1, 1), "V.07.03.29", "A1", 9, 4.98m));

        var list = await ListAsync(portal, school.Principal, December);

        Assert.Contains(list.Rows, r => r.StaffId == due);
        var problem = Assert.Single(list.Problems);
        Assert.Contains("Cù Văn Lâu Năm", problem);
        Assert.Contains("pctnvk.", problem);
    }
}
