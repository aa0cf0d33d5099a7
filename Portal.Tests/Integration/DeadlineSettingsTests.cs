using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Deadlines;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Data.Seed;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.DeadlineSettings;
using Portal.Web.Features.Deadlines;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>
/// The Admin's screens of the deadline engine, below the UI: rules edited and ended without code, the rule sets each unit
/// applies, the yearly calendar adjustments, and the mail templates — each refused to anyone else, checked on the
/// server, and logged.
/// </summary>
public sealed class DeadlineSettingsTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The school regulation's 15 days to record a decision's change (deadline-rules.json).</summary>
    private const string SchoolChangeRule = "QC14-2021.D8.K2a";

    private const string Digest = "deadline-digest";

    /// <summary>Fri 03/09/2027, the day after National Day, made a day off in exchange for Sat 11/09/2027 (an invented swap).</summary>
    private static readonly CalendarAdjustment SwapDayOff = new(new DateOnly(2027, 9, 3), CalendarAdjustmentKind.DayOff,
        "Nghỉ hoán đổi dịp Quốc khánh 2027 (thử)", "Thông báo hoán đổi ngày làm việc năm 2027 (thử)");

    private static readonly CalendarAdjustment SwapWorkingDay = new(new DateOnly(2027, 9, 11), CalendarAdjustmentKind.WorkingDay,
        "Làm bù cho thứ Sáu 03/09/2027 (thử)", "Thông báo hoán đổi ngày làm việc năm 2027 (thử)");

    [Fact]
    public async Task Only_an_admin_may_read_or_change_the_rules_the_calendar_the_unit_sets_or_the_mail_templates()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Bình Minh", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Hà Thị Thanh Tâm");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Lưu Văn Khải");
        var rule = await RuleAsync(portal, SchoolChangeRule);

        foreach (var user in new[] { principal, officer })
        {
            await Refused(user, s => s.RulesAsync(Ct));
            await Refused(user, s => s.ChangeRuleAsync(rule.Id, rule.Rule with { Days = 1 }, rule.Version, Ct));
            await Refused(user, s => s.AddRuleAsync("TEST-1", rule.Rule, Ct));
            await Refused(user, s => s.UnitRuleSetsAsync(Ct));
            await Refused(user, s => s.ApplyRuleSetsAsync(school.Id, ["ND27-2026"], school.Version, Ct));
            await Refused(user, s => s.CalendarAsync(2027, Ct));
            await Refused(user, s => s.AddAdjustmentAsync(SwapDayOff, Ct));
            await Refused(user, s => s.RemoveAdjustmentAsync(new DateOnly(2025, 4, 26), Ct));
            await Refused(user, s => s.TemplatesAsync(Ct));
            await Refused(user, s => s.SaveTemplateAsync(Digest, "Thư lạ", "Nội dung lạ", 0, Ct));
        }

        await using var db = portal.ReadContext();
        Assert.Equal(15, (await db.DeadlineRules.SingleAsync(r => r.Code == SchoolChangeRule, Ct)).Days);
        Assert.False(await db.DeadlineRules.AnyAsync(r => r.Code == "TEST-1", Ct));
        Assert.False(await db.CalendarAdjustments.AnyAsync(a => a.Date == SwapDayOff.Date, Ct));
        Assert.True(await db.CalendarAdjustments.AnyAsync(a => a.Date == new DateOnly(2025, 4, 26), Ct));
        Assert.NotEqual("Thư lạ", (await db.MailTemplates.SingleAsync(t => t.Key == Digest, Ct)).Subject);
        Assert.Equal(OrgUnit.DefaultRuleSets, (await db.Units.SingleAsync(u => u.Id == school.Id, Ct)).DeadlineRuleSets);

        Task Refused<T>(TestUser user, Func<DeadlineSettingsService, Task<T>> work) =>
            Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync(user, work));
    }

    [Fact]
    public async Task A_rule_edited_and_ended_by_its_last_day_is_saved_and_logged_with_the_old_and_new_values()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var opened = await RuleAsync(portal, SchoolChangeRule);

        var result = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.ChangeRuleAsync(opened.Id,
            opened.Rule with { Days = 10, InForceUntil = new DateOnly(2026, 12, 31) }, opened.Version, Ct));

        Assert.True(result.Succeeded, result.Error);
        await using var db = portal.ReadContext();
        var saved = await db.DeadlineRules.SingleAsync(r => r.Id == opened.Id, Ct);
        Assert.Equal((SchoolChangeRule, 10, (DateOnly?)new DateOnly(2026, 12, 31)), (saved.Code, saved.Days, saved.InForceUntil));
        var log = await db.AuditEntries.Where(a => a.Entity == nameof(LegalDeadlineRule) && a.EntityKey == opened.Id.ToString()
            && a.Action == AuditAction.Modified).ToListAsync(Ct);
        Assert.Equal(["Days", "InForceUntil"], log.Select(a => a.Field).Order());
        Assert.Contains(log, a => a is { Field: "Days", OldValue: "15", NewValue: "10" });
        Assert.Contains(log, a => a is { Field: "InForceUntil", OldValue: null, NewValue: "2026-12-31" });
        Assert.All(log, a => Assert.Equal(admin.Email, a.UserName));
    }

    [Fact]
    public async Task A_bad_rule_gets_a_Vietnamese_message_beside_each_field_and_nothing_is_saved()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var bad = new RuleChange(" ", "QC14-2021", DeadlineTrigger.FixedYearlyDate, RuleAwaits.Report, ResponsibleParty.Unit, -3,
            DayCounting.CalendarDays, null, null, "", new DateOnly(2027, 1, 1), new DateOnly(2026, 12, 31));

        var added = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.AddRuleAsync("TEST-BAO-CAO", bad, Ct));

        Assert.False(added.Succeeded);
        Assert.Equal(new Dictionary<string, string>
        {
            ["Title"] = "Vui lòng nhập tên nghĩa vụ.",
            ["Days"] = "Số ngày phải từ 0 trở lên.",
            ["FixedMonth"] = "Quy định hằng năm cần tháng đến hạn từ 1 đến 12.",
            ["LegalSource"] = "Vui lòng nhập căn cứ pháp lý.",
            ["InForceUntil"] = "Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.",
        }, added.FieldErrors);
        var opened = await RuleAsync(portal, SchoolChangeRule);
        var leapDay = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.ChangeRuleAsync(opened.Id,
            opened.Rule with { Trigger = DeadlineTrigger.YearlyDeclaration, FixedMonth = 2, FixedDay = 29 }, opened.Version, Ct));
        var eventWithDay = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.ChangeRuleAsync(opened.Id,
            opened.Rule with { FixedMonth = 6, FixedDay = 14 }, opened.Version, Ct));
        var taken = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.AddRuleAsync(SchoolChangeRule, opened.Rule, Ct));

        Assert.StartsWith("Quy định hằng năm cần ngày đến hạn có trong mọi năm", leapDay.FieldErrors["FixedDay"]);
        Assert.Equal("Chỉ quy định hằng năm mới có ngày đến hạn cố định.", eventWithDay.FieldErrors["FixedDay"]);
        Assert.Equal("Mã này đã có trong danh mục.", taken.FieldErrors["Code"]);
        await using var db = portal.ReadContext();
        Assert.False(await db.DeadlineRules.AnyAsync(r => r.Code == "TEST-BAO-CAO", Ct));
        Assert.Equal(1, await db.DeadlineRules.CountAsync(r => r.Code == SchoolChangeRule, Ct));
        var unchanged = await db.DeadlineRules.SingleAsync(r => r.Id == opened.Id, Ct);
        Assert.Equal((15, DeadlineTrigger.DecisionEffective, (int?)null), (unchanged.Days, unchanged.Trigger, unchanged.FixedDay));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(LegalDeadlineRule) && a.UserName == admin.Email, Ct));
    }

    [Fact]
    public async Task An_admin_adds_a_yearly_rule_which_is_listed_in_its_set_and_due_on_its_day()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var report = new RuleChange("Báo cáo tổng hợp hồ sơ cuối năm (thử)", "QC14-2021", DeadlineTrigger.FixedYearlyDate, RuleAwaits.Report,
            ResponsibleParty.Principal, 10, DayCounting.WorkingDays, 12, 15, "Quy chế nội bộ (thử), Điều 3", new DateOnly(2027, 1, 1), null);

        var result = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.AddRuleAsync(" QC14-THU.BC ", report, Ct));

        Assert.True(result.Succeeded, result.Error);
        var rules = await portal.AsAsync<IReadOnlyList<RuleRow>, DeadlineSettingsService>(admin, s => s.RulesAsync(Ct));
        var listed = rules.Single(r => r.Code == "QC14-THU.BC");
        Assert.Equal((result.Id!.Value, report), (listed.Id, listed.Rule));
        await using var db = portal.ReadContext();
        var saved = await db.DeadlineRules.SingleAsync(r => r.Id == listed.Id, Ct);
        // 15/12/2027 is a Wednesday: due that day.
        Assert.Equal(new DateOnly(2027, 12, 15), saved.DueDateIn(2027, WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public async Task A_rule_saved_over_a_stale_version_is_refused_and_names_who_changed_it()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var other = await portal.CreateUserAsync(admin.Unit, PortalRoles.Admin, "Mạc Văn Thịnh");
        var opened = await RuleAsync(portal, SchoolChangeRule);
        await portal.AsAsync<SaveResult, DeadlineSettingsService>(other, s => s.ChangeRuleAsync(opened.Id, opened.Rule with { Days = 20 }, opened.Version, Ct));

        var stale = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.ChangeRuleAsync(opened.Id, opened.Rule with { Days = 5 }, opened.Version, Ct));

        Assert.False(stale.Succeeded);
        Assert.Contains(other.Email, stale.Error);
        Assert.Contains("Số ngày", stale.Error);
        await using var db = portal.ReadContext();
        Assert.Equal(20, (await db.DeadlineRules.SingleAsync(r => r.Id == opened.Id, Ct)).Days);
    }

    [Fact]
    public async Task A_swap_entered_by_the_admin_changes_the_working_calendar_and_a_second_adjustment_of_a_date_is_refused_on_the_date()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        Assert.Equal((true, false), await WorkingAsync(portal));

        var dayOff = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.AddAdjustmentAsync(SwapDayOff, Ct));
        var workingDay = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.AddAdjustmentAsync(SwapWorkingDay, Ct));
        var again = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin,
            s => s.AddAdjustmentAsync(SwapDayOff with { Kind = CalendarAdjustmentKind.WorkingDay, Reason = "Nhập trùng" }, Ct));

        Assert.True(dayOff.Succeeded && workingDay.Succeeded, dayOff.Error ?? workingDay.Error);
        Assert.Equal((false, true), await WorkingAsync(portal));
        Assert.Equal("Ngày này đã có điều chỉnh; mỗi ngày chỉ có một điều chỉnh. Hãy xóa điều chỉnh cũ nếu cần thay.", again.FieldErrors["Date"]);
        var year = await portal.AsAsync<CalendarYear, DeadlineSettingsService>(admin, s => s.CalendarAsync(2027, Ct));
        Assert.Equal([SwapDayOff, SwapWorkingDay], year.Adjustments);
        Assert.Contains(year.Days, d => d is { Kind: CalendarDayKind.DayOff, Name: "Nghỉ hoán đổi dịp Quốc khánh 2027 (thử)" } && d.Date == SwapDayOff.Date);
        Assert.Contains(year.Holidays, h => h.Name == "Quốc khánh");
        await using var db = portal.ReadContext();
        Assert.Equal(SwapDayOff.Reason, (await db.CalendarAdjustments.SingleAsync(a => a.Date == SwapDayOff.Date, Ct)).Reason);
    }

    [Fact]
    public async Task Removing_an_adjustment_gives_back_the_computed_day_and_the_log_keeps_what_it_said()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.AddAdjustmentAsync(SwapDayOff, Ct));

        var removed = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.RemoveAdjustmentAsync(SwapDayOff.Date, Ct));
        var twice = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.RemoveAdjustmentAsync(SwapDayOff.Date, Ct));

        Assert.True(removed.Succeeded, removed.Error);
        Assert.False(twice.Succeeded);
        Assert.Equal((true, false), await WorkingAsync(portal));
        await using var db = portal.ReadContext();
        var deleted = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(CalendarAdjustment) && a.EntityKey == "2027-09-03"
            && a.Action == AuditAction.Deleted && a.Field == "Reason", Ct);
        Assert.Equal((SwapDayOff.Reason, admin.Email), (deleted.OldValue, deleted.UserName));
    }

    [Fact]
    public async Task A_shipped_adjustment_the_admin_removed_is_not_brought_back_by_a_restart()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        // Sat 26/04/2025, worked in exchange for Fri 02/05/2025 (holidays.json).
        var saturday = new DateOnly(2025, 4, 26);

        var removed = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.RemoveAdjustmentAsync(saturday, Ct));
        await portal.AsSystemAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            await ReferenceData.SeedAsync(db, Ct);
        });

        Assert.True(removed.Succeeded, removed.Error);
        await using var read = portal.ReadContext();
        Assert.False(await read.CalendarAdjustments.AnyAsync(a => a.Date == saturday, Ct));
        Assert.True(await read.CalendarAdjustments.AnyAsync(a => a.Date == new DateOnly(2025, 5, 2), Ct));
    }

    [Fact]
    public async Task A_template_with_an_unknown_placeholder_is_refused_beside_that_field_and_the_saved_wording_stays()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var opened = (await portal.AsAsync<IReadOnlyList<TemplateRow>, DeadlineSettingsService>(admin, s => s.TemplatesAsync(Ct))).Single(t => t.Key == Digest);

        var result = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin,
            s => s.SaveTemplateAsync(Digest, opened.Subject, "Kính gửi {{HoTenn}},\n\n{{ViecCuaBan}}", opened.Version, Ct));

        Assert.False(result.Succeeded);
        Assert.Equal(["Body"], result.FieldErrors.Keys);
        Assert.StartsWith("Mẫu thư này không có chỗ điền {{HoTenn}}", result.FieldErrors["Body"]);
        await using var db = portal.ReadContext();
        Assert.Equal(opened.Body, (await db.MailTemplates.SingleAsync(t => t.Key == Digest, Ct)).Body);
    }

    [Fact]
    public async Task A_reworded_template_is_saved_logged_and_sent_as_worded_and_a_stale_save_is_refused()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var admin = await AdminAsync(portal);
        var other = await portal.CreateUserAsync(admin.Unit, PortalRoles.Admin, "Ninh Thị Bảo Ngọc");
        var opened = (await portal.AsAsync<IReadOnlyList<TemplateRow>, DeadlineSettingsService>(admin, s => s.TemplatesAsync(Ct))).Single(t => t.Key == Digest);

        var saved = await portal.AsAsync<SaveResult, DeadlineSettingsService>(other,
            s => s.SaveTemplateAsync(Digest, "Nhắc việc {{Ngay}}", "Thưa {{HoTen}},\r\n\r\n{{ViecCuaBan}}", opened.Version, Ct));
        var stale = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin,
            s => s.SaveTemplateAsync(Digest, "Bản cũ", opened.Body, opened.Version, Ct));

        Assert.True(saved.Succeeded, saved.Error);
        Assert.False(stale.Succeeded);
        Assert.Contains(other.Email, stale.Error);
        await using var db = portal.ReadContext();
        var template = await db.MailTemplates.SingleAsync(t => t.Key == Digest, Ct);
        Assert.Equal(("Nhắc việc 07/12/2026", "Thưa Quách Thị Mỹ,\n\n"),
            template.Render(new Dictionary<string, string> { ["Ngay"] = "07/12/2026", ["HoTen"] = "Quách Thị Mỹ", ["ViecCuaBan"] = "" }));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == "MailTemplate" && a.EntityKey == Digest && a.Field == "Subject"
            && a.NewValue == "Nhắc việc {{Ngay}}" && a.UserName == other.Email, Ct));
    }

    [Fact]
    public async Task An_admin_chooses_the_rule_sets_of_the_units_in_their_scope_and_cannot_leave_a_unit_with_none()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var department = await portal.CreateUnitAsync("Sở Giáo dục và Đào tạo (thử)", OrgUnitKind.Department, null);
        var ward = await portal.CreateUnitAsync("UBND Phường Tân Lập (thử)", OrgUnitKind.Ward, department);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Bình Minh", OrgUnitKind.School, ward);
        var elsewhere = await portal.CreateUnitAsync("Trường Tiểu học Ngoài Phạm Vi", OrgUnitKind.School, null);
        var admin = await portal.CreateUserAsync(ward, PortalRoles.Admin, "Tạ Quang Vinh");

        var table = await portal.AsAsync<UnitRuleSets, DeadlineSettingsService>(admin, s => s.UnitRuleSetsAsync(Ct));

        Assert.Equal(["ND27-2026", "QC14-2021"], table.Sets);
        Assert.Equal([(ward.Name, 0), (school.Name, 1)], table.Units.Select(u => (u.Name, u.Depth)));
        var row = table.Units.Single(u => u.Id == school.Id);
        var applied = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.ApplyRuleSetsAsync(school.Id, ["ND27-2026"], row.Version, Ct));
        Assert.True(applied.Succeeded, applied.Error);

        var version = (await portal.AsAsync<UnitRuleSets, DeadlineSettingsService>(admin, s => s.UnitRuleSetsAsync(Ct))).Units.Single(u => u.Id == school.Id).Version;
        var none = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.ApplyRuleSetsAsync(school.Id, [], version, Ct));
        var unknown = await portal.AsAsync<SaveResult, DeadlineSettingsService>(admin, s => s.ApplyRuleSetsAsync(school.Id, ["ND99-2030"], version, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<SaveResult, DeadlineSettingsService>(admin,
            s => s.ApplyRuleSetsAsync(elsewhere.Id, ["ND27-2026"], elsewhere.Version, Ct)));

        Assert.Equal("Đơn vị phải áp dụng ít nhất một bộ quy định.", none.FieldErrors["RuleSets"]);
        Assert.Equal("Không có quy định nào thuộc bộ ND99-2030.", unknown.FieldErrors["RuleSets"]);
        await using var db = portal.ReadContext();
        Assert.Equal(["ND27-2026"], (await db.Units.SingleAsync(u => u.Id == school.Id, Ct)).DeadlineRuleSets);
        Assert.Equal(OrgUnit.DefaultRuleSets, (await db.Units.SingleAsync(u => u.Id == elsewhere.Id, Ct)).DeadlineRuleSets);
        var logged = await db.AuditEntries.SingleAsync(a => a.Entity == nameof(OrgUnit) && a.EntityKey == school.Id.ToString()
            && a.Field == nameof(OrgUnit.DeadlineRuleSets) && a.Action == AuditAction.Modified, Ct);
        Assert.Equal(("QC14-2021, ND27-2026", "ND27-2026", admin.Email), (logged.OldValue, logged.NewValue, logged.UserName));
    }

    private static async Task<TestUser> AdminAsync(PortalHarness portal)
    {
        var department = await portal.CreateUnitAsync("Sở Giáo dục và Đào tạo (thử)", OrgUnitKind.Department, null);
        return await portal.CreateUserAsync(department, PortalRoles.Admin, "Khổng Minh Triết");
    }

    /// <summary>A rule as the Admin's screen opens it, read as the system (tests of refusals have no admin to ask).</summary>
    private static async Task<RuleRow> RuleAsync(PortalHarness portal, string code)
    {
        await using var db = portal.ReadContext();
        var r = await db.DeadlineRules.AsNoTracking().SingleAsync(r => r.Code == code, Ct);
        return new RuleRow(r.Id, r.Code, new RuleChange(r.Title, r.RuleSet, r.Trigger, r.Awaits, r.Responsible, r.Days, r.Counting,
            r.FixedMonth, r.FixedDay, r.LegalSource, r.InForceFrom, r.InForceUntil), r.Version);
    }

    /// <summary>Whether Fri 03/09/2027 and Sat 11/09/2027 are working days, on the calendar the deadlines count with.</summary>
    private static async Task<(bool Friday, bool Saturday)> WorkingAsync(PortalHarness portal)
    {
        await using var db = portal.ReadContext();
        var calendar = await WorkingCalendars.LoadAsync(db, 2027, 2027, Ct);
        return (calendar.IsWorkingDay(SwapDayOff.Date), calendar.IsWorkingDay(SwapWorkingDay.Date));
    }
}
