using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Deadlines;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Records;
using Portal.Web.Features.Staff;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>The unit's obligations, "my obligations", closing a report by hand, and the on-time rate per month.</summary>
public sealed class ObligationServiceTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_filters_by_state_and_kind_and_each_person_sees_what_they_must_do()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, clock: TestClock.OnSchoolDay(2026, 11, 10));
        var school = await portal.CreateUnitAsync("Trường Tiểu học Danh Sách", OrgUnitKind.School, null);
        var other = await portal.CreateUnitAsync("Trường Tiểu học Khác Hẳn", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Triệu Thị Lọc");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Âu Văn Lọc");
        var elsewhere = await portal.CreateUserAsync(other, PortalRoles.RecordsOfficer, "Giáp Thị Xa");
        var late = (await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Lưu Thị Trễ", new DateOnly(2026, 9, 1))))).Id!.Value;
        await portal.AsAsync<SaveResult, StaffService>(elsewhere, s => s.CreateAsync(StaffForms.Valid("Đàm Văn Ngoài", new DateOnly(2026, 9, 1))));
        await portal.AsSystemAsync(sp => sp.GetRequiredService<DeadlineScanJob>().OpenYearlyAsync(portal.Clock.Today, Ct)); // the December report

        async Task<PageOf<ObligationListRow>> List(TestUser who, ObligationFilter filter) =>
            await portal.AsAsync<PageOf<ObligationListRow>, ObligationService>(who, s => s.ListAsync(filter, 0, Ct));

        var overdue = await List(principal, new ObligationFilter(ObligationState.Overdue));
        var row = Assert.Single(overdue.Items); // 01/09 + 60 days = Sat 31/10 → Mon 02/11/2026: overdue; the other school's is not seen
        Assert.Equal(("Lưu Thị Trễ", late), (row.StaffName, row.StaffMemberId));
        var report = Assert.Single((await List(principal, new ObligationFilter(Awaits: RuleAwaits.Report))).Items);
        Assert.Equal(("Trường Tiểu học Danh Sách", (Guid?)null), (report.UnitName, report.StaffMemberId));
        Assert.Single((await List(principal, new ObligationFilter(ObligationState.Overdue, Search: "luu thi tre"))).Items, r => r.StaffMemberId == late);

        // Mine: the officer answers for the record, the principal (with the officer) for the school's report.
        Assert.Contains((await List(officer, new ObligationFilter(Mine: true))).Items, r => r.StaffMemberId == late);
        var principalsOwn = await List(principal, new ObligationFilter(Mine: true));
        Assert.Equal([RuleAwaits.Report], principalsOwn.Items.Select(r => r.Awaits).Distinct());
    }

    [Fact]
    public async Task A_report_is_marked_sent_by_a_person_but_a_record_obligation_only_closes_itself()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, clock: TestClock.OnSchoolDay(2026, 11, 10));
        var school = await portal.CreateUnitAsync("Trường Tiểu học Gửi Báo Cáo", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Mai Thị Gửi");
        var staffId = (await portal.AsAsync<SaveResult, StaffService>(principal, s => s.CreateAsync(StaffForms.Valid("Lều Văn Chờ")))).Id!.Value;
        await portal.AsSystemAsync(sp => sp.GetRequiredService<DeadlineScanJob>().OpenYearlyAsync(portal.Clock.Today, Ct));
        await using var db = portal.ReadContext();
        var report = await db.Obligations.SingleAsync(o => o.UnitId == school.Id && o.Awaits == RuleAwaits.Report, Ct);
        var record = await db.Obligations.FirstAsync(o => o.StaffMemberId == staffId && o.CompletedOn == null, Ct);

        var refused = await portal.AsAsync<SaveResult, ObligationService>(principal, s => s.CompleteAsync(record.Id, record.Version, Ct));
        var sent = await portal.AsAsync<SaveResult, ObligationService>(principal, s => s.CompleteAsync(report.Id, report.Version, Ct));

        Assert.Equal(Strings.ObligationClosesItself, refused.Error);
        Assert.True(sent.Succeeded);
        await using var after = portal.ReadContext();
        var done = await after.Obligations.SingleAsync(o => o.Id == report.Id, Ct);
        Assert.Equal((new DateOnly(2026, 11, 10), "Mai Thị Gửi", ObligationState.DoneOnTime), (done.CompletedOn, done.CompletedBy, done.StateOn(portal.Clock.Today)));
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Entity == "Obligation" && a.EntityKey == report.Id.ToString() && a.Field == "CompletedOn", Ct));
        var staff = await portal.CreateUserAsync(school, PortalRoles.Staff, "Lều Văn Chờ");
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, ObligationService>(staff, s => s.CompleteAsync(report.Id, done.Version, Ct)));
    }

    [Fact]
    public async Task The_on_time_rate_per_month_counts_what_fell_due_by_its_due_month()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Tỷ Lệ", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Hồ Thị Tỷ");
        // Recruited Tue 01/09/2026: complete by 01/09 + 60 = Sat 31/10 → Mon 02/11 (November); the e-record was due within 3 days,
        // Fri 04/09 (September), and is created late today. Recruited Mon 28/09/2026: complete by Fri 27/11 (November); created
        // late against Thu 01/10 (October).
        await portal.AsAsync<SaveResult, StaffService>(principal, s => s.CreateAsync(StaffForms.Valid("Tạ Văn Mười", new DateOnly(2026, 9, 1))));
        await portal.AsAsync<SaveResult, StaffService>(principal, s => s.CreateAsync(StaffForms.Valid("Tạ Thị Mười Một", new DateOnly(2026, 9, 28))));

        var months = await portal.AsAsync<IReadOnlyList<MonthlyCompliance>, ObligationService>(principal, s => s.MonthlyAsync(12, Ct));

        Assert.Equal(12, months.Count);
        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 1)), (months[0].Month, months[^1].Month));
        MonthlyCompliance In(int month) => months.Single(m => m.Month == new DateOnly(2026, month, 1));
        Assert.Equal((1, 0, 1, 0), (In(9).Due, In(9).OnTime, In(9).Late, In(9).OverdueOpen));
        Assert.Equal((1, 0, 1, 0), (In(10).Due, In(10).OnTime, In(10).Late, In(10).OverdueOpen));
        Assert.Equal((2, 0, 0, 2, 0.0), (In(11).Due, In(11).OnTime, In(11).Late, In(11).OverdueOpen, In(11).OnTimeRate));
        Assert.Null(In(8).OnTimeRate);
    }
}
