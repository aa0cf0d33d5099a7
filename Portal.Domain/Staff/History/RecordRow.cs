namespace Portal.Domain.Staff.History;

/// <summary>
/// One row of a record's history table (salary, positions, training, …), kept on two time axes:
/// <see cref="ValidFrom"/>/<see cref="ValidTo"/> say when it was true in the world, <see cref="RecordedAt"/>/<see cref="SupersededAt"/>
/// say when the portal believed it. A correction never edits a row: it supersedes the old version and records a new one with
/// the same <see cref="LineageId"/>, so "what did the record say on 01/03 before the correction" stays answerable
/// (regulation Art. 7.3: the electronic record must match the paper one, and both keep their history).
/// </summary>
public abstract class RecordRow
{
    protected RecordRow() { }

    protected RecordRow(Guid staffMemberId, Guid lineageId, DateOnly? validFrom, DateOnly? validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy)
    {
        if (validFrom is { } from && validTo is { } to && to < from)
            throw new ArgumentException("A row cannot end before it starts.", nameof(validTo));
        Id = Guid.CreateVersion7(recordedAt);
        StaffMemberId = staffMemberId;
        LineageId = lineageId;
        ValidFrom = validFrom;
        ValidTo = validTo;
        DecisionId = decisionId;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    /// <summary>This version's id.</summary>
    public Guid Id { get; private set; }
    public Guid StaffMemberId { get; private set; }
    /// <summary>The row across its versions: the first version's id, shared by every correction of it.</summary>
    public Guid LineageId { get; private set; }
    /// <summary>Từ ngày (in force from; for salary, "ngày hưởng").</summary>
    public DateOnly? ValidFrom { get; private set; }
    /// <summary>Đến ngày; empty while it lasts.</summary>
    public DateOnly? ValidTo { get; private set; }
    /// <summary>The decision (quyết định) this value came from.</summary>
    public Guid? DecisionId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
    /// <summary>When a correction or withdrawal replaced this version; empty for the version the record shows now.</summary>
    public DateTimeOffset? SupersededAt { get; private set; }
    /// <summary>Why it was corrected or withdrawn.</summary>
    public string? SupersededReason { get; private set; }
    /// <summary>True when the row was withdrawn (entered by mistake) rather than replaced by a corrected version.</summary>
    public bool Withdrawn { get; private set; }
    public uint Version { get; private set; }

    public bool IsCurrentVersion => SupersededAt is null;

    /// <summary>Marks this version as replaced by a correction recorded at <paramref name="at"/>.</summary>
    public void Supersede(DateTimeOffset at, string? reason)
    {
        if (SupersededAt is not null) throw new InvalidOperationException("This version was already superseded.");
        if (at < RecordedAt) throw new ArgumentException("A correction cannot precede what it corrects.", nameof(at));
        SupersededAt = at;
        SupersededReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
    }

    /// <summary>Withdraws a row entered by mistake: it no longer shows, but stays in the history.</summary>
    public void Withdraw(DateTimeOffset at, string? reason)
    {
        Supersede(at, reason);
        Withdrawn = true;
    }

    /// <summary>Known (recorded and not yet superseded) at the instant <paramref name="at"/>.</summary>
    public bool KnownAt(DateTimeOffset at) => RecordedAt <= at && (SupersededAt is null || SupersededAt > at);

    /// <summary>Its from–to range covers <paramref name="date"/> (an open end lasts).</summary>
    public bool Covers(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || ValidTo >= date);
}
