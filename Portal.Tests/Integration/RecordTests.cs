using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Decisions;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Records;
using Portal.Web.Features.Staff;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

public sealed class RecordTests(PostgresFixture postgres)
{
    private static readonly StaffQuery FirstPage = new(null, 0, 50, null, false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The harness's clock: noon on Sunday 29/11/2026 in Ho Chi Minh City.</summary>
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public async Task A_correction_keeps_the_old_version_and_the_table_as_known_before_it_still_shows_the_old_values()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Hoa Sữa", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Quách Thị Diễm Phương");
        var decisionId = await DecisionAsync(portal, officer, staffId, "88/QĐ-UBND");
        var recordedAt = portal.Clock.GetUtcNow();
        var added = await AddAsync(portal, officer, staffId, Salary(decisionId, step: 3, coefficient: 3.00m, from: new DateOnly(2025, 9, 1)));
        Assert.True(added.Succeeded, added.Error);
        var first = Assert.Single(await ListAsync<SalaryRecord>(portal, officer, staffId)).Row;

        portal.Clock.Advance(TimeSpan.FromHours(2));
        var correctedAt = portal.Clock.GetUtcNow();
        var corrected = await portal.AsAsync<SaveResult, HistoryService>(officer, s => s.CorrectAsync(staffId, first.Id, first.Version,
            "Nhập nhầm bậc theo quyết định", Salary(decisionId, step: 4, coefficient: 3.33m, from: new DateOnly(2025, 9, 1)).ToRow));

        Assert.True(corrected.Succeeded, corrected.Error);
        var now = Assert.Single(await ListAsync<SalaryRecord>(portal, officer, staffId));
        Assert.Equal((4, 3.33m, true, first.LineageId), (now.Row.Step, now.Row.Coefficient, now.HasCorrections, now.Row.LineageId));
        Assert.Equal("88/QĐ-UBND (20/11/2026)", now.Decision);
        var versions = await portal.AsAsync<IReadOnlyList<SalaryRecord>, HistoryService>(officer, s => s.VersionsAsync<SalaryRecord>(staffId, first.LineageId));
        Assert.Equal([3, 4], versions.Select(v => v.Step));
        Assert.Equal((recordedAt, (DateTimeOffset?)correctedAt, "Nhập nhầm bậc theo quyết định", false),
            (versions[0].RecordedAt, versions[0].SupersededAt, versions[0].SupersededReason, versions[0].Withdrawn));
        Assert.Equal((correctedAt, (DateTimeOffset?)null), (versions[1].RecordedAt, versions[1].SupersededAt));
        var knownBefore = await ListAsync<SalaryRecord>(portal, officer, staffId, knownAt: recordedAt.AddHours(1));
        Assert.Equal((first.Id, 3, 3.00m), (Assert.Single(knownBefore).Row.Id, knownBefore[0].Row.Step, knownBefore[0].Row.Coefficient));
        Assert.Empty(await ListAsync<SalaryRecord>(portal, officer, staffId, knownAt: recordedAt.AddTicks(-10)));
        Assert.Equal(4, Assert.Single(await ListAsync<SalaryRecord>(portal, officer, staffId, knownAt: correctedAt)).Row.Step);
    }

    [Fact]
    public async Task A_regulated_row_without_its_own_decision_is_refused_beside_the_decision_field_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Cây Gáo", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Khổng Minh Nguyệt");
        var otherId = await NewRecordAsync(portal, officer, "Ninh Văn Đạt");
        var decisionOfOther = await DecisionAsync(portal, officer, otherId, "90/QĐ-UBND");

        var without = await AddAsync(portal, officer, staffId, Salary(null, step: 1, coefficient: 2.34m, from: new DateOnly(2026, 11, 2)));
        var borrowed = await AddAsync(portal, officer, staffId, Salary(decisionOfOther, step: 1, coefficient: 2.34m, from: new DateOnly(2026, 11, 2)));
        var unknown = await AddAsync(portal, officer, staffId, Salary(Guid.CreateVersion7(), step: 1, coefficient: 2.34m, from: new DateOnly(2026, 11, 2)));
        var position = await AddAsync(portal, officer, staffId, new PositionRowForm { Position = "Tổ trưởng chuyên môn", From = new DateTime(2026, 11, 2) });

        Assert.Contains(nameof(RecordRow.DecisionId), without.FieldErrors.Keys);
        Assert.Contains(nameof(RecordRow.DecisionId), borrowed.FieldErrors.Keys);
        Assert.Contains(nameof(RecordRow.DecisionId), unknown.FieldErrors.Keys);
        Assert.Contains(nameof(RecordRow.DecisionId), position.FieldErrors.Keys);
        Assert.All(new[] { without, borrowed, unknown, position }, r => Assert.False(r.Succeeded));
        await using var db = portal.ReadContext();
        Assert.False(await db.SalaryRecords.AnyAsync(Ct));
        Assert.False(await db.PositionRecords.AnyAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(SalaryRecord) || a.Entity == nameof(PositionRecord), Ct));
    }

    [Fact]
    public async Task An_unregulated_row_needs_no_decision()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Rạch Ông", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Giáp Thị Kim Oanh");

        var work = await AddAsync(portal, officer, staffId, Work("Trường Tiểu học Rạch Ông", new DateOnly(2026, 11, 2)));

        Assert.True(work.Succeeded, work.Error);
        Assert.Equal("Trường Tiểu học Rạch Ông", Assert.Single(await ListAsync<WorkHistoryRecord>(portal, officer, staffId)).Row.Organisation);
    }

    [Fact]
    public async Task A_withdrawn_row_leaves_the_table_but_stays_in_its_versions_and_needs_a_reason()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Bàu Sen", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "La Thị Thanh Trúc");
        await AddAsync(portal, officer, staffId, Work("Trường Mầm non Sơn Ca", new DateOnly(2019, 9, 1)));
        var row = Assert.Single(await ListAsync<WorkHistoryRecord>(portal, officer, staffId)).Row;

        var blank = await portal.AsAsync<SaveResult, HistoryService>(officer, s => s.WithdrawAsync<WorkHistoryRecord>(staffId, row.Id, row.Version, "  "));
        Assert.False(blank.Succeeded);
        Assert.Contains("Reason", blank.FieldErrors.Keys);
        Assert.Single(await ListAsync<WorkHistoryRecord>(portal, officer, staffId));

        portal.Clock.Advance(TimeSpan.FromMinutes(5));
        var withdrawn = await portal.AsAsync<SaveResult, HistoryService>(officer,
            s => s.WithdrawAsync<WorkHistoryRecord>(staffId, row.Id, row.Version, "Nhập nhầm vào hồ sơ của người khác"));

        Assert.True(withdrawn.Succeeded, withdrawn.Error);
        Assert.Empty(await ListAsync<WorkHistoryRecord>(portal, officer, staffId));
        var kept = Assert.Single(await portal.AsAsync<IReadOnlyList<WorkHistoryRecord>, HistoryService>(officer,
            s => s.VersionsAsync<WorkHistoryRecord>(staffId, row.LineageId)));
        Assert.Equal((row.Id, true, "Nhập nhầm vào hồ sơ của người khác", portal.Clock.GetUtcNow()),
            (kept.Id, kept.Withdrawn, kept.SupersededReason, kept.SupersededAt!.Value));
        Assert.Single(await ListAsync<WorkHistoryRecord>(portal, officer, staffId, knownAt: portal.Clock.GetUtcNow().AddMinutes(-1)));
    }

    [Fact]
    public async Task An_uploaded_pdf_is_stored_with_its_sha256_and_an_upload_again_adds_version_2_of_the_same_series()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Tân Kiểng", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Doãn Thị Bích Ngà");
        var decisionId = await DecisionAsync(portal, officer, staffId, "91/QĐ-UBND");
        var scan = Pdf("bản quét lần 1");
        var rescan = Pdf("bản quét lần 2, rõ hơn");

        var first = await UploadAsync(portal, officer, staffId, new AttachmentTarget(decisionId, null), @"C:\Scans\quyet dinh 91.PDF", scan);
        var second = await UploadAsync(portal, officer, staffId, new AttachmentTarget(decisionId, null), "quyet-dinh-91.pdf", rescan);

        Assert.True(first.Succeeded, first.Error);
        Assert.True(second.Succeeded, second.Error);
        await using var db = portal.ReadContext();
        var v1 = await db.Attachments.SingleAsync(a => a.Id == first.Id, Ct);
        var v2 = await db.Attachments.SingleAsync(a => a.Id == second.Id, Ct);
        Assert.Equal((1, v1.Id, "application/pdf", Convert.ToHexStringLower(SHA256.HashData(scan)), (long)scan.Length, school.Id, decisionId),
            (v1.VersionNumber, v1.SeriesId, v1.ContentType, v1.Sha256, v1.SizeBytes, v1.UnitId, v1.DecisionId));
        Assert.Equal("quyet dinh 91.pdf", v1.FileName);
        Assert.Equal((2, v1.SeriesId, Convert.ToHexStringLower(SHA256.HashData(rescan))), (v2.VersionNumber, v2.SeriesId, v2.Sha256));
        Assert.Equal(scan, await db.AttachmentContents.Where(c => c.AttachmentId == v1.Id).Select(c => c.Bytes).SingleAsync(Ct));
        Assert.Equal(rescan, await db.AttachmentContents.Where(c => c.AttachmentId == v2.Id).Select(c => c.Bytes).SingleAsync(Ct));
        var listed = Assert.Single(await portal.AsAsync<IReadOnlyList<DecisionRow>, DecisionService>(officer, s => s.ListAsync(staffId)));
        Assert.Equal([1, 2], listed.Files.Select(f => f.VersionNumber));
    }

    [Fact]
    public async Task A_zip_named_pdf_is_refused_by_its_bytes_with_a_vietnamese_message_and_nothing_is_stored()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Phú Thọ Hòa", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Âu Dương Thị Nhàn");
        var decisionId = await DecisionAsync(portal, officer, staffId, "92/QĐ-UBND");
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, .. "scan.pdf"u8.ToArray()];

        var result = await UploadAsync(portal, officer, staffId, new AttachmentTarget(decisionId, null), "scan.pdf", zip);

        Assert.False(result.Succeeded);
        Assert.Contains("PDF", result.FieldErrors["File"]);
        Assert.Contains("Chỉ nhận tệp", result.FieldErrors["File"]);
        await using var db = portal.ReadContext();
        Assert.False(await db.Attachments.AnyAsync(Ct));
        Assert.False(await db.AttachmentContents.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_file_one_byte_over_the_configured_limit_is_refused_beside_the_file_field()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Hiệp Tân", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Mạc Văn Thịnh");
        // The harness does not configure Portal:Attachments:MaxBytes, so this is the 20 MB default, read from DI.
        var limit = await portal.AsSystemAsync(sp => Task.FromResult(sp.GetRequiredService<AttachmentOptions>().MaxBytes));
        var tooLarge = new byte[limit + 1];
        "%PDF-1.7\n"u8.CopyTo(tooLarge);
        var exactly = tooLarge[..(int)limit];

        var refused = await UploadAsync(portal, officer, staffId, new AttachmentTarget(null, "SUCKHOE"), "giay-kham-suc-khoe.pdf", tooLarge);
        var accepted = await UploadAsync(portal, officer, staffId, new AttachmentTarget(null, "SUCKHOE"), "giay-kham-suc-khoe.pdf", exactly);

        Assert.False(refused.Succeeded);
        Assert.Contains((limit / (1024 * 1024)).ToString(), refused.FieldErrors["File"]);
        Assert.True(accepted.Succeeded, accepted.Error);
        await using var db = portal.ReadContext();
        Assert.Equal(limit, Assert.Single(await db.Attachments.ToListAsync(Ct)).SizeBytes);
    }

    [Fact]
    public async Task Downloading_a_scan_is_audited_as_an_export_and_returns_the_stored_bytes()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Sơn Kỳ", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Tăng Thị Mỹ Lệ");
        var staffId = await NewRecordAsync(portal, officer, "Lục Hoàng Bảo Anh");
        var decisionId = await DecisionAsync(portal, officer, staffId, "93/QĐ-UBND");
        var scan = Pdf("quyết định nâng lương");
        var uploaded = await UploadAsync(portal, officer, staffId, new AttachmentTarget(decisionId, null), "nang-luong.pdf", scan);

        var file = await portal.AsAsync<AttachmentFile?, DecisionService>(principal, s => s.DownloadAsync(uploaded.Id!.Value));

        Assert.NotNull(file);
        Assert.Equal(("nang-luong.pdf", "application/pdf"), (file.FileName, file.ContentType));
        Assert.Equal(scan, file.Bytes);
        await using var db = portal.ReadContext();
        var row = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Exported, Ct);
        Assert.Equal((nameof(Attachment), uploaded.Id.ToString(), principal.Id, school.Id),
            (row.Entity, row.EntityKey, row.UserId, row.UnitId));
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(scan)), row.NewValue);
    }

    [Fact]
    public async Task An_officer_of_one_school_cannot_list_add_to_upload_to_download_from_or_read_the_restricted_part_of_another_schools_record()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var ward = await portal.CreateUnitAsync("Phường Tây Thạnh", OrgUnitKind.Ward, null);
        var schoolA = await portal.CreateUnitAsync("Trường Tiểu học Tây Thạnh A", OrgUnitKind.School, ward);
        var schoolB = await portal.CreateUnitAsync("Trường Tiểu học Tây Thạnh B", OrgUnitKind.School, ward);
        var officerA = await portal.CreateUserAsync(schoolA, PortalRoles.RecordsOfficer, "Lý Thanh Tâm");
        var officerB = await portal.CreateUserAsync(schoolB, PortalRoles.RecordsOfficer, "Hồ Văn Sơn");
        var staffId = await NewRecordAsync(portal, officerB, "Từ Thị Cẩm Vân");
        var decisionId = await DecisionAsync(portal, officerB, staffId, "94/QĐ-UBND");
        await AddAsync(portal, officerB, staffId, Salary(decisionId, step: 2, coefficient: 2.67m, from: new DateOnly(2026, 11, 2)));
        var scan = await UploadAsync(portal, officerB, staffId, new AttachmentTarget(decisionId, null), "qd.pdf", Pdf("của trường B"));
        var row = Assert.Single(await ListAsync<SalaryRecord>(portal, officerB, staffId)).Row;

        var list = await ListAsync<SalaryRecord>(portal, officerA, staffId);
        var versions = await portal.AsAsync<IReadOnlyList<SalaryRecord>, HistoryService>(officerA, s => s.VersionsAsync<SalaryRecord>(staffId, row.LineageId));
        var decisions = await portal.AsAsync<IReadOnlyList<DecisionRow>, DecisionService>(officerA, s => s.ListAsync(staffId));
        var add = await AddAsync(portal, officerA, staffId, Work("Trường lạ", new DateOnly(2020, 1, 1)));
        var correct = await portal.AsAsync<SaveResult, HistoryService>(officerA, s => s.CorrectAsync(staffId, row.Id, row.Version, "Sửa trộm",
            Salary(decisionId, step: 9, coefficient: 4.98m, from: new DateOnly(2026, 11, 2)).ToRow));
        var withdraw = await portal.AsAsync<SaveResult, HistoryService>(officerA, s => s.WithdrawAsync<SalaryRecord>(staffId, row.Id, row.Version, "Xóa trộm"));
        var upload = await UploadAsync(portal, officerA, staffId, new AttachmentTarget(decisionId, null), "qd.pdf", Pdf("của trường A"));
        var download = await portal.AsAsync<AttachmentFile?, DecisionService>(officerA, s => s.DownloadAsync(scan.Id!.Value));
        var restricted = await portal.AsAsync<RestrictedParticulars?, RecordService>(officerA, s => s.GetRestrictedAsync(staffId));

        Assert.Empty(list);
        Assert.Empty(versions);
        Assert.Empty(decisions);
        Assert.All(new[] { add, correct, withdraw, upload }, r => Assert.False(r.Succeeded));
        Assert.Null(download);
        Assert.Null(restricted);
        await using var db = portal.ReadContext();
        var salary = await db.SalaryRecords.SingleAsync(Ct);
        Assert.Equal((row.Id, 2, (DateTimeOffset?)null), (salary.Id, salary.Step, salary.SupersededAt));
        Assert.False(await db.WorkHistoryRecords.AnyAsync(Ct));
        Assert.Equal(1, await db.Attachments.CountAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserId == officerA.Id, Ct), "nothing was changed, viewed or exported as officer A");
    }

    [Fact]
    public async Task A_supervisor_reads_history_but_cannot_add_rows_upload_or_read_the_restricted_part()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var ward = await portal.CreateUnitAsync("Phường Sơn Kỳ", OrgUnitKind.Ward, null);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Sơn Kỳ 2", OrgUnitKind.School, ward);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var supervisor = await portal.CreateUserAsync(ward, PortalRoles.Supervisor, "Đỗ Quang Vinh");
        var staffId = await NewRecordAsync(portal, officer, "Viên Thị Hồng Nhung");
        await AddAsync(portal, officer, staffId, Work("Trường Tiểu học Sơn Kỳ 2", new DateOnly(2026, 11, 2)));

        var seen = await ListAsync<WorkHistoryRecord>(portal, supervisor, staffId);

        Assert.Single(seen);
        await Assert.ThrowsAsync<ForbiddenException>(() => AddAsync(portal, supervisor, staffId, Work("Phòng Giáo dục", new DateOnly(2020, 1, 1))));
        await Assert.ThrowsAsync<ForbiddenException>(() => UploadAsync(portal, supervisor, staffId, new AttachmentTarget(null, "HS01"), "hs01.pdf", Pdf("x")));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<RestrictedParticulars?, RecordService>(supervisor, s => s.GetRestrictedAsync(staffId)));
        await using var db = portal.ReadContext();
        Assert.Equal(1, await db.WorkHistoryRecords.CountAsync(Ct));
        Assert.False(await db.Attachments.AnyAsync(Ct));
    }

    [Fact]
    public async Task Reading_the_restricted_particulars_is_audited_as_viewed_under_the_readers_name()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Tân Thới", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Tăng Thị Mỹ Lệ");
        var staffId = await NewRecordAsync(portal, officer, "Yên Thị Hoài Thương");
        var saved = await portal.AsAsync<SaveResult, RecordService>(officer, s => s.SaveRestrictedAsync(staffId, null,
            new RestrictedInput("Tốt", 158, 49.5m, "O", "Lương", "Nhà riêng", null)));
        Assert.True(saved.Succeeded, saved.Error);

        var read = await portal.AsAsync<RestrictedParticulars?, RecordService>(principal, s => s.GetRestrictedAsync(staffId));

        Assert.Equal(("Tốt", 158), (read!.HealthStatus, read.HeightCm));
        await using var db = portal.ReadContext();
        var row = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Viewed, Ct);
        Assert.Equal(("RestrictedParticulars", staffId.ToString(), principal.Id, principal.Email, school.Id),
            (row.Entity, row.EntityKey, row.UserId, row.UserName, row.UnitId));
    }

    [Fact]
    public async Task A_record_complete_in_every_required_field_and_paper_closes_its_completeness_obligation_today()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Bình Trị Đông", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Thạch Thị Sô Phia");
        Assert.Null((await ObligationAsync(portal, staffId)).CompletedOn);

        await SaveAsync(portal, officer, (s, v) => s.SaveParticularsAsync(staffId, v, new PersonalParticulars(null, new DateOnly(2021, 6, 10),
            new Address("51", "Xã Tịnh Khê", null, null), new Address("51", "Xã Tịnh Khê", null, null), "01", "00", null, null, "0903123456", null,
            new Address("79", "Phường Bình Trị Đông", "12 đường số 7", null), null)), staffId);
        await SaveAsync(portal, officer, (s, v) => s.SaveEmploymentAsync(staffId, v, new Employment("HS-0107", new DateOnly(2026, 11, 2),
            "UBND phường Bình Trị Đông", "Sinh viên", new DateOnly(2026, 11, 2), "Dạy lớp 3", null, null, null)), staffId);
        await SaveAsync(portal, officer, (s, v) => s.SaveEducationAsync(staffId, v, new Education("12/12", "DH", null, null, null, "Tiếng Anh B1", "Cơ bản")), staffId);
        var decisionId = await DecisionAsync(portal, officer, staffId, "125/QĐ-UBND", DecisionKind.Recruitment, new DateOnly(2026, 11, 2));
        Assert.True((await AddAsync(portal, officer, staffId, Salary(decisionId, step: 1, coefficient: 2.34m, from: new DateOnly(2026, 11, 2)))).Succeeded);
        Assert.True((await AddAsync(portal, officer, staffId, Work("Trường Tiểu học Bình Trị Đông", new DateOnly(2026, 11, 2)))).Succeeded);
        List<string> required;
        await using (var db = portal.ReadContext())
            required = await db.DossierItemTypes.Where(t => t.RequiredAtRecruitment && t.IsActive).OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync(Ct);
        Assert.NotEmpty(required);
        foreach (var code in required[..^1])
            Assert.True((await portal.AsAsync<SaveResult, DossierService>(officer, s => s.SetOnFileAsync(staffId, code, true, null, null))).Succeeded);

        var almost = await RecordAsync(portal, officer, staffId);
        Assert.True(almost.Staff.CompletenessPercent < 100, $"{almost.Staff.CompletenessPercent}%");
        Assert.Empty(almost.Completeness.MissingFields);
        Assert.Equal([required[^1]], almost.Completeness.MissingDossierItems);
        Assert.Null((await ObligationAsync(portal, staffId)).CompletedOn);

        var last = await portal.AsAsync<SaveResult, DossierService>(officer, s => s.SetOnFileAsync(staffId, required[^1], true, "Bản chính", null));

        Assert.True(last.Succeeded, last.Error);
        var complete = await RecordAsync(portal, officer, staffId);
        Assert.Equal((100, true), (complete.Staff.CompletenessPercent, complete.Completeness.IsComplete));
        Assert.Equal(Today, (await ObligationAsync(portal, staffId)).CompletedOn);
    }

    [Fact]
    public async Task A_record_goes_from_draft_to_active_to_retired_and_leaves_the_default_list_but_is_never_discarded()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học An Lạc", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var retiring = await NewRecordAsync(portal, officer, "Bạch Văn Thọ");
        var staying = await NewRecordAsync(portal, officer, "Kiều Thị Xuân Mai");
        Assert.Equal(StaffStatus.Draft, (await RecordAsync(portal, officer, retiring)).Staff.Status);

        await SaveAsync(portal, officer, (s, v) => s.ActivateAsync(retiring, v), retiring);
        await SaveAsync(portal, officer, (s, v) => s.ActivateAsync(staying, v), staying);
        Assert.Equal(StaffStatus.Active, (await RecordAsync(portal, officer, retiring)).Staff.Status);
        var decisionId = await DecisionAsync(portal, officer, retiring, "130/QĐ-UBND", DecisionKind.Retirement);
        await SaveAsync(portal, officer, (s, v) => s.LeaveAsync(retiring, v, StaffStatus.Retired, new DateOnly(2026, 11, 28), decisionId), retiring);

        var retired = (await RecordAsync(portal, officer, retiring)).Staff;
        Assert.Equal((StaffStatus.Retired, new DateOnly(2026, 11, 28), decisionId), (retired.Status, retired.StatusOn, retired.StatusDecisionId));
        async Task<string[]> Names(StaffQuery query) =>
            [.. (await portal.AsAsync<PageOf<StaffRow>, StaffService>(officer, s => s.ListAsync(query))).Items.Select(r => r.FullName)];
        Assert.Equal(["Kiều Thị Xuân Mai"], await Names(FirstPage));
        Assert.Equal(["Bạch Văn Thọ"], await Names(FirstPage with { Status = StaffStatus.Retired }));
        foreach (var id in new[] { retiring, staying })
        {
            var discard = await portal.AsAsync<SaveResult, RecordService>(officer, async s => await s.DiscardDraftAsync(id, await VersionOfAsync(portal, id)));
            Assert.False(discard.Succeeded);
        }
        await using var db = portal.ReadContext();
        Assert.Equal(2, await db.Staff.CountAsync(Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Deleted, Ct));
    }

    [Fact]
    public async Task A_person_leaving_needs_a_decision_of_their_own_unless_deceased()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Lê Công Phép", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var staffId = await NewRecordAsync(portal, officer, "Lâm Văn Chiến");
        var otherId = await NewRecordAsync(portal, officer, "Văn Thị Hòa");
        var decisionOfOther = await DecisionAsync(portal, officer, otherId, "131/QĐ-UBND", DecisionKind.Resignation);
        await SaveAsync(portal, officer, (s, v) => s.ActivateAsync(staffId, v), staffId);

        var without = await portal.AsAsync<SaveResult, RecordService>(officer,
            async s => await s.LeaveAsync(staffId, await VersionOfAsync(portal, staffId), StaffStatus.Resigned, Today, null));
        var borrowed = await portal.AsAsync<SaveResult, RecordService>(officer,
            async s => await s.LeaveAsync(staffId, await VersionOfAsync(portal, staffId), StaffStatus.Resigned, Today, decisionOfOther));

        Assert.Contains("DecisionId", without.FieldErrors.Keys);
        Assert.Contains("DecisionId", borrowed.FieldErrors.Keys);
        Assert.Equal(StaffStatus.Active, (await RecordAsync(portal, officer, staffId)).Staff.Status);
    }

    [Fact]
    public async Task Discarding_a_fresh_draft_deletes_it_with_its_rows_and_scans_and_audits_every_deletion()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Bình Hưng", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var draft = await NewRecordAsync(portal, officer, "Nhan Thị Lụa");
        var keptId = await NewRecordAsync(portal, officer, "Cù Văn Lộc");
        var decisionId = await DecisionAsync(portal, officer, draft, "132/QĐ-UBND");
        await AddAsync(portal, officer, draft, Salary(decisionId, step: 1, coefficient: 2.34m, from: new DateOnly(2026, 11, 2)));
        await AddAsync(portal, officer, draft, Work("Trường Tiểu học Bình Hưng", new DateOnly(2026, 11, 2)));
        var scan = await UploadAsync(portal, officer, draft, new AttachmentTarget(decisionId, null), "qd.pdf", Pdf("nháp"));
        await portal.AsAsync<SaveResult, DossierService>(officer, s => s.SetOnFileAsync(draft, "HS01", true, null, null));
        await portal.AsAsync<SaveResult, RecordService>(officer, s => s.SaveRestrictedAsync(draft, null, new RestrictedInput("Tốt", null, null, null, null, null, null)));
        Assert.True(scan.Succeeded, scan.Error);
        Guid salaryId;
        await using (var before = portal.ReadContext()) salaryId = await before.SalaryRecords.Where(r => r.StaffMemberId == draft).Select(r => r.Id).SingleAsync(Ct);

        var discarded = await portal.AsAsync<SaveResult, RecordService>(officer, async s => await s.DiscardDraftAsync(draft, await VersionOfAsync(portal, draft)));

        Assert.True(discarded.Succeeded, discarded.Error);
        await using var db = portal.ReadContext();
        Assert.Equal([keptId], await db.Staff.Select(s => s.Id).ToListAsync(Ct));
        Assert.False(await db.SalaryRecords.AnyAsync(Ct));
        Assert.False(await db.WorkHistoryRecords.AnyAsync(r => r.StaffMemberId == draft, Ct));
        Assert.False(await db.Decisions.AnyAsync(Ct));
        Assert.False(await db.Attachments.AnyAsync(Ct));
        Assert.False(await db.AttachmentContents.AnyAsync(Ct));
        Assert.False(await db.DossierItems.AnyAsync(Ct));
        Assert.False(await db.RestrictedParticulars.AnyAsync(Ct));
        // The kept record's two: "create the e-record" (Decree 27/2026, met at once) and "complete it".
        Assert.Equal([keptId, keptId], await db.Obligations.Select(o => o.StaffMemberId).ToListAsync(Ct));
        var deleted = await db.AuditEntries.Where(a => a.Action == AuditAction.Deleted).ToListAsync(Ct);
        Assert.All(deleted, r => Assert.Equal((officer.Id, school.Id), (r.UserId, r.UnitId)));
        Assert.Contains(deleted, r => (r.Entity, r.EntityKey, r.Field, r.OldValue) == (nameof(StaffMember), draft.ToString(), "FullName", "Nhan Thị Lụa"));
        Assert.Contains(deleted, r => (r.Entity, r.EntityKey) == (nameof(SalaryRecord), salaryId.ToString()));
        Assert.Contains(deleted, r => (r.Entity, r.EntityKey) == (nameof(Attachment), scan.Id.ToString()));
        Assert.Contains(deleted, r => (r.Entity, r.EntityKey) == (nameof(Decision), decisionId.ToString()));
        Assert.Contains(deleted, r => r.Entity == "Obligation");
        Assert.Single(deleted.Select(r => r.CorrelationId).Distinct());
    }

    [Fact]
    public async Task The_list_filters_by_party_membership_qualification_and_current_title_and_finds_a_staff_code_in_any_case()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Kỳ Đồng", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var duyen = await NewRecordAsync(portal, officer, "Lương Thị Mỹ Duyên");
        var tuong = await NewRecordAsync(portal, officer, "Kha Văn Tường");
        var han = await NewRecordAsync(portal, officer, "Ông Ngọc Hân");
        var vy = await NewRecordAsync(portal, officer, "Tôn Nữ Hạ Vy");
        await SaveAsync(portal, officer, (s, v) => s.SaveAffiliationsAsync(duyen, v,
            new Affiliations(new DateOnly(2015, 5, 19), new DateOnly(2016, 5, 19), null, null, null, null, null, null, null, null, null),
            new PersonalHistory(null, null, null)), duyen);
        await SaveAsync(portal, officer, (s, v) => s.SaveEducationAsync(duyen, v, new Education("12/12", "THS", null, null, null, null, null)), duyen);
        await SaveAsync(portal, officer, (s, v) => s.SaveEducationAsync(tuong, v, new Education("12/12", "DH", null, null, null, null, null)), tuong);
        var raise = await DecisionAsync(portal, officer, duyen, "140/QĐ-UBND");
        await AddAsync(portal, officer, duyen, Salary(raise, step: 2, coefficient: 4.34m, from: Today, "V.07.03.28", "Giáo viên tiểu học hạng II"));
        // A salary decided today but paid from next month is not yet the title in force.
        var future = await DecisionAsync(portal, officer, tuong, "141/QĐ-UBND", effectiveOn: new DateOnly(2026, 12, 1));
        await AddAsync(portal, officer, tuong, Salary(future, step: 1, coefficient: 2.34m, from: new DateOnly(2026, 12, 1)));
        await SaveAsync(portal, officer, (s, v) => s.SaveEmploymentAsync(han, v, new Employment("HS-0042", null, null, null, null, null, null, null, null)), han);
        await SaveAsync(portal, officer, (s, v) => s.SaveEmploymentAsync(vy, v, new Employment("HS-00420", null, null, null, null, null, null, null, null)), vy);

        async Task<string[]> Names(StaffQuery query) =>
            [.. (await portal.AsAsync<PageOf<StaffRow>, StaffService>(officer, s => s.ListAsync(query))).Items.Select(r => r.FullName).Order(StringComparer.Ordinal)];

        Assert.Equal(["Lương Thị Mỹ Duyên"], await Names(FirstPage with { PartyMember = true }));
        Assert.Equal(new[] { "Kha Văn Tường", "Ông Ngọc Hân", "Tôn Nữ Hạ Vy" }.Order(StringComparer.Ordinal), await Names(FirstPage with { PartyMember = false }));
        Assert.Equal(["Lương Thị Mỹ Duyên"], await Names(FirstPage with { QualificationCode = "THS" }));
        Assert.Equal(["Kha Văn Tường"], await Names(FirstPage with { QualificationCode = "DH" }));
        Assert.Equal(["Lương Thị Mỹ Duyên"], await Names(FirstPage with { TitleCode = "V.07.03.28" }));
        Assert.Empty(await Names(FirstPage with { TitleCode = "V.07.03.29" }));
        Assert.Equal(["Ông Ngọc Hân"], await Names(FirstPage with { Search = "hs-0042" }));
        Assert.Equal(["Ông Ngọc Hân"], await Names(FirstPage with { Search = " HS-0042 " }));
        var row = (await portal.AsAsync<PageOf<StaffRow>, StaffService>(officer, s => s.ListAsync(FirstPage with { TitleCode = "V.07.03.28" }))).Items.Single();
        Assert.Equal(("V.07.03.28", "Giáo viên tiểu học hạng II"), (row.TitleCode, row.ProfessionalTitle));
    }

    [Fact]
    public async Task Dates_after_the_schools_today_are_refused_beside_their_field_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Ngày Mai", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Giang Thị Mỹ");
        var staffId = await NewRecordAsync(portal, officer, "Quách Thị Diệu");
        var version = await VersionOfAsync(portal, staffId);
        var tomorrow = Today.AddDays(1);

        var particulars = await portal.AsAsync<SaveResult, RecordService>(officer, s => s.SaveParticularsAsync(staffId, version,
            new PersonalParticulars(null, tomorrow, Address.Empty, Address.Empty, null, null, null, null, null, null, Address.Empty, null)));
        var employment = await portal.AsAsync<SaveResult, RecordService>(officer, s => s.SaveEmploymentAsync(staffId, version,
            new Employment(null, tomorrow, "UBND phường", null, null, null, null, null, null)));

        Assert.Equal(Strings.DateInFuture, particulars.FieldErrors[nameof(PersonalParticulars.CitizenIdIssuedOn)]);
        Assert.Equal(Strings.DateInFuture, employment.FieldErrors[nameof(Employment.FirstRecruitedOn)]);
        Assert.Equal(version, await VersionOfAsync(portal, staffId));
    }

    private static async Task<Guid> NewRecordAsync(PortalHarness portal, TestUser officer, string fullName)
    {
        var created = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid(fullName)));
        Assert.True(created.Succeeded, created.Error);
        return created.Id!.Value;
    }

    private static async Task<Guid> DecisionAsync(PortalHarness portal, TestUser user, Guid staffId, string number,
        DecisionKind kind = DecisionKind.SalaryRaise, DateOnly? signedOn = null, DateOnly? effectiveOn = null)
    {
        var signed = signedOn ?? new DateOnly(2026, 11, 20);
        var saved = await portal.AsAsync<SaveResult, DecisionService>(user, s => s.SaveAsync(staffId, null, null,
            new DecisionParticulars(number, kind, "Quyết định về việc của viên chức", "Trần Văn Phúc", "UBND phường", signed, effectiveOn ?? signed)));
        Assert.True(saved.Succeeded, saved.Error);
        return saved.Id!.Value;
    }

    private static SalaryRowForm Salary(Guid? decisionId, int step, decimal coefficient, DateOnly from,
        string titleCode = "V.07.03.29", string titleName = "Giáo viên tiểu học hạng III") => new()
    {
        DecisionId = decisionId, TitleCode = titleCode, TitleName = titleName, SalaryGroup = "A1", Step = step, Coefficient = coefficient,
        From = from.ToDateTime(TimeOnly.MinValue),
    };

    private static WorkHistoryRowForm Work(string organisation, DateOnly from) =>
        new() { Organisation = organisation, Role = "Giáo viên", From = from.ToDateTime(TimeOnly.MinValue) };

    private static Task<SaveResult> AddAsync<T>(PortalHarness portal, TestUser user, Guid staffId, IRowForm<T> form) where T : RecordRow =>
        portal.AsAsync<SaveResult, HistoryService>(user, s => s.AddAsync(staffId, form.ToRow));

    private static Task<IReadOnlyList<RowView<T>>> ListAsync<T>(PortalHarness portal, TestUser user, Guid staffId, DateTimeOffset? knownAt = null)
        where T : RecordRow =>
        portal.AsAsync<IReadOnlyList<RowView<T>>, HistoryService>(user, s => s.ListAsync<T>(staffId, knownAt));

    private static Task<SaveResult> UploadAsync(PortalHarness portal, TestUser user, Guid staffId, AttachmentTarget target, string fileName, byte[] bytes) =>
        portal.AsAsync<SaveResult, DecisionService>(user, async s =>
        {
            await using var content = new MemoryStream(bytes);
            return await s.UploadAsync(staffId, target, fileName, content);
        });

    /// <summary>Bytes that are a PDF by their signature, different for each <paramref name="body"/>.</summary>
    private static byte[] Pdf(string body) => [.. "%PDF-1.7\n"u8.ToArray(), .. System.Text.Encoding.UTF8.GetBytes(body), 0x0A, 0xE2, 0xE3, 0xCF, 0xD3, .. "\n%%EOF\n"u8.ToArray()];

    private static async Task<uint> VersionOfAsync(PortalHarness portal, Guid staffId)
    {
        await using var db = portal.ReadContext();
        return await db.Staff.Where(s => s.Id == staffId).Select(s => s.Version).SingleAsync(Ct);
    }

    /// <summary>Saves a section of the record on its current version, as a form loaded just before would.</summary>
    private static async Task SaveAsync(PortalHarness portal, TestUser user, Func<RecordService, uint, Task<SaveResult>> save, Guid staffId)
    {
        var version = await VersionOfAsync(portal, staffId);
        var result = await portal.AsAsync<SaveResult, RecordService>(user, s => save(s, version));
        Assert.True(result.Succeeded, result.Error ?? string.Join(" ", result.FieldErrors.Values));
    }

    private static async Task<RecordView> RecordAsync(PortalHarness portal, TestUser user, Guid staffId) =>
        await portal.AsAsync<RecordView?, RecordService>(user, s => s.GetAsync(staffId)) ?? throw new InvalidOperationException("record not found");

    private static async Task<Portal.Domain.Deadlines.Obligation> ObligationAsync(PortalHarness portal, Guid staffId)
    {
        await using var db = portal.ReadContext();
        return await db.Obligations.SingleAsync(o => o.StaffMemberId == staffId && o.Awaits == Portal.Domain.Deadlines.RuleAwaits.RecordComplete, Ct);
    }
}
