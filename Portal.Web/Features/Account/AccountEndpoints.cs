using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Portal.Infrastructure.Identity;
using Portal.Web.Hosting;
using Portal.Web.Shared;

namespace Portal.Web.Features.Account;

internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-out", async (SignInManager<PortalUser> signIn, AccountAudit audit) =>
        {
            await audit.SignOutAsync();
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/sign-in");
        });

        app.MapGet("/account/culture", (HttpContext http, [FromQuery] string culture, [FromQuery] string? returnUrl) =>
        {
            if (PortalServices.Cultures.Contains(culture))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax });
            return TypedResults.LocalRedirect("~" + LocalUrl.From(returnUrl));
        }).AllowAnonymous();
    }
}
