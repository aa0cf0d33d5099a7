using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Shared;

/// <summary>Pins the client's IP address and browser for the circuit's audit rows while the connection's HttpContext is at hand.</summary>
internal sealed class ClientAddressCircuitHandler(CurrentUser user, IHttpContextAccessor http) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        user.ClientIp = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        user.UserAgent = http.HttpContext?.Request.Headers.UserAgent.ToString();
        user.IsInteractive = true;
        return Task.CompletedTask;
    }
}
