using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Records;
using Portal.Web.Features.Staff;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>
/// Accounts under control: created, granted, restricted, extended, revoked and restored by a second person, each with its
/// reason in the log, and each taking effect at sign-in.
/// </summary>
public sealed class AccountServiceTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_principal_creates_an_officer_account_whose_one_time_password_signs_in_and_whose_creation_is_logged_with_its_reason()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Cửa Ngõ", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Văn Thị Cổng");

        var created = await portal.AsAsync<AccountResult, AccountService>(principal, s => s.CreateAsync(Form(school, PortalRoles.RecordsOfficer, "vanthu@cuango.test"), Ct));

        Assert.True(created.Succeeded);
        var (signsIn, mustChange, role) = await portal.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByIdAsync(created.Id!))!;
            return (await users.CheckPasswordAsync(account, created.OneTimePassword!), account.MustChangePassword, (await users.GetRolesAsync(account)).Single());
        });
        Assert.True(signsIn);
        Assert.True(mustChange);
        Assert.Equal(PortalRoles.RecordsOfficer, role);
        await using var db = portal.ReadContext();
        var note = await db.AuditEntries.SingleAsync(a => a.EntityKey == created.Id && a.Field == "Account.Created", Ct);
        Assert.Equal(principal.Email, note.UserName);
        Assert.Contains("nhân viên mới theo hợp đồng", note.NewValue);
        // The row changes and the note are one save: one correlation, and the password never in clear.
        var save = await db.AuditEntries.Where(a => a.CorrelationId == note.CorrelationId).ToListAsync(Ct);
        Assert.Contains(save, a => a.Entity == nameof(PortalUser) && a.Field == "Email" && a.NewValue == "vanthu@cuango.test");
        Assert.DoesNotContain(save, a => a.NewValue?.Contains(created.OneTimePassword!) == true);
    }

    [Fact]
    public async Task A_principal_may_not_grant_admin_touch_another_school_s_accounts_or_change_their_own()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Giới Hạn", OrgUnitKind.School, null);
        var other = await portal.CreateUnitAsync("Trường Tiểu học Láng Giềng", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Khuất Thị Hạn");
        var neighbour = await portal.CreateUserAsync(other, PortalRoles.RecordsOfficer, "Lã Văn Giềng");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            portal.AsAsync<AccountResult, AccountService>(principal, s => s.CreateAsync(Form(school, PortalRoles.Admin, "quantri@gioihan.test"), Ct)));
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            portal.AsAsync<AccountResult, AccountService>(principal, s => s.CreateAsync(Form(other, PortalRoles.Staff, "gv@langgieng.test"), Ct)));
        var foreign = await portal.AsAsync<AccountResult, AccountService>(principal, s => s.RevokeAsync(neighbour.Id, "thử", 0, Ct));
        Assert.Equal(Strings.AccountNotFound, foreign.Error);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            portal.AsAsync<AccountResult, AccountService>(principal, async s => await s.RevokeAsync(principal.Id, "tự khóa", await VersionAsync(portal, principal.Id), Ct)));
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Mạc Văn Ghi");
        await Assert.ThrowsAsync<ForbiddenException>(() => portal.AsAsync<AccountsView, AccountService>(officer, s => s.ListAsync(null, Ct)));
        var list = await portal.AsAsync<AccountsView, AccountService>(principal, s => s.ListAsync(null, Ct));
        Assert.DoesNotContain(list.Accounts, a => a.Id == neighbour.Id);
        Assert.False(list.Accounts.Single(a => a.Id == principal.Id).CanManage);
        Assert.Equal([PortalRoles.RecordsOfficer, PortalRoles.Staff], list.GrantableRoles);
    }

    [Fact]
    public async Task Revoking_refuses_sign_in_and_ends_sessions_and_restoring_gives_both_back()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Thu Hồi", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Ninh Thị Thu");
        var teacher = await portal.CreateUserAsync(school, PortalRoles.Staff, "Ông Văn Hồi");

        var missingReason = await portal.AsAsync<AccountResult, AccountService>(principal, async s => await s.RevokeAsync(teacher.Id, " ", await VersionAsync(portal, teacher.Id), Ct));
        Assert.Equal(Strings.AccountReasonRequired, missingReason.FieldErrors["Reason"]);
        Assert.True(await CanSignInAsync(portal, teacher.Id));

        var revoked = await portal.AsAsync<AccountResult, AccountService>(principal, async s => await s.RevokeAsync(teacher.Id, "nghỉ việc từ 01/12/2026", await VersionAsync(portal, teacher.Id), Ct));
        Assert.True(revoked.Succeeded);
        Assert.False(await CanSignInAsync(portal, teacher.Id));
        var state = (await portal.AsAsync<AccountsView, AccountService>(principal, s => s.ListAsync("Hồi", Ct))).Accounts.Single();
        Assert.Equal(AccountState.Revoked, state.State);

        var restored = await portal.AsAsync<AccountResult, AccountService>(principal, async s => await s.RestoreAsync(teacher.Id, "quay lại làm việc", await VersionAsync(portal, teacher.Id), Ct));
        Assert.True(restored.Succeeded);
        Assert.True(await CanSignInAsync(portal, teacher.Id));
        await using var db = portal.ReadContext();
        Assert.Equal(["Account.Restored", "Account.Revoked"], await db.AuditEntries.Where(a => a.EntityKey == teacher.Id && a.Field.StartsWith("Account."))
            .OrderByDescending(a => a.Id).Select(a => a.Field).ToListAsync(Ct));
    }

    [Fact]
    public async Task An_account_past_its_end_cannot_sign_in_until_it_is_extended_and_a_restriction_holds_until_its_day()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Gia Hạn", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Doãn Thị Hạn");
        var teacher = await portal.CreateUserAsync(school, PortalRoles.Staff, "Thạch Văn Dài");
        var row = (await portal.AsAsync<AccountsView, AccountService>(principal, s => s.ListAsync("Dài", Ct))).Accounts.Single();

        var ended = AccountForm.Of(row);
        ended.AccessUntil = portal.Clock.Today.AddDays(-1);
        ended.Reason = "hợp đồng đã hết";
        Assert.True((await portal.AsAsync<AccountResult, AccountService>(principal, s => s.ChangeAsync(teacher.Id, ended, Ct))).Succeeded);
        Assert.False(await CanSignInAsync(portal, teacher.Id));

        var extended = AccountForm.Of((await portal.AsAsync<AccountsView, AccountService>(principal, s => s.ListAsync("Dài", Ct))).Accounts.Single());
        Assert.Equal(AccountState.Expired, (await portal.AsAsync<AccountsView, AccountService>(principal, s => s.ListAsync("Dài", Ct))).Accounts.Single().State);
        extended.AccessUntil = new DateOnly(2027, 8, 31);
        extended.Reason = "gia hạn hợp đồng đến hết năm học";
        Assert.True((await portal.AsAsync<AccountResult, AccountService>(principal, s => s.ChangeAsync(teacher.Id, extended, Ct))).Succeeded);
        Assert.True(await CanSignInAsync(portal, teacher.Id));

        var restrictedUntil = portal.Clock.Today.AddDays(3);
        Assert.True((await portal.AsAsync<AccountResult, AccountService>(principal, async s =>
            await s.RestrictAsync(teacher.Id, restrictedUntil, "đang xác minh sự việc", await VersionAsync(portal, teacher.Id), Ct))).Succeeded);
        Assert.True(await IsLockedOutAsync(portal, teacher.Id));
        var restricted = (await portal.AsAsync<AccountsView, AccountService>(principal, s => s.ListAsync("Dài", Ct))).Accounts.Single();
        Assert.Equal(AccountState.Restricted, restricted.State);
        Assert.Equal(restrictedUntil.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeZoneInfo.ConvertTime(restricted.RestrictedUntil!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

        await using var db = portal.ReadContext();
        var notes = await db.AuditEntries.Where(a => a.EntityKey == teacher.Id && a.Field.StartsWith("Account.")).OrderBy(a => a.Id).Select(a => a.Field + ": " + a.NewValue).ToListAsync(Ct);
        Assert.Equal(3, notes.Count);
        Assert.StartsWith("Account.Extended: 28/11/2026 — hợp đồng đã hết", notes[0]);
        Assert.StartsWith("Account.Extended: 31/08/2027 — gia hạn", notes[1]);
        Assert.StartsWith($"Account.Restricted: {restrictedUntil:dd/MM/yyyy}", notes[2]);
    }

    [Fact]
    public async Task A_user_who_edits_their_own_record_is_flagged_for_the_principal()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Tự Sửa", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Hà Thị Soát");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Quách Văn Tự");
        var own = (await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Quách Văn Tự")))).Id!.Value;
        var colleague = (await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Kha Thị Đồng Nghiệp")))).Id!.Value;
        var row = (await portal.AsAsync<AccountsView, AccountService>(principal, s => s.ListAsync("Quách", Ct))).Accounts.Single();
        var link = AccountForm.Of(row);
        link.StaffMemberId = own;
        link.Reason = "gắn hồ sơ của chính người dùng";
        Assert.True((await portal.AsAsync<AccountResult, AccountService>(principal, s => s.ChangeAsync(officer.Id, link, Ct))).Succeeded);
        portal.Clock.Advance(TimeSpan.FromMinutes(1));

        await portal.AsAsync<SaveResult, HistoryService>(officer, s => s.AddAsync(own,
            new WorkHistoryRowForm { Organisation = "Trường Tiểu học Tự Sửa", From = new DateTime(2019, 9, 1) }.ToRow));
        await portal.AsAsync<SaveResult, HistoryService>(officer, s => s.AddAsync(colleague,
            new WorkHistoryRowForm { Organisation = "Trường Tiểu học Tự Sửa", From = new DateTime(2018, 9, 1) }.ToRow));

        var review = await portal.AsAsync<ReviewState, AuditReviewService>(principal, s => s.PendingAsync(Ct));
        // Creating the record and adding its work history: two saves on their own record; the colleague's is not flagged.
        var flags = review.Flags.Where(f => f.Kind == AuditFlagKind.OwnRecord).ToList();
        Assert.Equal(2, flags.Count);
        Assert.All(flags, f => Assert.Equal(officer.Email, f.UserName));
        Assert.Contains(flags, f => f.Detail.StartsWith("WorkHistoryRecord."));
    }

    private static AccountForm Form(OrgUnit unit, string role, string email) => new()
    {
        Email = email, FullName = "Bạch Thị Mới", Role = role, UnitId = unit.Id, Reason = "nhân viên mới theo hợp đồng số 12/HĐ",
    };

    private static async Task<uint> VersionAsync(PortalHarness portal, string id)
    {
        await using var db = portal.ReadContext();
        return await db.Users.Where(u => u.Id == id).Select(u => u.Version).SingleAsync(Ct);
    }

    private static Task<bool> CanSignInAsync(PortalHarness portal, string id) => portal.AsSystemAsync(async sp =>
    {
        var account = (await sp.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(id))!;
        return await sp.GetRequiredService<SignInManager<PortalUser>>().CanSignInAsync(account);
    });

    private static Task<bool> IsLockedOutAsync(PortalHarness portal, string id) => portal.AsSystemAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(id))!);
    });
}
