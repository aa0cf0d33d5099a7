using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>
/// A revoked or expired account can neither sign in nor keep a cookie past the next security-stamp check (one minute).
/// </summary>
internal sealed class PortalSignInManager(UserManager<PortalUser> users, IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<PortalUser> claims, IOptions<IdentityOptions> options, ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes, IUserConfirmation<PortalUser> confirmation, SchoolClock clock)
    : SignInManager<PortalUser>(users, http, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(PortalUser user) => user.IsUsableOn(clock.Today) && await base.CanSignInAsync(user);

    public override async Task<PortalUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && user.IsUsableOn(clock.Today) ? user : null;
    }
}
