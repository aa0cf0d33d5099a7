using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>Adds the account's unit, full name and the forced-password-change flag to the sign-in cookie.</summary>
internal sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.UnitId, user.UnitId.ToString()));
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        return identity;
    }
}
