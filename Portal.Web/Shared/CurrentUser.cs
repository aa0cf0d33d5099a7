using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Shared;

/// <summary>
/// The person behind this request or circuit: who they are, their roles and the unit subtree they may see. Every
/// service method starts with <see cref="RequireAsync"/>, so role and unit scope are checked on the server whatever
/// the UI shows. It is also the audit actor of the scope.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IHttpContextAccessor http,
    DbContextOptions<PortalDbContext> options, SchoolClock clock) : IAuditActor
{
    private UserScope? _scope;
    private string? _clientIp;

    /// <summary>Set for interactive circuits, where an unloaded user must never be mistaken for the system.</summary>
    internal bool IsInteractive { get; set; }

    internal string? ClientIp
    {
        get => _clientIp ??= http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        set => _clientIp = value;
    }

    private string? _userAgent;

    internal string? UserAgent
    {
        get => _userAgent ??= http.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null;
        set => _userAgent = value;
    }

    /// <summary>Loads the signed-in user and checks they hold one of <paramref name="roles"/> (any role when empty).</summary>
    public async Task<UserScope> RequireAsync(IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var scope = _scope ??= await LoadAsync(ct);
        if (scope is null) throw new ForbiddenException("Bạn cần đăng nhập.");
        if (roles.Count > 0 && !roles.Any(scope.IsInRole)) throw new ForbiddenException("Bạn không có quyền thực hiện thao tác này.");
        return scope;
    }

    private async Task<UserScope?> LoadAsync(CancellationToken ct)
    {
        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return null;
        // A read-only context without an actor (the factory's actor is this class); it could not save if it tried.
        await using var db = new PortalDbContext(options);
        // The unit and its path come from the database, not the cookie, so a moved account is scoped correctly at once.
        var today = clock.Today;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled && (u.AccessUntil == null || u.AccessUntil >= today))
            .Join(db.Units, u => u.UnitId, unit => unit.Id, (u, unit) => new { u.UserName, u.FullName, u.UnitId, unit.Path, UnitName = unit.Name, u.StaffMemberId })
            .SingleOrDefaultAsync(ct);
        if (row is null) return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new UserScope(userId, row.UserName ?? "", row.FullName, row.UnitId, row.UnitName, row.Path, roles) { StaffMemberId = row.StaffMemberId };
    }

    public ActorInfo Current
    {
        get
        {
            if (_scope is { } s) return new ActorInfo(s.UserId, s.UserName, s.UnitId, ClientIp, string.Join(",", s.Roles.Order()), UserAgent);
            if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user)
                return new ActorInfo(user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name ?? "",
                    Guid.TryParse(user.FindFirstValue(PortalClaims.UnitId), out var unit) ? unit : null, ClientIp,
                    string.Join(",", user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order()), UserAgent);
            if (http.HttpContext is not null) return new ActorInfo(null, "Khách (chưa đăng nhập)", null, ClientIp, null, UserAgent);
            if (IsInteractive) throw new InvalidOperationException("A service saved data before loading the current user.");
            return new ActorInfo(null, "Hệ thống", null, null);
        }
    }
}

public sealed record UserScope(string UserId, string UserName, string FullName, Guid UnitId, string UnitName, string UnitPath,
    IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The signed-in person's own staff record, when their account is linked to one.</summary>
    public Guid? StaffMemberId { get; init; }

    /// <summary>The ids of the user's unit and every unit below it: the one place the unit-scope rule is written.</summary>
    public IQueryable<Guid> UnitIds(PortalDbContext db) => db.Units.Where(u => u.Path.StartsWith(UnitPath)).Select(u => u.Id);

    /// <summary>Accounts of the root unit also see rows that belong to no unit (e.g. a failed anonymous sign-in).</summary>
    public bool IsAtRoot => UnitPath.Count(c => c == '/') == 2;
}

/// <summary>Thrown when the signed-in user may not do what was asked; pages show its Vietnamese message.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

public static class PortalClaims
{
    public const string UnitId = "portal:unit";
    public const string FullName = "portal:full_name";
    public const string MustChangePassword = "portal:must_change_password";
}
