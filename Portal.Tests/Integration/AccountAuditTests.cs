using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Account;

namespace Portal.Tests.Integration;

public sealed class AccountAuditTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_are_logged_against_the_account_with_their_outcome_in_the_accounts_unit()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Cửa Ngõ", OrgUnitKind.School, null);
        var teacher = await portal.CreateUserAsync(school, PortalRoles.Staff, "Thái Thị Cúc");

        await portal.AsSystemAsync(sp => sp.GetRequiredService<AccountAudit>().SignInAsync(teacher.Email, SignInResult.Failed, Ct));
        await portal.AsSystemAsync(sp => sp.GetRequiredService<AccountAudit>().SignInAsync(teacher.Email.ToUpperInvariant(), SignInResult.LockedOut, Ct));
        await portal.AsSystemAsync(sp => sp.GetRequiredService<AccountAudit>().SignInAsync(teacher.Email, SignInResult.Success, Ct));
        await portal.AsSystemAsync(sp => sp.GetRequiredService<AccountAudit>().SignInAsync("khong-co@test.portal", SignInResult.Failed, Ct));

        await using var db = portal.ReadContext();
        var rows = await db.AuditEntries.Where(a => a.Field == "SignIn").OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.UserId, a.UnitId, a.NewValue, a.EntityKey }).ToListAsync(Ct);
        Assert.Equal(
        [
            (AuditAction.SignInFailed, teacher.Id, (Guid?)school.Id, "sai mật khẩu"),
            (AuditAction.SignInFailed, teacher.Id, school.Id, "tài khoản đang bị khóa"),
            (AuditAction.SignedIn, teacher.Id, school.Id, "thành công"),
            (AuditAction.SignInFailed, null!, null, "không có tài khoản này"),
        ], rows.Select(r => (r.Action, r.UserId!, r.UnitId, r.NewValue!)));
        Assert.Equal("khong-co@test.portal", rows[^1].EntityKey);
    }
}
