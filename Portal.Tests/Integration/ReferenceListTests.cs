using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Domain.Reference;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Records;
using Portal.Web.Features.ReferenceLists;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

public sealed class ReferenceListTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Thành phố Hồ Chí Minh in the seeded provinces.json (QĐ 19/2025/QĐ-TTg).</summary>
    private const string HoChiMinhCity = "79";

    private static readonly TitleChange Teacher = new("Giáo viên tiểu học (thử)", "A1", new DateOnly(2026, 1, 1), null, null,
        "Luật Nhà giáo 2025 (thử)");

    [Fact]
    public async Task An_admin_adds_a_ward_under_a_province_and_the_record_pickers_offer_it()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);

        var result = await portal.AsAsync<SaveResult, ReferenceService>(admin,
            s => s.SaveItemAsync(ReferenceKind.Ward, "26734", "Phường Sài Gòn", 1, true, HoChiMinhCity, isNew: true, Ct));

        Assert.True(result.Succeeded, result.Error);
        var lists = await portal.AsAsync<ReferenceLists, ReferenceService>(admin, s => s.ListsAsync(Ct));
        var ward = Assert.Single(lists.Of(ReferenceKind.Ward));
        Assert.Equal(("26734", "Phường Sài Gòn", HoChiMinhCity, true), (ward.Code, ward.Name, ward.ParentCode, ward.IsActive));
    }

    [Fact]
    public async Task A_code_already_in_the_list_is_a_message_on_the_code_and_the_entry_keeps_its_name()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        await portal.AsAsync<SaveResult, ReferenceService>(admin,
            s => s.SaveItemAsync(ReferenceKind.Ward, "26737", "Phường Bến Thành", 1, true, HoChiMinhCity, isNew: true, Ct));

        var duplicate = await portal.AsAsync<SaveResult, ReferenceService>(admin,
            s => s.SaveItemAsync(ReferenceKind.Ward, "26737", "Phường Khác", 2, true, HoChiMinhCity, isNew: true, Ct));

        Assert.False(duplicate.Succeeded);
        Assert.Equal("Mã này đã có trong danh mục.", duplicate.FieldErrors["Code"]);
        await using var db = portal.ReadContext();
        var saved = await db.ReferenceItems.SingleAsync(r => r.Kind == ReferenceKind.Ward && r.Code == "26737", Ct);
        Assert.Equal("Phường Bến Thành", saved.Name);
    }

    [Fact]
    public async Task Retiring_an_entry_keeps_it_so_records_that_use_its_code_still_show_its_name()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);

        var result = await portal.AsAsync<SaveResult, ReferenceService>(admin,
            s => s.SaveItemAsync(ReferenceKind.Religion, "99", "Khác", 99, isActive: false, null, isNew: false, Ct));

        Assert.True(result.Succeeded, result.Error);
        var lists = await portal.AsAsync<ReferenceLists, ReferenceService>(admin, s => s.ListsAsync(Ct));
        var retired = Assert.Single(lists.Of(ReferenceKind.Religion), r => r.Code == "99");
        Assert.False(retired.IsActive);
        Assert.Equal("Khác", lists.NameOf(ReferenceKind.Religion, "99"));
    }

    [Fact]
    public async Task A_principal_can_change_neither_a_list_entry_nor_a_title()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Kim Đồng", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Trần Thị Minh Châu");

        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, ReferenceService>(principal,
            s => s.SaveItemAsync(ReferenceKind.Ward, "26740", "Phường Bàn Cờ", 1, true, HoChiMinhCity, isNew: true, Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, TitleService>(principal,
            s => s.SaveAsync("GV.TEST", isNew: true, Teacher, ct: Ct)));
        await using var db = portal.ReadContext();
        Assert.False(await db.ReferenceItems.AnyAsync(r => r.Code == "26740", Ct));
        Assert.False(await db.TitleDefinitions.AnyAsync(t => t.Code == "GV.TEST", Ct));
    }

    [Fact]
    public async Task A_title_that_ends_before_it_starts_is_a_message_on_the_end_date_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var backwards = Teacher with { InForceFrom = new DateOnly(2026, 1, 1), InForceUntil = new DateOnly(2025, 12, 31) };

        var result = await portal.AsAsync<SaveResult, TitleService>(admin, s => s.SaveAsync("GV.TEST", isNew: true, backwards, ct: Ct));

        Assert.False(result.Succeeded);
        Assert.Equal("Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.", result.FieldErrors["InForceUntil"]);
        await using var db = portal.ReadContext();
        Assert.False(await db.TitleDefinitions.AnyAsync(t => t.Code == "GV.TEST", Ct));
    }

    [Fact]
    public async Task Renaming_a_title_is_audited_with_the_old_and_new_name()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var titles = await portal.AsAsync<IReadOnlyList<TitleRow>, TitleService>(admin, s => s.ListAsync(Ct));
        var old = titles.Single(t => t.Code == "V.07.03.29");
        var renamed = new TitleChange("Giáo viên tiểu học hạng III (đã đổi tên)", old.SalaryGroup, old.InForceFrom, old.InForceUntil,
            old.ReplacedBy, old.LegalSource);

        var result = await portal.AsAsync<SaveResult, TitleService>(admin, s => s.SaveAsync(old.Code, isNew: false, renamed, old.Version, Ct));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.ReadContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Entity == "TitleDefinition" && a.EntityKey == "V.07.03.29" && a.Field == "Name"
            && a.Action == AuditAction.Modified, Ct);
        Assert.Equal((old.Name, renamed.Name, admin.Email), (entry.OldValue, entry.NewValue, entry.UserName));
    }

    [Fact]
    public async Task A_new_title_code_already_in_the_list_is_a_message_on_the_code()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);

        var result = await portal.AsAsync<SaveResult, TitleService>(admin, s => s.SaveAsync("V.07.03.29", isNew: true, Teacher, ct: Ct));

        Assert.Equal("Mã này đã có trong danh mục.", result.FieldErrors["Code"]);
        await using var db = portal.ReadContext();
        Assert.Equal("Giáo viên tiểu học hạng III", (await db.TitleDefinitions.SingleAsync(t => t.Code == "V.07.03.29", Ct)).Name);
    }

    [Fact]
    public async Task A_title_saved_over_a_stale_version_is_refused_and_names_who_changed_it()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var other = await portal.CreateUserAsync(admin.Unit, PortalRoles.Admin, "Lê Quốc Bảo");
        var opened = (await portal.AsAsync<IReadOnlyList<TitleRow>, TitleService>(admin, s => s.ListAsync(Ct))).Single(t => t.Code == "V.07.03.28");
        var change = new TitleChange(opened.Name, opened.SalaryGroup, opened.InForceFrom, opened.InForceUntil, opened.ReplacedBy, opened.LegalSource);
        await portal.AsAsync<SaveResult, TitleService>(other, s => s.SaveAsync(opened.Code, false, change with { Name = "Bản của Bảo" }, opened.Version, Ct));

        var stale = await portal.AsAsync<SaveResult, TitleService>(admin, s => s.SaveAsync(opened.Code, false, change with { Name = "Bản cũ" }, opened.Version, Ct));

        Assert.False(stale.Succeeded);
        Assert.Contains(other.Email, stale.Error);
        await using var db = portal.ReadContext();
        Assert.Equal("Bản của Bảo", (await db.TitleDefinitions.SingleAsync(t => t.Code == "V.07.03.28", Ct)).Name);
    }

    private static async Task<TestUser> AdminAsync(PortalHarness portal)
    {
        var office = await portal.CreateUnitAsync("Phòng Văn hóa - Xã hội", OrgUnitKind.Ward, null);
        return await portal.CreateUserAsync(office, PortalRoles.Admin, "Nguyễn Văn An");
    }
}
