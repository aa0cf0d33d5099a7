using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Audit;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Accounts;

/// <summary>
/// Accounts under control (Quy chế, Điều 10): created, granted a role and unit, restricted for a time, extended, revoked
/// and restored, each with the reason the user gives, in one transaction with its audit rows. An Admin manages every
/// account of their subtree; a principal only the staff and records-officer accounts of their own school, and nobody
/// changes their own account here (a second person's hand is the control).
/// </summary>
public sealed class AccountService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock,
    IPasswordHasher<PortalUser> hasher, UserManager<PortalUser> users)
{
    private static readonly string[] Managers = [PortalRoles.Admin, PortalRoles.Principal];

    /// <summary>The roles <paramref name="scope"/> may grant: an Admin any, a principal only those below them.</summary>
    public static IReadOnlyList<string> GrantableBy(UserScope scope) =>
        scope.IsInRole(PortalRoles.Admin) ? PortalRoles.All : [PortalRoles.RecordsOfficer, PortalRoles.Staff];

    public async Task<AccountsView> ListAsync(string? search, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(Managers, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking().Where(u => scope.UnitIds(db).Contains(u.UnitId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = $"%{search.Trim()}%";
            query = query.Where(u => EF.Functions.ILike(u.FullName, term) || EF.Functions.ILike(u.Email!, term));
        }
        var today = clock.Today;
        var now = clock.Now;
        var rows = await query.OrderBy(u => u.FullName).Take(500)
            .Select(u => new
            {
                u.Id, u.Email, u.FullName, u.UnitId, UnitName = db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Name).First(),
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
                u.StaffMemberId, StaffName = db.Staff.Where(s => s.Id == u.StaffMemberId).Select(s => s.FullName).FirstOrDefault(),
                u.IsDisabled, u.AccessUntil, u.LockoutEnd, u.MustChangePassword, u.Version,
            }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => scope.UnitIds(db).Contains(u.Id)).OrderBy(u => u.Path)
            .Select(u => new UnitChoice(u.Id, u.Name)).ToListAsync(ct);
        return new AccountsView(rows.Select(r => new AccountRow(r.Id, r.Email ?? "", r.FullName, r.UnitId, r.UnitName, r.Role ?? "",
            r.StaffMemberId, r.StaffName,
            r.IsDisabled ? AccountState.Revoked
            : r.AccessUntil < today ? AccountState.Expired
            : r.LockoutEnd > now ? AccountState.Restricted
            : r.MustChangePassword ? AccountState.MustChangePassword
            : AccountState.Active,
            r.AccessUntil, r.LockoutEnd, r.Version, r.Id != scope.UserId && CanManage(scope, r.Role))).ToList(), units, GrantableBy(scope));
    }

    /// <summary>Staff records of a unit that no account is linked to yet, for "whose account is this".</summary>
    public async Task<IReadOnlyList<StaffChoice>> UnlinkedStaffAsync(Guid unitId, Guid? keep, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(Managers, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Staff.AsNoTracking()
            .Where(s => s.UnitId == unitId && scope.UnitIds(db).Contains(s.UnitId))
            .Where(s => s.Id == keep || !db.Users.Any(u => u.StaffMemberId == s.Id))
            .OrderBy(s => s.FullName).Select(s => new StaffChoice(s.Id, s.FullName, s.DateOfBirth)).ToListAsync(ct);
    }

    /// <summary>Creates an account with a one-time password (returned once, to hand over; it must be changed at first sign-in).</summary>
    public async Task<AccountResult> CreateAsync(AccountForm form, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(Managers, ct);
        var email = form.Email?.Trim() ?? "";
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _)) return AccountResult.Field(nameof(form.Email), Strings.AccountEmailInvalid);
        if (string.IsNullOrWhiteSpace(form.FullName)) return AccountResult.Field(nameof(form.FullName), Strings.NameRequired);
        if (string.IsNullOrWhiteSpace(form.Reason)) return AccountResult.Field(nameof(form.Reason), Strings.AccountReasonRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await CheckGrantAsync(db, scope, form) is { } refused) return refused;
        var normalized = users.NormalizeEmail(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
            return AccountResult.Field(nameof(form.Email), Strings.AccountEmailTaken);

        var password = OneTimePassword.New();
        var account = new PortalUser
        {
            Id = Guid.CreateVersion7().ToString(), UserName = email, NormalizedUserName = users.NormalizeName(email), Email = email,
            NormalizedEmail = normalized, EmailConfirmed = true, FullName = form.FullName.Trim(), UnitId = form.UnitId!.Value,
            StaffMemberId = form.StaffMemberId, AccessUntil = form.AccessUntil, MustChangePassword = true, LockoutEnabled = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.Users.Add(account);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = await RoleIdAsync(db, form.Role!, ct) });
        var saved = await SaveEventsAsync(db, account, [("Account.Created", RoleName(form.Role!))], form.Reason!, ct);
        return saved.Succeeded ? saved with { OneTimePassword = password } : saved;
    }

    /// <summary>Grants another role or unit, links the staff record, or extends (or ends) the account's validity.</summary>
    public async Task<AccountResult> ChangeAsync(string id, AccountForm form, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(Managers, ct);
        if (string.IsNullOrWhiteSpace(form.FullName)) return AccountResult.Field(nameof(form.FullName), Strings.NameRequired);
        if (string.IsNullOrWhiteSpace(form.Reason)) return AccountResult.Field(nameof(form.Reason), Strings.AccountReasonRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (account, role, refusal) = await LoadAsync(db, scope, id, form.Version, ct);
        if (refusal is not null) return refusal;
        if (await CheckGrantAsync(db, scope, form) is { } refused) return refused;

        var events = new List<(string Field, string Detail)>();
        if (role != form.Role)
        {
            db.UserRoles.RemoveRange(db.UserRoles.Where(r => r.UserId == id));
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = await RoleIdAsync(db, form.Role!, ct) });
            events.Add(("Account.RoleChanged", $"{RoleName(role ?? "")} → {RoleName(form.Role!)}"));
        }
        if (account!.UnitId != form.UnitId) events.Add(("Account.UnitChanged", await db.Units.Where(u => u.Id == form.UnitId).Select(u => u.Name).SingleAsync(ct)));
        if (account.AccessUntil != form.AccessUntil)
            events.Add(("Account.Extended", form.AccessUntil?.ToString("dd/MM/yyyy") ?? Strings.AccountNoEnd));
        account.FullName = form.FullName.Trim();
        account.UnitId = form.UnitId!.Value;
        account.AccessUntil = form.AccessUntil;
        account.StaffMemberId = form.StaffMemberId;
        // A new role or unit takes effect in open sessions at their next check (one minute), not at their next sign-in.
        if (events.Count > 0) account.SecurityStamp = Guid.NewGuid().ToString("N");
        return await SaveEventsAsync(db, account, events.Count > 0 ? events : [("Account.Changed", account.FullName)], form.Reason!, ct);
    }

    /// <summary>Suspends sign-in until the end of <paramref name="until"/> (hạn chế), ending open sessions within a minute.</summary>
    public Task<AccountResult> RestrictAsync(string id, DateOnly until, string? reason, uint version, CancellationToken ct = default) =>
        ActAsync(id, version, reason, (account, today) =>
        {
            if (until < today) return AccountResult.Field("Until", Strings.AccountRestrictInPast);
            var end = until.AddDays(1).ToDateTime(TimeOnly.MinValue);
            account.LockoutEnd = new DateTimeOffset(end, clock.Zone.GetUtcOffset(end)).ToUniversalTime();
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            return ("Account.Restricted", until.ToString("dd/MM/yyyy"));
        }, ct);

    /// <summary>Revokes the account (thu hồi): it can no longer sign in, and open sessions end within a minute.</summary>
    public Task<AccountResult> RevokeAsync(string id, string? reason, uint version, CancellationToken ct = default) =>
        ActAsync(id, version, reason, (account, _) =>
        {
            account.IsDisabled = true;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            return ("Account.Revoked", account.Email ?? "");
        }, ct);

    /// <summary>Restores a revoked or restricted account.</summary>
    public Task<AccountResult> RestoreAsync(string id, string? reason, uint version, CancellationToken ct = default) =>
        ActAsync(id, version, reason, (account, _) =>
        {
            account.IsDisabled = false;
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
            return ("Account.Restored", account.Email ?? "");
        }, ct);

    /// <summary>Sets a new one-time password (returned once); the owner must change it at the next sign-in.</summary>
    public async Task<AccountResult> ResetPasswordAsync(string id, string? reason, uint version, CancellationToken ct = default)
    {
        var password = OneTimePassword.New();
        var result = await ActAsync(id, version, reason, (account, _) =>
        {
            account.PasswordHash = hasher.HashPassword(account, password);
            account.MustChangePassword = true;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            return ("Account.PasswordReset", account.Email ?? "");
        }, ct);
        return result.Succeeded ? result with { OneTimePassword = password } : result;
    }

    private async Task<AccountResult> ActAsync(string id, uint version, string? reason,
        Func<PortalUser, DateOnly, OneOf> change, CancellationToken ct)
    {
        var scope = await user.RequireAsync(Managers, ct);
        if (string.IsNullOrWhiteSpace(reason)) return AccountResult.Field("Reason", Strings.AccountReasonRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (account, _, refusal) = await LoadAsync(db, scope, id, version, ct);
        if (refusal is not null) return refusal;
        var outcome = change(account!, clock.Today);
        if (outcome.Refused is { } refused) return refused;
        return await SaveEventsAsync(db, account!, [outcome.Event!.Value], reason, ct);
    }

    private async Task<AccountResult> SaveEventsAsync(PortalDbContext db, PortalUser account, IReadOnlyList<(string Field, string Detail)> events,
        string reason, CancellationToken ct)
    {
        foreach (var (field, detail) in events)
            db.AuditEntries.Add(new AuditEntry
            {
                At = AuditChain.Normalise(clock.Now), CorrelationId = Guid.Empty, Action = AuditAction.Modified, Entity = nameof(PortalUser),
                EntityKey = account.Id, Field = field, NewValue = $"{detail} — {reason.Trim()}", UnitId = account.UnitId, SubjectId = account.StaffMemberId,
            });
        try
        {
            await db.SaveChangesAsync(ct);
            return AccountResult.Saved(account.Id, null);
        }
        catch (DbUpdateConcurrencyException) { return AccountResult.Failed(Strings.AccountChangedMeanwhile); }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            return unique.ConstraintName?.Contains("StaffMemberId") == true
                ? AccountResult.Field(nameof(AccountForm.StaffMemberId), Strings.AccountStaffLinked)
                : AccountResult.Field(nameof(AccountForm.Email), Strings.AccountEmailTaken);
        }
    }

    private async Task<(PortalUser? Account, string? Role, AccountResult? Refusal)> LoadAsync(PortalDbContext db, UserScope scope, string id, uint version, CancellationToken ct)
    {
        var account = await db.Users.Where(u => u.Id == id && scope.UnitIds(db).Contains(u.UnitId)).SingleOrDefaultAsync(ct);
        if (account is null) return (null, null, AccountResult.Failed(Strings.AccountNotFound));
        if (account.Id == scope.UserId) throw new ForbiddenException(Strings.AccountNotOwn);
        var role = await db.UserRoles.Where(r => r.UserId == id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefaultAsync(ct);
        if (!CanManage(scope, role)) throw new ForbiddenException(Strings.AccountRoleNotYours);
        if (account.Version != version) return (null, null, AccountResult.Failed(Strings.AccountChangedMeanwhile));
        db.Entry(account).Property(u => u.Version).OriginalValue = version;
        return (account, role, null);
    }

    /// <summary>The role and unit asked for must be within what the manager may grant; the staff record in that unit.</summary>
    private static async Task<AccountResult?> CheckGrantAsync(PortalDbContext db, UserScope scope, AccountForm form)
    {
        if (form.Role is null || !PortalRoles.All.Contains(form.Role)) return AccountResult.Field(nameof(form.Role), Strings.AccountRoleRequired);
        if (!GrantableBy(scope).Contains(form.Role)) throw new ForbiddenException(Strings.AccountRoleNotYours);
        if (form.UnitId is not { } unit) return AccountResult.Field(nameof(form.UnitId), Strings.AccountUnitRequired);
        if (!await scope.UnitIds(db).ContainsAsync(unit)) throw new ForbiddenException(Strings.AccountUnitNotYours);
        if (form.StaffMemberId is { } staff && !await db.Staff.AnyAsync(s => s.Id == staff && s.UnitId == unit))
            return AccountResult.Field(nameof(form.StaffMemberId), Strings.AccountStaffOtherUnit);
        return null;
    }

    private static bool CanManage(UserScope scope, string? role) => role is null || GrantableBy(scope).Contains(role);

    private static async Task<string> RoleIdAsync(PortalDbContext db, string role, CancellationToken ct) =>
        await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(ct);

    private static string RoleName(string role) => EnumLabels.Role(role);

    /// <summary>A change to apply: the audit event it makes, or why it is refused.</summary>
    private readonly record struct OneOf(AccountResult? Refused, (string Field, string Detail)? Event)
    {
        public static implicit operator OneOf(AccountResult refused) => new(refused, null);
        public static implicit operator OneOf((string Field, string Detail) done) => new(null, done);
    }
}

/// <summary>A one-time password in four groups (e.g. "3fa2c1-…"), easy to read out and type.</summary>
public static class OneTimePassword
{
    public static string New() =>
        string.Join("-", Enumerable.Range(0, 4).Select(_ => Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant()));
}

public enum AccountState { Active = 1, MustChangePassword = 2, Restricted = 3, Expired = 4, Revoked = 5 }

public sealed record AccountRow(string Id, string Email, string FullName, Guid UnitId, string UnitName, string Role, Guid? StaffMemberId,
    string? StaffName, AccountState State, DateOnly? AccessUntil, DateTimeOffset? RestrictedUntil, uint Version, bool CanManage);

public sealed record AccountsView(IReadOnlyList<AccountRow> Accounts, IReadOnlyList<UnitChoice> Units, IReadOnlyList<string> GrantableRoles);

public sealed record UnitChoice(Guid Id, string Name);

public sealed record StaffChoice(Guid Id, string FullName, DateOnly? DateOfBirth);

/// <summary>The outcome of an account change; <see cref="OneTimePassword"/> is set once, when one was made.</summary>
public sealed record AccountResult(string? Id, IReadOnlyDictionary<string, string> FieldErrors, string? Error, string? OneTimePassword = null)
{
    public bool Succeeded => Id is not null;
    public static AccountResult Saved(string id, string? password) => new(id, new Dictionary<string, string>(), null, password);
    public static AccountResult Field(string field, string message) => new(null, new Dictionary<string, string> { [field] = message }, null);
    public static AccountResult Failed(string message) => new(null, new Dictionary<string, string>(), message);
}

public enum AccountAction { Restrict = 1, Revoke = 2, Restore = 3, ResetPassword = 4 }
