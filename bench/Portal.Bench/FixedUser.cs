using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

/// <summary>The signed-in user a benchmark sets before calling a service, as a circuit would; shared by every mode.</summary>
internal sealed class FixedUser : AuthenticationStateProvider
{
    public ClaimsPrincipal Principal { get; set; } = new();

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(Principal));
}
