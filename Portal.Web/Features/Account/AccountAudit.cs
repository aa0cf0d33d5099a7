using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>
/// Account events that change no data row but belong in the log: sign-in successes and failures (with the reason: wrong
/// password, locked out, disabled), and sign-outs. The row names the account concerned, so the principal sees attempts
/// on their staff's accounts; the address and browser are the requester's.
/// </summary>
public sealed class AccountAudit(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock)
{
    public async Task SignInAsync(string email, SignInResult result, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var normalized = email.Trim().ToUpperInvariant();
        var account = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.UserName, u.UnitId }).FirstOrDefaultAsync(ct);
        var requester = user.Current;
        var actor = requester with { UserId = account?.Id, UserName = account?.UserName ?? email.Trim(), UnitId = account?.UnitId };
        var (action, outcome) = result switch
        {
            { Succeeded: true } => (AuditAction.SignedIn, "thành công"),
            { IsLockedOut: true } => (AuditAction.SignInFailed, "tài khoản đang bị khóa"),
            { IsNotAllowed: true } => (AuditAction.SignInFailed, "tài khoản không được phép đăng nhập"),
            _ => (AuditAction.SignInFailed, account is null ? "không có tài khoản này" : "sai mật khẩu"),
        };
        await AuditTrail.RecordAsync(db, clock.Now, actor, action, nameof(PortalUser), account?.Id ?? email.Trim(), ct, "SignIn", account?.UnitId, outcome);
    }

    public async Task SignOutAsync(CancellationToken ct = default)
    {
        var actor = user.Current;
        if (actor.UserId is null) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await AuditTrail.RecordAsync(db, clock.Now, actor, AuditAction.SignedOut, nameof(PortalUser), actor.UserId, ct, "SignOut", actor.UnitId, null);
    }
}
