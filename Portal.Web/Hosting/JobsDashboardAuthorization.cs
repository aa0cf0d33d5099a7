using Hangfire.Dashboard;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Hosting;

/// <summary>The Hangfire dashboard at /jobs is for the Admin and the Principal only.</summary>
internal sealed class JobsDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.IsInRole(PortalRoles.Admin) || user.IsInRole(PortalRoles.Principal);
    }
}
