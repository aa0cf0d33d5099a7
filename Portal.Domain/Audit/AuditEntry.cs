namespace Portal.Domain.Audit;

/// <summary>
/// One changed field of one entity (nhật ký thay đổi). Written by the persistence layer in the same transaction as
/// the change itself, so no write path can skip it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid CorrelationId { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The unit the changed data belongs to (the actor's unit when the data has none).</summary>
    public Guid? UnitId { get; set; }
    public string? ClientIp { get; set; }
    /// <summary>The actor's role(s) at the time, comma-separated.</summary>
    public string? UserRole { get; set; }
    /// <summary>The browser's User-Agent, truncated.</summary>
    public string? UserAgent { get; set; }
    public AuditAction Action { get; set; }
    public string Entity { get; set; } = "";
    public string EntityKey { get; set; } = "";
    /// <summary>The staff member the row concerns (their record, a history row, a scan, a read of their data), for the record's timeline.</summary>
    public Guid? SubjectId { get; set; }
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>The hash chain this row is in (<see cref="AuditChain.ChainOf"/>), its place in it, and the links.</summary>
    public Guid ChainId { get; set; }
    public long Seq { get; set; }
    public byte[]? PrevHash { get; set; }
    public byte[]? Hash { get; set; }
}

public enum AuditAction
{
    Added = 1,
    Modified = 2,
    Deleted = 3,
    /// <summary>Confidential data was read (restricted particulars, a scan, the whole Form 2C).</summary>
    Viewed = 4,
    /// <summary>Data left the portal as a file (XLSX export, DOCX Form 2C, a downloaded scan).</summary>
    Exported = 5,
    /// <summary>Đăng nhập thành công.</summary>
    SignedIn = 6,
    /// <summary>Đăng nhập không thành công (sai mật khẩu, bị khóa, tài khoản bị vô hiệu).</summary>
    SignInFailed = 7,
    /// <summary>Đăng xuất.</summary>
    SignedOut = 8,
}
