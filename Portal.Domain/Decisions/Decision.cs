namespace Portal.Domain.Decisions;

/// <summary>
/// A decision or official document (quyết định, văn bản) in the unit's register. Every change to a regulated part of a
/// record names the decision it came from, and the scan of the signed paper is attached to it.
/// </summary>
public sealed class Decision
{
    private Decision() { }

    public Decision(Guid id, Guid unitId, Guid? staffMemberId, DecisionParticulars particulars, DateTimeOffset recordedAt)
    {
        Id = id;
        UnitId = unitId;
        StaffMemberId = staffMemberId;
        RecordedAt = recordedAt;
        Apply(particulars);
    }

    public Guid Id { get; private set; }
    /// <summary>The unit whose register holds it.</summary>
    public Guid UnitId { get; private set; }
    /// <summary>The person it concerns, when it concerns one.</summary>
    public Guid? StaffMemberId { get; private set; }
    /// <summary>Số quyết định (e.g. "125/QĐ-UBND").</summary>
    public string Number { get; private set; } = "";
    public DecisionKind Kind { get; private set; }
    /// <summary>Trích yếu.</summary>
    public string? Summary { get; private set; }
    /// <summary>Người ký.</summary>
    public string Signer { get; private set; } = "";
    /// <summary>Cơ quan ban hành.</summary>
    public string IssuingBody { get; private set; } = "";
    /// <summary>Ngày ký.</summary>
    public DateOnly SignedOn { get; private set; }
    /// <summary>Ngày có hiệu lực; the 15-day update period runs from it (Quy chế Art. 8.2).</summary>
    public DateOnly EffectiveOn { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public uint Version { get; private set; }

    public DecisionParticulars Particulars => new(Number, Kind, Summary, Signer, IssuingBody, SignedOn, EffectiveOn);

    public void Apply(DecisionParticulars p)
    {
        if (string.IsNullOrWhiteSpace(p.Number)) throw new ArgumentException("A decision needs its number.", nameof(p));
        if (string.IsNullOrWhiteSpace(p.Signer) || string.IsNullOrWhiteSpace(p.IssuingBody)) throw new ArgumentException("A decision needs its signer and issuing body.", nameof(p));
        if (!Enum.IsDefined(p.Kind)) throw new ArgumentOutOfRangeException(nameof(p));
        if (p.EffectiveOn < p.SignedOn) throw new ArgumentException("A decision cannot take effect before it is signed.", nameof(p));
        Number = p.Number.Trim();
        Kind = p.Kind;
        Summary = string.IsNullOrWhiteSpace(p.Summary) ? null : p.Summary.Trim();
        Signer = p.Signer.Trim();
        IssuingBody = p.IssuingBody.Trim();
        SignedOn = p.SignedOn;
        EffectiveOn = p.EffectiveOn;
    }
}

public sealed record DecisionParticulars(string Number, DecisionKind Kind, string? Summary, string Signer, string IssuingBody,
    DateOnly SignedOn, DateOnly EffectiveOn);

/// <summary>Loại quyết định.</summary>
public enum DecisionKind
{
    /// <summary>Tuyển dụng.</summary>
    Recruitment = 1,
    /// <summary>Bổ nhiệm.</summary>
    Appointment = 2,
    /// <summary>Điều động, thuyên chuyển.</summary>
    Transfer = 3,
    /// <summary>Nâng bậc lương.</summary>
    SalaryRaise = 4,
    /// <summary>Phụ cấp.</summary>
    Allowance = 5,
    /// <summary>Đào tạo, bồi dưỡng.</summary>
    Training = 6,
    /// <summary>Khen thưởng.</summary>
    Award = 7,
    /// <summary>Kỷ luật.</summary>
    Discipline = 8,
    /// <summary>Thôi việc.</summary>
    Resignation = 9,
    /// <summary>Nghỉ hưu.</summary>
    Retirement = 10,
    /// <summary>Khác.</summary>
    Other = 11,
    /// <summary>
    /// Thông báo nghỉ hưu: signed on the notice's day, "effective" on the day retirement begins (the pension's first day, as
    /// notices write "nghỉ hưu từ ngày 01/01/2020"; the last working day is the day before). It changes nothing in
    /// the record, so it opens no update deadline; the early raise before retirement reads it (TT 08/2013 Art. 3(2)).
    /// </summary>
    RetirementNotice = 12,
}
