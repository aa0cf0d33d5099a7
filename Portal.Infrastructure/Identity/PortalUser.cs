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
    public uint Version { get; set; }
}
