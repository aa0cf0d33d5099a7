using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Records;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>The principal's review of the log: filters, keyset paging, a record's whole history, the export.</summary>
public sealed class AuditReviewTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_principal_narrows_the_log_by_user_section_action_staff_member_and_period_and_sees_only_their_school()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Soi Xét", OrgUnitKind.School, null);
        var other = await portal.CreateUnitAsync("Trường Tiểu học Bên Cạnh", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Đàm Thị Xét");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Cù Văn Ghi");
        var elsewhere = await portal.CreateUserAsync(other, PortalRoles.RecordsOfficer, "Sầm Thị Khác");
        var staffId = (await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Lò Thị Theo Dõi")))).Id!.Value;
        var otherStaff = (await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Hứa Văn Không Liên Quan")))).Id!.Value;
        await portal.AsAsync<SaveResult, StaffService>(elsewhere, s => s.CreateAsync(StaffForms.Valid("Tạ Thị Trường Khác")));
        await portal.AsAsync<SaveResult, HistoryService>(officer, s => s.AddAsync(staffId,
            new WorkHistoryRowForm { Organisation = "Trường Tiểu học Soi Xét", From = new DateTime(2020, 9, 1) }.ToRow));
        await portal.AsAsync<object?, RecordService>(principal, async s => await s.GetRestrictedAsync(staffId, Ct));
        await portal.AsAsync<object?, HistoryService>(principal, async s => await s.ListAsync<FamilyMember>(staffId, null, Ct));

        async Task<IReadOnlyList<AuditRow>> Log(AuditFilter filter) =>
            await portal.AsAsync<IReadOnlyList<AuditRow>, AuditService>(principal, s => s.PageAsync(null, 500, filter, Ct));

        var all = await Log(AuditFilter.None);
        Assert.DoesNotContain(all, r => r.NewValue == "Tạ Thị Trường Khác");
        Assert.All(await Log(new AuditFilter(UserId: officer.Id)), r => Assert.Equal(officer.Email, r.UserName));
        var ofRecord = await Log(new AuditFilter(SubjectId: staffId));
        Assert.Contains(ofRecord, r => r.Entity == "StaffMember" && r.NewValue == "Lò Thị Theo Dõi");
        Assert.Contains(ofRecord, r => r.Entity == "WorkHistoryRecord" && r.Field == "Organisation");
        Assert.Contains(ofRecord, r => r.Entity == "RestrictedParticulars" && r.Action == AuditAction.Viewed);
        Assert.DoesNotContain(ofRecord, r => r.EntityKey == otherStaff.ToString());
        Assert.All(await Log(new AuditFilter(Entity: "WorkHistoryRecord")), r => Assert.Equal("WorkHistoryRecord", r.Entity));
        Assert.Equal(["FamilyMember", "RestrictedParticulars"], (await Log(new AuditFilter(Action: AuditAction.Viewed))).Select(r => r.Entity).Order());
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        Assert.Empty(await Log(AuditFilter.Parse(k => k == "to" ? "2026-11-28" : null, zone)));
        Assert.Equal(all.Count, (await Log(AuditFilter.Parse(k => k is "from" or "to" ? "2026-11-29" : null, zone))).Count);
    }

    [Fact]
    public async Task Keyset_pages_follow_each_other_without_gaps_or_repeats()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Trang Sau", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Phí Thị Trang");
        for (var i = 0; i < 3; i++)
            await portal.AsAsync<SaveResult, StaffService>(principal, s => s.CreateAsync(StaffForms.Valid($"Người Trang Thứ {i}")));

        var everything = await portal.AsAsync<IReadOnlyList<AuditRow>, AuditService>(principal, s => s.PageAsync(null, 10_000, null, Ct));
        var paged = new List<AuditRow>();
        AuditCursor? cursor = null;
        while (true)
        {
            var page = await portal.AsAsync<IReadOnlyList<AuditRow>, AuditService>(principal, s => s.PageAsync(cursor, 97, null, Ct));
            paged.AddRange(page);
            if (page.Count < 97) break;
            cursor = new AuditCursor(page[^1].At, page[^1].Id);
        }

        // The school is a root unit here, so its principal also sees the seed's system rows: well over a page.
        Assert.True(everything.Count > 500);
        Assert.Equal(everything.Select(r => r.Id), paged.Select(r => r.Id));
    }

    [Fact]
    public async Task The_export_holds_the_filtered_view_and_is_itself_logged()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Xuất Nhật Ký", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Kiều Thị Xuất");
        var staffId = (await portal.AsAsync<SaveResult, StaffService>(principal, s => s.CreateAsync(StaffForms.Valid("Ninh Thị Trong Tệp")))).Id!.Value;
        var filter = new AuditFilter(SubjectId: staffId);
        var onScreen = await portal.AsAsync<IReadOnlyList<AuditRow>, AuditService>(principal, s => s.PageAsync(null, 1000, filter, Ct));

        var xlsx = await portal.AsAsync<byte[], AuditService>(principal, s => s.XlsxAsync(filter, ct: Ct));

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var rows = document.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<Row>().Count();
        Assert.Equal(onScreen.Count + 1, rows);
        await using var db = portal.ReadContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "AuditLog" && a.Action == AuditAction.Exported && a.UserId == principal.Id, Ct));
    }

    [Fact]
    public async Task Flags_wait_until_the_principal_signs_off_and_new_ones_after_it_stay_pending()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Rà Soát", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Mạch Thị Rà");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Mẫn Văn Soát");
        var staffId = (await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Viên Thị Lương")))).Id!.Value;
        var decision = await portal.AsAsync<SaveResult, DecisionService>(officer, s => s.SaveAsync(staffId, null, null,
            new Portal.Domain.Decisions.DecisionParticulars("7/QĐ-UBND", Portal.Domain.Decisions.DecisionKind.SalaryRaise, null, "Ông Ký", "UBND phường",
                new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1))));
        await portal.AsAsync<SaveResult, HistoryService>(officer, s => s.AddAsync(staffId, new SalaryRowForm
        {
            DecisionId = decision.Id, TitleCode = "V.07.03.29", TitleName = "Giáo viên tiểu học hạng III", SalaryGroup = "A1", Step = 2,
            Coefficient = 2.67m, From = new DateTime(2026, 11, 1),
        }.ToRow));

        var before = await portal.AsAsync<ReviewState, AuditReviewService>(principal, s => s.PendingAsync(Ct));
        await portal.AsAsync<SaveResult, AuditReviewService>(principal, s => s.SignOffAsync("Đã xem, hợp lệ.", Ct));
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        var afterSignOff = await portal.AsAsync<ReviewState, AuditReviewService>(principal, s => s.PendingAsync(Ct));
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Người Mới Sau Rà Soát")));
        var later = await portal.AsAsync<ReviewState, AuditReviewService>(principal, s => s.PendingAsync(Ct));

        Assert.Contains(before.Flags, f => f.Kind == AuditFlagKind.SensitiveField && f.Detail.StartsWith("SalaryRecord"));
        Assert.Empty(afterSignOff.Flags);
        Assert.Equal("Đã xem, hợp lệ.", afterSignOff.LastSignOff!.Comment);
        Assert.NotEmpty(later.Flags);
        Assert.All(later.Flags, f => Assert.True(f.LocalAt > afterSignOff.LastSignOff.Until.ToOffset(TimeSpan.FromHours(7)).DateTime));
        await using var db = portal.ReadContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "AuditReview" && a.Field == "Comment" && a.UserId == principal.Id, Ct));
    }
}
