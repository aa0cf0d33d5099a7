using Microsoft.AspNetCore.Identity;

namespace Portal.Infrastructure.Identity;

/// <summary>A sign-in account (tài khoản người dùng). Every account belongs to exactly one organisation unit.</summary>
public sealed class PortalUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public Guid UnitId { get; set; }
    /// <summary>Set for new accounts and resets; the user must choose a password before doing anything else.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>A disabled account (tài khoản bị thu hồi) cannot sign in and loses open sessions within a minute.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>
    /// Last day the account may be used (thời hạn sử dụng), e.g. a fixed-term contract or a supervisor's temporary
    /// access; null for no end. Extending an account (gia hạn) moves it; from the day after, sign-in is refused.
    /// </summary>
    public DateOnly? AccessUntil { get; set; }
    /// <summary>The staff record of the account's owner, if they are on a payroll here: "their own record".</summary>
    public Guid? StaffMemberId { get; set; }
    public uint Version { get; set; }

    /// <summary>Whether the account may be used on <paramref name="today"/> (not revoked, not past its end).</summary>
    public bool IsUsableOn(DateOnly today) => !IsDisabled && (AccessUntil is null || AccessUntil >= today);
}
