namespace Portal.Domain.Mail;

/// <summary>
/// An email waiting to be sent (hộp thư đi). Written in the same transaction as the business event that causes it;
/// a background job delivers it. <see cref="DeduplicationKey"/> is unique, so the same event never queues twice.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public OutboxMessage(Guid id, string deduplicationKey, Guid? unitId, string to, string subject, string body, DateTimeOffset createdAt)
    {
        Id = id;
        UnitId = unitId;
        DeduplicationKey = deduplicationKey;
        To = to;
        Subject = subject;
        Body = body;
        CreatedAt = createdAt;
        NextAttemptAt = createdAt;
        Status = OutboxStatus.Queued;
    }

    public Guid Id { get; private set; }
    public string DeduplicationKey { get; private set; } = "";
    /// <summary>The unit the message concerns; who may see it in the outbox follows from it.</summary>
    public Guid? UnitId { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public void MarkSent(DateTimeOffset at)
    {
        Status = OutboxStatus.Sent;
        SentAt = at;
        LastError = null;
        Attempts++;
    }

    /// <summary>Records a failed attempt and backs off: 1, 2, 4 … minutes, at most an hour between tries.</summary>
    public void MarkFailed(DateTimeOffset at, string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        var minutes = Math.Min(60, 1 << Math.Min(Attempts - 1, 6));
        NextAttemptAt = at.AddMinutes(minutes);
    }

    /// <summary>No SMTP server is configured: the message stays queued and is sent once one is.</summary>
    public void MarkWaitingForSmtp(string reason) => LastError = reason;
}

public enum OutboxStatus
{
    Queued = 1,
    Sent = 2,
}
