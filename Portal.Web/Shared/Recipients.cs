using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Shared;

/// <summary>Who receives a unit's mail: its usable accounts (not revoked, not past their end) with a given role and an email address.</summary>
public static class Recipients
{
    public static Task<List<Recipient>> WithRoleAsync(PortalDbContext db, string role, IReadOnlyCollection<Guid>? unitIds, DateOnly today, CancellationToken ct) =>
        (from u in db.Users
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == role && !u.IsDisabled && (u.AccessUntil == null || u.AccessUntil >= today) && u.Email != null
               && (unitIds == null || unitIds.Contains(u.UnitId))
         select new Recipient(u.Id, u.Email!, u.FullName, u.UnitId)).ToListAsync(ct);
}

public sealed record Recipient(string UserId, string Email, string FullName, Guid UnitId);
