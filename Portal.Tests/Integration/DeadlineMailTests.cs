using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Decisions;
using Portal.Domain.Deadlines;
using Portal.Domain.Mail;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Mail;
using Portal.Web.Features.Records;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>
/// The daily deadline scan with time travel (an injected clock), through the outbox to a real SMTP listener on 127.0.0.1:
/// due soon, overdue and escalated on the right days, missed runs caught up, and nothing sent twice.
/// </summary>
public sealed class DeadlineMailTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly SmtpListener _smtp = new();

    public ValueTask InitializeAsync() => new(_smtp.StartAsync());

    public ValueTask DisposeAsync() => _smtp.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record School(OrgUnit Unit, TestUser Principal, TestUser Officer, TestUser Supervisor);

    /// <summary>A ward with a supervising account, and a school below it with its principal and records officer.</summary>
    private static async Task<School> SchoolAsync(PortalHarness portal, string name)
    {
        var ward = await portal.CreateUnitAsync($"Phường của {name}", OrgUnitKind.Ward, null);
        var school = await portal.CreateUnitAsync(name, OrgUnitKind.School, ward);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Trần Thị Minh Châu", $"hieutruong-{Guid.NewGuid():N}@test.portal");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà", $"vanthu-{Guid.NewGuid():N}@test.portal");
        var supervisor = await portal.CreateUserAsync(ward, PortalRoles.Supervisor, "Lý Văn Giám", $"phuong-{Guid.NewGuid():N}@test.portal");
        return new School(school, principal, officer, supervisor);
    }

    private static Task<DeadlineScanResult> ScanAsync(PortalHarness portal) => portal.AsSystemAsync(sp => sp.GetRequiredService<DeadlineScanJob>().RunAsync(Ct));

    private static Task<int> DispatchAsync(PortalHarness portal) => portal.AsSystemAsync(sp => sp.GetRequiredService<OutboxDispatchJob>().RunAsync(Ct));

    private static async Task<List<OutboxMessage>> DigestsToAsync(PortalHarness portal, TestUser user)
    {
        await using var db = portal.ReadContext();
        return await db.Outbox.Where(m => m.To == user.Email && m.DeduplicationKey.StartsWith("deadline-digest:")).OrderBy(m => m.CreatedAt).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_new_record_is_due_soon_then_overdue_then_escalated_to_the_principal_and_the_ward_on_the_right_days()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await SchoolAsync(portal, "Trường Tiểu học Đồng Hồ");
        // Decision Thu 01/10/2026 + 60 days = Mon 30/11/2026 (the clock says Sun 29/11/2026). Created today under Decree 27
        // too: its first-declaration clock (3 working days from today) ends Wed 02/12, later, so the school's 60 days govern.
        var saved = await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Đoàn Thị Đúng Hẹn", new DateOnly(2026, 10, 1))));
        Assert.True(saved.Succeeded, saved.Error);
        await using (var db = portal.ReadContext())
        {
            var complete = await db.Obligations.SingleAsync(o => o.StaffMemberId == saved.Id && o.Awaits == RuleAwaits.RecordComplete, Ct);
            Assert.Equal(("QC14-2021.D8.K1", new DateOnly(2026, 11, 30)), (complete.RuleCode, complete.DueOn));
            // The decree's "create the e-record within 3 days" is met late by this very save, and says so.
            var created = await db.Obligations.SingleAsync(o => o.StaffMemberId == saved.Id && o.Awaits == RuleAwaits.RecordCreated, Ct);
            Assert.Equal(ObligationState.DoneLate, created.StateOn(portal.Clock.Today));
        }

        Assert.Equal(0, (await ScanAsync(portal)).DigestsQueued); // Sunday: no digest
        portal.Clock.Advance(TimeSpan.FromDays(1));               // Mon 30/11: due today
        await ScanAsync(portal);
        Assert.Contains("hết hạn hôm nay", Assert.Single(await DigestsToAsync(portal, school.Officer)).Body);
        // The principal hears of the school's own report due today, not yet of the record.
        Assert.DoesNotContain(await DigestsToAsync(portal, school.Principal), m => m.Body.Contains("Đoàn Thị Đúng Hẹn"));

        portal.Clock.Advance(TimeSpan.FromDays(1));               // Tue 01/12: one day overdue → the principal
        await ScanAsync(portal);
        Assert.Contains("quá hạn 1 ngày", (await DigestsToAsync(portal, school.Officer))[^1].Body);
        var toPrincipal = (await DigestsToAsync(portal, school.Principal))[^1];
        Assert.Contains("Đoàn Thị Đúng Hẹn", toPrincipal.Body);
        Assert.Contains("Điều 8 khoản 1", toPrincipal.Body);
        Assert.Empty(await DigestsToAsync(portal, school.Supervisor));

        portal.Clock.Advance(TimeSpan.FromDays(9));               // Fri 11/12: 11 days overdue → the ward's account
        await ScanAsync(portal);
        var toWard = Assert.Single(await DigestsToAsync(portal, school.Supervisor));
        Assert.Contains("Đoàn Thị Đúng Hẹn", toWard.Body);
        await using var after = portal.ReadContext();
        var escalated = await after.Obligations.SingleAsync(o => o.StaffMemberId == saved.Id && o.Awaits == RuleAwaits.RecordComplete, Ct);
        Assert.NotNull(escalated.OverdueNotifiedAt);
        Assert.NotNull(escalated.EscalatedUpAt);
    }

    [Fact]
    public async Task After_five_missed_days_one_run_catches_up_and_reruns_send_nothing_twice()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await SchoolAsync(portal, "Trường Tiểu học Bắt Kịp");
        await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Mẫn Thị Chậm", new DateOnly(2026, 10, 1))));
        await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Kiều Văn Trễ", new DateOnly(2026, 10, 5))));

        portal.Clock.Advance(TimeSpan.FromDays(8));               // Mon 07/12: no run since Sunday; both are overdue now
        await ScanAsync(portal);
        await ScanAsync(portal);                                  // a retry the same day
        Assert.Equal(2, await DispatchAsync(portal));             // one digest to the officer, one to the principal
        Assert.Equal(0, await DispatchAsync(portal));

        var toOfficer = Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(school.Officer.Email));
        Assert.Contains("Mẫn Thị Chậm", toOfficer.TextBody);
        Assert.Contains("Kiều Văn Trễ", toOfficer.TextBody);
        Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(school.Principal.Email));
    }

    [Fact]
    public async Task Two_job_servers_scanning_at_once_queue_each_digest_once()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await SchoolAsync(portal, "Trường Tiểu học Song Song");
        await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Lạc Thị Đôi", new DateOnly(2026, 10, 1))));
        portal.Clock.Advance(TimeSpan.FromDays(2));

        var results = await Task.WhenAll(ScanAsync(portal), ScanAsync(portal), ScanAsync(portal));

        Assert.Equal(2, results.Sum(r => r.DigestsQueued));
        Assert.Single(await DigestsToAsync(portal, school.Officer));
        Assert.Single(await DigestsToAsync(portal, school.Principal));
    }

    [Fact]
    public async Task With_the_smtp_server_down_the_digest_stays_queued_and_is_delivered_once_when_it_is_back()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await SchoolAsync(portal, "Trường Tiểu học Mất Mạng");
        await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Hoàng Thị Lệ Quyên", new DateOnly(2026, 9, 28))));
        portal.Clock.Advance(TimeSpan.FromDays(1));
        await _smtp.StopAsync();

        await ScanAsync(portal);
        Assert.Equal(0, await DispatchAsync(portal));
        await using (var db = portal.ReadContext())
        {
            var queued = await db.Outbox.SingleAsync(m => m.To == school.Principal.Email, Ct);
            Assert.Equal((OutboxStatus.Queued, 1), (queued.Status, queued.Attempts));
            Assert.False(string.IsNullOrEmpty(queued.LastError));
        }

        await _smtp.StartAsync();
        Assert.Equal(0, await DispatchAsync(portal));             // back-off: not yet
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(2, await DispatchAsync(portal));
        Assert.Equal(0, await DispatchAsync(portal));
        Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(school.Principal.Email));
        Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(school.Officer.Email));
    }

    [Fact]
    public async Task A_decision_opens_its_obligation_and_the_row_citing_it_closes_it_on_time()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await SchoolAsync(portal, "Trường Tiểu học Quyết Định");
        var staffId = (await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Tôn Thất Khen", new DateOnly(2026, 1, 5))))).Id!.Value;
        // An award signed Mon 23/11/2026, effective the same day: the school gives 15 days (Tue 08/12), the decree 3 working
        // days from the signature (Thu 26/11) — the unit applies both, so the decree's governs.
        var decision = await portal.AsAsync<SaveResult, DecisionService>(school.Officer, s => s.SaveAsync(staffId, null, null,
            new DecisionParticulars("15/QĐ-THĐ", DecisionKind.Award, "Giấy khen", "Hiệu trưởng", "Trường Tiểu học Quyết Định", new(2026, 11, 23), new(2026, 11, 23)), Ct));
        await using (var db = portal.ReadContext())
        {
            var opened = await db.Obligations.SingleAsync(o => o.DecisionId == decision.Id, Ct);
            Assert.Equal(("ND27-2026.CAP-NHAT", new DateOnly(2026, 11, 26), ObligationState.Overdue), (opened.RuleCode, opened.DueOn, opened.StateOn(portal.Clock.Today)));
        }

        await portal.AsAsync<SaveResult, HistoryService>(school.Officer, s => s.AddAsync(staffId,
            new AwardRowForm { Form = "Giấy khen", From = new DateTime(2026, 11, 23), DecisionId = decision.Id }.ToRow));

        await using var after = portal.ReadContext();
        var closed = await after.Obligations.SingleAsync(o => o.DecisionId == decision.Id, Ct);
        Assert.Equal((ObligationState.DoneLate, "Hệ thống"), (closed.StateOn(portal.Clock.Today), closed.CompletedBy));
    }

    [Fact]
    public async Task Yearly_declarations_and_reports_open_once_and_the_report_is_announced_14_and_3_days_ahead_once_each()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port, TestClock.OnSchoolDay(2026, 11, 10));
        var school = await SchoolAsync(portal, "Trường Tiểu học Báo Cáo");
        var staffId = (await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Vi Thị Kê Khai", new DateOnly(2026, 11, 2))))).Id!.Value;
        uint version;
        await using (var db = portal.ReadContext()) version = await db.Staff.Where(x => x.Id == staffId).Select(x => x.Version).SingleAsync(Ct);
        Assert.True((await portal.AsAsync<SaveResult, RecordService>(school.Officer, s => s.ActivateAsync(staffId, version, Ct))).Succeeded);
        const string Report = "Báo cáo tình hình quản lý hồ sơ điện tử đợt 2";
        async Task<int> ReportRemindersAsync() => (await DigestsToAsync(portal, school.Principal)).Count(m => m.Body.Contains(Report));

        // Tue 10/11/2026: the December report (due Mon 30/11) opened on 31/10; the declaration (due 31/12) opens on 01/12.
        var first = await ScanAsync(portal);
        Assert.Equal(1, first.ObligationsOpened);
        Assert.Equal(0, (await ScanAsync(portal)).ObligationsOpened);
        await using (var db = portal.ReadContext())
        {
            var report = await db.Obligations.SingleAsync(o => o.UnitId == school.Unit.Id && o.Awaits == RuleAwaits.Report, Ct);
            Assert.Equal(("report:" + school.Unit.Id + ":2026", new DateOnly(2026, 11, 30)), (report.SourceKey, report.DueOn));
        }
        Assert.Equal(0, await ReportRemindersAsync());            // 20 days ahead: nothing yet

        portal.Clock.Advance(TimeSpan.FromDays(7));               // Tue 17/11: 13 days ahead → the 14-day reminder (missed on Mon 16/11)
        await ScanAsync(portal);
        Assert.Equal(1, await ReportRemindersAsync());
        portal.Clock.Advance(TimeSpan.FromDays(1));               // Wed 18/11: already announced
        await ScanAsync(portal);
        Assert.Equal(1, await ReportRemindersAsync());
        portal.Clock.Advance(TimeSpan.FromDays(9));               // Fri 27/11: 3 days ahead → the second reminder
        await ScanAsync(portal);
        Assert.Equal(2, await ReportRemindersAsync());

        portal.Clock.Advance(TimeSpan.FromDays(4));               // Tue 01/12: the declarations open
        Assert.Equal(1, (await ScanAsync(portal)).ObligationsOpened);
        await using var later = portal.ReadContext();
        var declaration = await later.Obligations.SingleAsync(o => o.UnitId == school.Unit.Id && o.Awaits == RuleAwaits.Declaration, Ct);
        Assert.Equal((new DateOnly(2026, 12, 31), ResponsibleParty.StaffMember), (declaration.DueOn, declaration.Responsible));
    }

    [Fact]
    public async Task In_quiet_hours_the_digest_waits_in_the_outbox_and_goes_when_they_end()
    {
        // Mon 30/11/2026 21:30 in Ho Chi Minh City, quiet from 21:00 to 06:00.
        var evening = new TestClock(new DateTimeOffset(2026, 11, 30, 21, 30, 0, TimeSpan.FromHours(7)));
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port, evening,
            new Dictionary<string, string?> { ["Portal:Mail:QuietHours"] = "21:00-06:00" });
        var school = await SchoolAsync(portal, "Trường Tiểu học Yên Tĩnh");
        await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Âu Thị Khuya", new DateOnly(2026, 9, 28))));
        await ScanAsync(portal);

        Assert.Equal(0, await DispatchAsync(portal));
        portal.Clock.Advance(TimeSpan.FromHours(8.5));            // Tue 06:00: the window is over
        Assert.Equal(2, await DispatchAsync(portal));
        Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(school.Principal.Email));
    }

    [Fact]
    public async Task A_decision_nobody_acted_on_and_without_an_obligation_is_found_by_the_scan()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await SchoolAsync(portal, "Trường Tiểu học Bị Quên");
        var staffId = (await portal.AsAsync<SaveResult, StaffService>(school.Officer, s => s.CreateAsync(StaffForms.Valid("Cao Thị Bị Quên", new DateOnly(2026, 1, 5))))).Id!.Value;
        var forgotten = await portal.AsAsync<SaveResult, DecisionService>(school.Officer, s => s.SaveAsync(staffId, null, null,
            new DecisionParticulars("88/QĐ-PGD", DecisionKind.Appointment, "Bổ nhiệm tổ trưởng", "Hiệu trưởng", "Trường Tiểu học Bị Quên", new(2026, 6, 1), new(2026, 6, 1)), Ct));
        // As if entered before the engine existed: the decision is there, its obligation is not.
        await using (var owner = new Npgsql.NpgsqlConnection(portal.OwnerConnectionString))
        {
            await owner.OpenAsync(Ct);
            await using var delete = new Npgsql.NpgsqlCommand($"DELETE FROM obligations WHERE \"DecisionId\" = '{forgotten.Id}'", owner);
            await delete.ExecuteNonQueryAsync(Ct);
        }

        var opened = await portal.AsSystemAsync(sp => sp.GetRequiredService<DeadlineScanJob>().OpenMissingAsync(Ct));
        var again = await portal.AsSystemAsync(sp => sp.GetRequiredService<DeadlineScanJob>().OpenMissingAsync(Ct));

        Assert.Equal((1, 0), (opened, again));
        await using var db = portal.ReadContext();
        var found = await db.Obligations.SingleAsync(o => o.DecisionId == forgotten.Id, Ct);
        // Signed and in effect 01/06/2026, before Decree 27/2026: the school's 15 days, due 16/06/2026, long overdue.
        Assert.Equal(("QC14-2021.D8.K2a", new DateOnly(2026, 6, 16), ObligationState.Overdue), (found.RuleCode, found.DueOn, found.StateOn(portal.Clock.Today)));
    }
}
