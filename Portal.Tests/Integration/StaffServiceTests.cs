using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

public sealed class StaffServiceTests(PostgresFixture postgres)
{
    private static readonly StaffQuery FirstPage = new(null, 0, 50, null, false);

    [Fact]
    public async Task Saving_a_new_staff_member_opens_the_60_day_obligation_under_the_school_regulation()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Sen Hồng", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");

        var result = await portal.AsAsync<SaveResult, StaffService>(officer,
            s => s.CreateAsync(StaffForms.Valid("Đặng Minh Thư", new DateOnly(2024, 1, 15)), TestContext.Current.CancellationToken));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.ReadContext();
        var obligation = await db.Obligations.SingleAsync(o => o.StaffMemberId == result.Id, TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(2024, 3, 15), obligation.DueOn);
        Assert.Equal("QC14-2021.D8.K1", obligation.RuleCode);
        Assert.Contains("Điều 8 khoản 1", obligation.LegalSource);
    }

    [Fact]
    public async Task Every_field_of_a_new_staff_member_is_audited_under_the_officers_name_in_the_same_save()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Bình Minh", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Ngô Thị Lan Anh");

        var result = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Vũ Hoàng Yến")));

        await using var db = portal.ReadContext();
        var rows = await db.AuditEntries.Where(a => a.EntityKey == result.Id.ToString()).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(rows, r => Assert.Equal((officer.Id, officer.Email, AuditAction.Added, school.Id), (r.UserId, r.UserName, r.Action, r.UnitId)));
        Assert.Contains(rows, r => r.Field == "FullName" && r.NewValue == "Vũ Hoàng Yến" && r.OldValue == null);
        Assert.Contains(rows, r => r.Field == "RecruitmentDecisionDate" && r.NewValue == "2026-11-02");
        Assert.Single(rows.Select(r => r.CorrelationId).Distinct());
        var obligationRows = await db.AuditEntries.CountAsync(a => a.Entity == "Obligation" && a.CorrelationId == rows[0].CorrelationId, TestContext.Current.CancellationToken);
        Assert.True(obligationRows > 0, "the obligation is saved, and audited, in the same SaveChanges as the staff member");
    }

    [Fact]
    public async Task An_officer_of_one_school_cannot_list_read_or_change_another_schools_staff()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var ward = await portal.CreateUnitAsync("Phường Tân Phú Đông", OrgUnitKind.Ward, null);
        var schoolA = await portal.CreateUnitAsync("Trường Tiểu học A", OrgUnitKind.School, ward);
        var schoolB = await portal.CreateUnitAsync("Trường Tiểu học B", OrgUnitKind.School, ward);
        var officerA = await portal.CreateUserAsync(schoolA, PortalRoles.RecordsOfficer, "Lý Thanh Tâm");
        var officerB = await portal.CreateUserAsync(schoolB, PortalRoles.RecordsOfficer, "Hồ Văn Sơn");
        var supervisor = await portal.CreateUserAsync(ward, PortalRoles.Supervisor, "Đỗ Quang Vinh");
        var inB = await portal.AsAsync<SaveResult, StaffService>(officerB, s => s.CreateAsync(StaffForms.Valid("Bùi Thị Hằng")));

        var listA = await portal.AsAsync<PageOf<StaffRow>, StaffService>(officerA, s => s.ListAsync(FirstPage));
        var readA = await portal.AsAsync<StaffFormModel?, StaffService>(officerA, s => s.GetForEditAsync(inB.Id!.Value));
        var changeA = await portal.AsAsync<SaveResult, StaffService>(officerA, s => s.UpdateAsync(inB.Id!.Value, StaffForms.Valid("Đổi Tên")));
        var listWard = await portal.AsAsync<PageOf<StaffRow>, StaffService>(supervisor, s => s.ListAsync(FirstPage));

        Assert.Empty(listA.Items);
        Assert.Null(readA);
        Assert.False(changeA.Succeeded);
        Assert.Equal("Bùi Thị Hằng", Assert.Single(listWard.Items).FullName);
    }

    [Fact]
    public async Task A_staff_member_or_supervisor_cannot_create_records_and_a_staff_member_cannot_list_them()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Hướng Dương", OrgUnitKind.School, null);
        var teacher = await portal.CreateUserAsync(school, PortalRoles.Staff, "Lê Văn Khoa");
        var supervisor = await portal.CreateUserAsync(school, PortalRoles.Supervisor, "Trịnh Công Minh");

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<PageOf<StaffRow>, StaffService>(teacher, s => s.ListAsync(FirstPage)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, StaffService>(supervisor, s => s.CreateAsync(StaffForms.Valid())));
        await using var db = portal.ReadContext();
        Assert.False(await db.Staff.AnyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_save_on_a_stale_version_is_refused_and_names_who_changed_what()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Phú Lâm", OrgUnitKind.School, null);
        var ha = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var chau = await portal.CreateUserAsync(school, PortalRoles.Principal, "Trần Thị Minh Châu");
        var created = await portal.AsAsync<SaveResult, StaffService>(ha, s => s.CreateAsync(StaffForms.Valid("Hoàng Ngọc Diệp")));
        var id = created.Id!.Value;
        var formOfHa = await portal.AsAsync<StaffFormModel?, StaffService>(ha, s => s.GetForEditAsync(id));
        var formOfChau = await portal.AsAsync<StaffFormModel?, StaffService>(chau, s => s.GetForEditAsync(id));

        formOfChau!.ProfessionalTitle = "Giáo viên tiểu học hạng II";
        var first = await portal.AsAsync<SaveResult, StaffService>(chau, s => s.UpdateAsync(id, formOfChau));
        formOfHa!.FullName = "Hoàng Ngọc Điệp";
        var second = await portal.AsAsync<SaveResult, StaffService>(ha, s => s.UpdateAsync(id, formOfHa));

        Assert.True(first.Succeeded, first.Error);
        Assert.False(second.Succeeded);
        Assert.Contains(chau.Email, second.Error);
        Assert.Contains("Chức danh nghề nghiệp", second.Error);
        await using var db = portal.ReadContext();
        var saved = await db.Staff.SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal(("Hoàng Ngọc Diệp", "Giáo viên tiểu học hạng II"), (saved.FullName, saved.ProfessionalTitle));
    }

    [Fact]
    public async Task A_citizen_id_already_on_file_is_a_message_on_that_field_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Tân Tạo", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var first = StaffForms.Valid("Lý Hải Yến");
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(first));
        var duplicate = StaffForms.Valid("Mai Thị Hoa");
        duplicate.CitizenId = first.CitizenId;

        var result = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(duplicate));

        Assert.Equal("Số CCCD này đã có trong hồ sơ của người khác.", result.FieldErrors[nameof(StaffFormModel.CitizenId)]);
        await using var db = portal.ReadContext();
        Assert.Equal(1, await db.Staff.CountAsync(TestContext.Current.CancellationToken));
        // The first record's two obligations (create, complete); none from the refused save.
        Assert.Equal(2, await db.Obligations.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_case_and_finds_by_citizen_id()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Lạc Long", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var thu = StaffForms.Valid("Nguyễn Thị Ngọc Thu");
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(thu));
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Đinh Công Tráng")));

        var byName = await portal.AsAsync<PageOf<StaffRow>, StaffService>(officer, s => s.ListAsync(FirstPage with { Search = "ngoc THU" }));
        var byD = await portal.AsAsync<PageOf<StaffRow>, StaffService>(officer, s => s.ListAsync(FirstPage with { Search = "dinh cong" }));
        var byId = await portal.AsAsync<PageOf<StaffRow>, StaffService>(officer, s => s.ListAsync(FirstPage with { Search = thu.CitizenId }));

        Assert.Equal("Nguyễn Thị Ngọc Thu", Assert.Single(byName.Items).FullName);
        Assert.Equal("Đinh Công Tráng", Assert.Single(byD.Items).FullName);
        Assert.Equal("Nguyễn Thị Ngọc Thu", Assert.Single(byId.Items).FullName);
    }

    [Fact]
    public async Task A_recruitment_decision_dated_after_today_is_refused_beside_its_field()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Hòa Bình", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");

        // The harness's clock says Sunday 29/11/2026 in Ho Chi Minh City.
        var tomorrow = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Lâm Thị Ngọc", new DateOnly(2026, 11, 30))));
        var today = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Lâm Thị Ngọc", new DateOnly(2026, 11, 29))));

        Assert.Equal("Ngày quyết định tuyển dụng không được sau hôm nay.", tomorrow.FieldErrors[nameof(StaffFormModel.RecruitmentDecisionDate)]);
        Assert.True(today.Succeeded, today.Error);
    }

    [Fact]
    public async Task The_list_filters_by_unit_subtree_gender_and_age_band_on_the_school_calendar_day()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var ward = await portal.CreateUnitAsync("Phường Bình Hưng Hòa", OrgUnitKind.Ward, null);
        var schoolA = await portal.CreateUnitAsync("Trường Tiểu học Ngô Quyền", OrgUnitKind.School, ward);
        var schoolB = await portal.CreateUnitAsync("Trường Tiểu học Lê Lai", OrgUnitKind.School, ward);
        var officerA = await portal.CreateUserAsync(schoolA, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        var officerB = await portal.CreateUserAsync(schoolB, PortalRoles.RecordsOfficer, "Hồ Văn Sơn");
        var supervisor = await portal.CreateUserAsync(ward, PortalRoles.Supervisor, "Đỗ Quang Vinh");
        // The clock says 29/11/2026: born 29/11/1996 is 30 today; born 30/11/1996 is still 29.
        var thirty = StaffForms.Valid("Ông Văn Ba Mươi");
        (thirty.Gender, thirty.DateOfBirth) = (Gender.Male, new DateTime(1996, 11, 29));
        var twentyNine = StaffForms.Valid("Bà Thị Hai Chín");
        twentyNine.DateOfBirth = new DateTime(1996, 11, 30);
        await portal.AsAsync<SaveResult, StaffService>(officerA, s => s.CreateAsync(thirty));
        await portal.AsAsync<SaveResult, StaffService>(officerB, s => s.CreateAsync(twentyNine));

        async Task<string[]> Names(StaffQuery query) =>
            [.. (await portal.AsAsync<PageOf<StaffRow>, StaffService>(supervisor, s => s.ListAsync(query))).Items.Select(r => r.FullName)];

        Assert.Equal(["Bà Thị Hai Chín", "Ông Văn Ba Mươi"], await Names(FirstPage));
        Assert.Equal(["Ông Văn Ba Mươi"], await Names(FirstPage with { UnitId = schoolA.Id }));
        Assert.Equal(["Bà Thị Hai Chín", "Ông Văn Ba Mươi"], await Names(FirstPage with { UnitId = ward.Id }));
        Assert.Equal(["Ông Văn Ba Mươi"], await Names(FirstPage with { Gender = Gender.Male }));
        Assert.Equal(["Ông Văn Ba Mươi"], await Names(FirstPage with { AgeBand = AgeBand.Parse("30-39") }));
        Assert.Equal(["Bà Thị Hai Chín"], await Names(FirstPage with { AgeBand = AgeBand.Parse("u30") }));
        var units = await portal.AsAsync<IReadOnlyList<UnitChoice>, StaffService>(officerA, s => s.UnitsAsync());
        Assert.Equal([schoolA.Id], units.Select(u => u.Id));
    }

    [Theory]
    [InlineData("17 years and 364 days on the recruitment date", 2008, 11, 3, false)]
    [InlineData("exactly 18 on the recruitment date", 2008, 11, 2, true)]
    [InlineData("71 on the recruitment date", 1955, 11, 1, false)]
    public async Task The_birth_date_must_make_the_person_18_to_70_on_the_recruitment_date_under_the_limits_in_force(
        string _, int year, int month, int day, bool accepted)
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Hướng Dương", OrgUnitKind.School, null);
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Lâm Thị Kiều");
        var form = StaffForms.Valid("Mạc Thị Thùy Dung");
        form.DateOfBirth = new DateTime(year, month, day);

        var result = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(form));

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted) Assert.Contains("từ 18 đến 70 tuổi", result.FieldErrors[nameof(StaffFormModel.DateOfBirth)]);
    }
}
