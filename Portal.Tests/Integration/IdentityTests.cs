using System.Buffers.Binary;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Account;

namespace Portal.Tests.Integration;

public sealed class IdentityTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData("ngắn7ký", false)]
    [InlineData("12345678", false)]
    [InlineData("matkhau123", false)]
    [InlineData("Password1", false)]
    [InlineData("hoa sen nở giữa hồ", true)]
    [InlineData("abcdefgk", true)]
    public async Task Passwords_need_8_characters_and_no_composition_rules_but_common_ones_are_refused(string password, bool accepted)
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Kim Đồng", OrgUnitKind.School, null);

        var result = await portal.AsSystemAsync(sp =>
        {
            var email = $"{Guid.NewGuid():N}@test.portal";
            return sp.GetRequiredService<UserManager<PortalUser>>().CreateAsync(
                new PortalUser { UserName = email, Email = email, FullName = "Lê Thị Hồng", UnitId = school.Id }, password);
        });

        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public async Task Password_hashes_use_210000_pbkdf2_iterations()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);

        var hash = await portal.AsSystemAsync(sp => Task.FromResult(
            sp.GetRequiredService<IPasswordHasher<PortalUser>>().HashPassword(new PortalUser(), "một cụm mật khẩu dài")));

        // Identity v3 format: 0x01 | PRF (4 bytes) | iteration count (4 bytes, big-endian) | salt length | salt | subkey.
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(210_000, (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)));
    }

    [Fact]
    public async Task Five_failed_passwords_lock_the_account_for_15_minutes()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Trần Quốc Toản", OrgUnitKind.School, null);
        var user = await portal.CreateUserAsync(school, PortalRoles.Staff, "Phan Văn Trị");

        var (lockedAfterFour, lockedAfterFive, lockoutEnd) = await portal.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            for (var i = 0; i < 4; i++) await users.AccessFailedAsync(account);
            var afterFour = await users.IsLockedOutAsync(account);
            await users.AccessFailedAsync(account);
            return (afterFour, await users.IsLockedOutAsync(account), await users.GetLockoutEndDateAsync(account));
        });

        Assert.False(lockedAfterFour);
        Assert.True(lockedAfterFive);
        // Identity stamps the lockout with the system clock, not the portal's TimeProvider.
        Assert.InRange(lockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task A_disabled_account_fails_the_next_revalidation_of_its_open_sessions()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Lê Lợi", OrgUnitKind.School, null);
        var user = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Trương Mỹ Linh");

        var (before, after) = await portal.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var options = sp.GetRequiredService<IOptions<IdentityOptions>>().Value;
            var account = (await users.FindByIdAsync(user.Id))!;
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(account);
            var valid = await RevalidatingUserStateProvider.IsStillValidAsync(users, principal, options, portal.Clock.Today);
            account.IsDisabled = true;
            await users.UpdateSecurityStampAsync(account);
            return (valid, await RevalidatingUserStateProvider.IsStillValidAsync(users, principal, options, portal.Clock.Today));
        });

        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public async Task The_sign_in_cookie_carries_the_unit_and_the_forced_password_change()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Nguyễn Du", OrgUnitKind.School, null);
        var user = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Châu Ngọc Trâm");

        var principal = await portal.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var account = (await users.FindByIdAsync(user.Id))!;
            account.MustChangePassword = true;
            await users.UpdateAsync(account);
            return await sp.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(account);
        });

        Assert.Equal(school.Id.ToString(), principal.FindFirstValue(Portal.Web.Shared.PortalClaims.UnitId));
        Assert.True(principal.HasClaim(Portal.Web.Shared.PortalClaims.MustChangePassword, "true"));
        Assert.True(principal.IsInRole(PortalRoles.RecordsOfficer));
    }
}
