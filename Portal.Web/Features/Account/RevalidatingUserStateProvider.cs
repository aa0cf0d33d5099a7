using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>
/// Re-checks an open circuit's user every minute: a disabled account, or one whose security stamp changed
/// (password changed, roles changed, signed out everywhere), loses the circuit within a minute.
/// </summary>
internal sealed class RevalidatingUserStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await IsStillValidAsync(users, state.User, options.Value, scope.ServiceProvider.GetRequiredService<SchoolClock>().Today);
    }

    internal static async Task<bool> IsStillValidAsync(UserManager<PortalUser> users, ClaimsPrincipal principal, IdentityOptions options, DateOnly today)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || !user.IsUsableOn(today)) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
