using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

/// <summary>An account flagged for a password change can reach nothing but the change-password page and sign-out.</summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    private static readonly string[] Allowed = ["/account/change-password", "/account/sign-out", "/_framework", "/_content", "/_blazor", "/fonts", "/app.css", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(PortalClaims.MustChangePassword, "true")
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && !Path.HasExtension(context.Request.Path.Value))
        {
            context.Response.Redirect("/account/change-password");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
