namespace Portal.Infrastructure.Data;

/// <summary>
/// Who is acting: the signed-in user in the web app, or the system in background jobs. The audit interceptor refuses
/// to save without one, so no write path can be anonymous.
/// </summary>
public interface IAuditActor
{
    ActorInfo Current { get; }
}

public sealed record ActorInfo(string? UserId, string UserName, Guid? UnitId, string? ClientIp, string? Role = null, string? UserAgent = null)
{
    /// <summary>User agents can be long; the log keeps enough to tell browsers and devices apart.</summary>
    public string? UserAgentForLog => UserAgent is { Length: > 300 } ua ? ua[..300] : UserAgent;
}

/// <summary>The actor of background jobs and start-up seeding.</summary>
public sealed class SystemActor(string name = "Hệ thống") : IAuditActor
{
    public ActorInfo Current { get; } = new(null, name, null, null);
}
