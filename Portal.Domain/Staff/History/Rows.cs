using Portal.Domain.Salary;

namespace Portal.Domain.Staff.History;

/// <summary>
/// Diễn biến quá trình lương (items 30.1 and 37.1): title and its code, step, coefficient, from when, at what percentage,
/// seniority beyond the frame. A salary row lasts until the next one starts, so <see cref="RecordRow.ValidTo"/> is usually empty.
/// </summary>
public sealed class SalaryRecord : RecordRow
{
    private SalaryRecord() { }

    public SalaryRecord(Guid staffMemberId, Guid lineageId, DateOnly validFrom, DateOnly? validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy, SalaryDetails details)
        : base(staffMemberId, lineageId, validFrom, validTo, decisionId, recordedAt, recordedBy)
    {
        if (details.Step < 1) throw new ArgumentOutOfRangeException(nameof(details), "Steps start at 1.");
        if (details.Coefficient <= 0) throw new ArgumentOutOfRangeException(nameof(details), "A coefficient is positive.");
        if (details.PercentReceived is <= 0 or > 100) throw new ArgumentOutOfRangeException(nameof(details), "A percentage received is 1–100.");
        if (details.SeniorityBeyondFramePercent is < 0 or > 100) throw new ArgumentOutOfRangeException(nameof(details));
        if (details.Kind is { } kind && !Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(details));
        (TitleCode, TitleName, SalaryGroup, Step, Coefficient, PercentReceived, SeniorityBeyondFramePercent, TitleAppointedOn, Kind) =
            (details.TitleCode.Trim(), details.TitleName.Trim(), details.SalaryGroup?.Trim(), details.Step, details.Coefficient,
             details.PercentReceived, details.SeniorityBeyondFramePercent, details.TitleAppointedOn, details.Kind);
    }

    public string TitleCode { get; private set; } = "";
    public string TitleName { get; private set; } = "";
    public string? SalaryGroup { get; private set; }
    public int Step { get; private set; }
    public decimal Coefficient { get; private set; }
    /// <summary>Phần trăm hưởng (100 normally; less e.g. during probation).</summary>
    public decimal PercentReceived { get; private set; }
    /// <summary>% phụ cấp thâm niên vượt khung.</summary>
    public decimal? SeniorityBeyondFramePercent { get; private set; }
    /// <summary>Ngày bổ nhiệm ngạch / chức danh nghề nghiệp.</summary>
    public DateOnly? TitleAppointedOn { get; private set; }
    /// <summary>Hình thức: regular, early for achievement, early before retirement, PCTNVK … (empty on rows typed before it existed).</summary>
    public RaiseKind? Kind { get; private set; }

    public SalaryDetails Details => new(TitleCode, TitleName, SalaryGroup, Step, Coefficient, PercentReceived, SeniorityBeyondFramePercent, TitleAppointedOn, Kind);
}

public sealed record SalaryDetails(string TitleCode, string TitleName, string? SalaryGroup, int Step, decimal Coefficient,
    decimal PercentReceived, decimal? SeniorityBeyondFramePercent, DateOnly? TitleAppointedOn, RaiseKind? Kind = null);

/// <summary>Chức vụ (items 23, 25): a post held, main or concurrent, with its leadership allowance coefficient.</summary>
public sealed class PositionRecord : RecordRow
{
    private PositionRecord() { }

    public PositionRecord(Guid staffMemberId, Guid lineageId, DateOnly validFrom, DateOnly? validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy, PositionDetails details)
        : base(staffMemberId, lineageId, validFrom, validTo, decisionId, recordedAt, recordedBy)
    {
        if (string.IsNullOrWhiteSpace(details.Position)) throw new ArgumentException("A position needs a name.", nameof(details));
        if (details.AllowanceCoefficient is < 0) throw new ArgumentOutOfRangeException(nameof(details));
        (Position, Organisation, Concurrent, AllowanceCoefficient) =
            (details.Position.Trim(), details.Organisation?.Trim(), details.Concurrent, details.AllowanceCoefficient);
    }

    public string Position { get; private set; } = "";
    public string? Organisation { get; private set; }
    /// <summary>Kiêm nhiệm.</summary>
    public bool Concurrent { get; private set; }
    /// <summary>Hệ số phụ cấp chức vụ.</summary>
    public decimal? AllowanceCoefficient { get; private set; }

    public PositionDetails Details => new(Position, Organisation, Concurrent, AllowanceCoefficient);
}

public sealed record PositionDetails(string Position, string? Organisation, bool Concurrent, decimal? AllowanceCoefficient);

/// <summary>Phụ cấp (items 30.2, 37.2): kind, and a percentage, a coefficient or an amount.</summary>
public sealed class AllowanceRecord : RecordRow
{
    private AllowanceRecord() { }

    public AllowanceRecord(Guid staffMemberId, Guid lineageId, DateOnly validFrom, DateOnly? validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy, AllowanceDetails details)
        : base(staffMemberId, lineageId, validFrom, validTo, decisionId, recordedAt, recordedBy)
    {
        if (string.IsNullOrWhiteSpace(details.Kind)) throw new ArgumentException("An allowance needs a kind.", nameof(details));
        if (details.Percent is null && details.Coefficient is null && details.AmountVnd is null)
            throw new ArgumentException("An allowance is a percentage, a coefficient or an amount.", nameof(details));
        (Kind, Percent, Coefficient, AmountVnd, Form) = (details.Kind.Trim(), details.Percent, details.Coefficient, details.AmountVnd, details.Form?.Trim());
    }

    public string Kind { get; private set; } = "";
    public decimal? Percent { get; private set; }
    public decimal? Coefficient { get; private set; }
    public long? AmountVnd { get; private set; }
    /// <summary>Hình thức hưởng.</summary>
    public string? Form { get; private set; }

    public AllowanceDetails Details => new(Kind, Percent, Coefficient, AmountVnd, Form);
}

public sealed record AllowanceDetails(string Kind, decimal? Percent, decimal? Coefficient, long? AmountVnd, string? Form);

/// <summary>The six kinds of training of item 32.</summary>
public enum TrainingKind
{
    /// <summary>32.1 Chuyên môn (từ trung cấp trở lên).</summary>
    Professional = 1,
    /// <summary>32.2 Lý luận chính trị.</summary>
    PoliticalTheory = 2,
    /// <summary>32.3 Bồi dưỡng QLNN / chức danh nghề nghiệp / nghiệp vụ chuyên ngành.</summary>
    StateManagement = 3,
    /// <summary>32.4 Bồi dưỡng kiến thức quốc phòng, an ninh.</summary>
    DefenceSecurity = 4,
    /// <summary>32.5 Tin học.</summary>
    InformationTechnology = 5,
    /// <summary>32.6 Ngoại ngữ / tiếng dân tộc.</summary>
    ForeignLanguage = 6,
}

/// <summary>Quá trình đào tạo, bồi dưỡng (item 32).</summary>
public sealed class TrainingRecord : RecordRow
{
    private TrainingRecord() { }

    public TrainingRecord(Guid staffMemberId, Guid lineageId, DateOnly? validFrom, DateOnly? validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy, TrainingDetails details)
        : base(staffMemberId, lineageId, validFrom, validTo, decisionId, recordedAt, recordedBy)
    {
        if (!Enum.IsDefined(details.Kind)) throw new ArgumentOutOfRangeException(nameof(details));
        if (string.IsNullOrWhiteSpace(details.Institution)) throw new ArgumentException("Training needs an institution.", nameof(details));
        (Kind, Institution, Major, Mode, Qualification, Language, Score) = (details.Kind, details.Institution.Trim(), details.Major?.Trim(),
            details.Mode?.Trim(), details.Qualification?.Trim(), details.Language?.Trim(), details.Score?.Trim());
    }

    public TrainingKind Kind { get; private set; }
    /// <summary>Cơ sở đào tạo.</summary>
    public string Institution { get; private set; } = "";
    /// <summary>Chuyên ngành.</summary>
    public string? Major { get; private set; }
    /// <summary>Hình thức (chính quy, vừa làm vừa học, …).</summary>
    public string? Mode { get; private set; }
    /// <summary>Văn bằng, chứng chỉ, trình độ.</summary>
    public string? Qualification { get; private set; }
    /// <summary>Tên ngoại ngữ / tiếng dân tộc (32.6).</summary>
    public string? Language { get; private set; }
    /// <summary>Điểm số (32.6).</summary>
    public string? Score { get; private set; }

    public TrainingDetails Details => new(Kind, Institution, Major, Mode, Qualification, Language, Score);
}

public sealed record TrainingDetails(TrainingKind Kind, string Institution, string? Major, string? Mode, string? Qualification,
    string? Language, string? Score);

/// <summary>Tóm tắt quá trình công tác (item 33).</summary>
public sealed class WorkHistoryRecord : RecordRow
{
    private WorkHistoryRecord() { }

    public WorkHistoryRecord(Guid staffMemberId, Guid lineageId, DateOnly validFrom, DateOnly? validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy, WorkHistoryDetails details)
        : base(staffMemberId, lineageId, validFrom, validTo, decisionId, recordedAt, recordedBy)
    {
        if (string.IsNullOrWhiteSpace(details.Organisation)) throw new ArgumentException("Work history needs an organisation.", nameof(details));
        (Organisation, Role) = (details.Organisation.Trim(), details.Role?.Trim());
    }

    public string Organisation { get; private set; } = "";
    /// <summary>Chức danh, chức vụ.</summary>
    public string? Role { get; private set; }

    public WorkHistoryDetails Details => new(Organisation, Role);
}

public sealed record WorkHistoryDetails(string Organisation, string? Role);

/// <summary>Đánh giá, xếp loại và thi đua của một năm (item 35.1).</summary>
public sealed class RatingRecord : RecordRow
{
    private RatingRecord() { }

    public RatingRecord(Guid staffMemberId, Guid lineageId, Guid? decisionId, DateTimeOffset recordedAt, string recordedBy, RatingDetails details)
        : base(staffMemberId, lineageId, new DateOnly(details.Year, 1, 1), new DateOnly(details.Year, 12, 31), decisionId, recordedAt, recordedBy)
    {
        if (details.Year is < 1945 or > 2200) throw new ArgumentOutOfRangeException(nameof(details));
        (Year, ProfessionalRating, EmulationRating, AwardForm) = (details.Year, details.ProfessionalRating?.Trim(), details.EmulationRating?.Trim(), details.AwardForm?.Trim());
    }

    public int Year { get; private set; }
    /// <summary>Xếp loại chuyên môn / chất lượng (e.g. "Hoàn thành tốt nhiệm vụ").</summary>
    public string? ProfessionalRating { get; private set; }
    /// <summary>Xếp loại thi đua (e.g. "Lao động tiên tiến").</summary>
    public string? EmulationRating { get; private set; }
    public string? AwardForm { get; private set; }

    public RatingDetails Details => new(Year, ProfessionalRating, EmulationRating, AwardForm);
}

public sealed record RatingDetails(int Year, string? ProfessionalRating, string? EmulationRating, string? AwardForm);

/// <summary>Khen thưởng (item 35): form, content, deciding body, on the decision's date.</summary>
public sealed class AwardRecord : RecordRow
{
    private AwardRecord() { }

    public AwardRecord(Guid staffMemberId, Guid lineageId, DateOnly awardedOn, Guid? decisionId, DateTimeOffset recordedAt, string recordedBy, AwardDetails details)
        : base(staffMemberId, lineageId, awardedOn, null, decisionId, recordedAt, recordedBy)
    {
        if (string.IsNullOrWhiteSpace(details.Form)) throw new ArgumentException("An award needs a form.", nameof(details));
        (Form, Reason, DecidingBody) = (details.Form.Trim(), details.Reason?.Trim(), details.DecidingBody?.Trim());
    }

    /// <summary>Hình thức khen thưởng (Giấy khen, Bằng khen, …).</summary>
    public string Form { get; private set; } = "";
    public string? Reason { get; private set; }
    public string? DecidingBody { get; private set; }

    public AwardDetails Details => new(Form, Reason, DecidingBody);
}

public sealed record AwardDetails(string Form, string? Reason, string? DecidingBody);

/// <summary>Hình thức kỷ luật (Luật Viên chức Art. 52; Luật Cán bộ, công chức Art. 79). The salary rules read them (TT 03/2021).</summary>
public enum DisciplineForm
{
    /// <summary>Khiển trách.</summary>
    Reprimand = 1,
    /// <summary>Cảnh cáo.</summary>
    Warning = 2,
    /// <summary>Hạ bậc lương.</summary>
    SalaryStepDemotion = 3,
    /// <summary>Giáng chức.</summary>
    Demotion = 4,
    /// <summary>Cách chức.</summary>
    RemovalFromOffice = 5,
    /// <summary>Buộc thôi việc.</summary>
    Dismissal = 6,
}

/// <summary>Kỷ luật (item 35.2): form, period, violation, deciding body.</summary>
public sealed class DisciplineRecord : RecordRow
{
    private DisciplineRecord() { }

    public DisciplineRecord(Guid staffMemberId, Guid lineageId, DateOnly validFrom, DateOnly? validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy, DisciplineDetails details)
        : base(staffMemberId, lineageId, validFrom, validTo, decisionId, recordedAt, recordedBy)
    {
        if (!Enum.IsDefined(details.Form)) throw new ArgumentOutOfRangeException(nameof(details));
        if (details.AnnulledOn is { } annulled && annulled < validFrom) throw new ArgumentException("A discipline cannot be annulled before it takes effect.", nameof(details));
        (Form, Party, Violation, DecidingBody, AnnulledOn) = (details.Form, details.Party, details.Violation?.Trim(), details.DecidingBody?.Trim(), details.AnnulledOn);
    }

    public DisciplineForm Form { get; private set; }
    /// <summary>Kỷ luật Đảng (true) or administrative (false).</summary>
    public bool Party { get; private set; }
    /// <summary>Hành vi vi phạm chính.</summary>
    public string? Violation { get; private set; }
    public string? DecidingBody { get; private set; }
    /// <summary>Ngày hủy bỏ: the discipline was later found wrongful and annulled. Whether the raise delay still applies is for a person to decide.</summary>
    public DateOnly? AnnulledOn { get; private set; }

    public DisciplineDetails Details => new(Form, Party, Violation, DecidingBody, AnnulledOn);
}

public sealed record DisciplineDetails(DisciplineForm Form, bool Party, string? Violation, string? DecidingBody, DateOnly? AnnulledOn = null);

/// <summary>
/// Thời gian nghỉ, tạm đình chỉ, biệt phái…: time away that the raise and teacher-seniority rules count or do not count
/// (TT 08/2013 Art. 2 as amended by TT 03/2021; NĐ 77/2021 Art. 3). Both ends are included.
/// </summary>
public sealed class AbsenceRecord : RecordRow
{
    private AbsenceRecord() { }

    public AbsenceRecord(Guid staffMemberId, Guid lineageId, DateOnly validFrom, DateOnly validTo, Guid? decisionId,
        DateTimeOffset recordedAt, string recordedBy, AbsenceDetails details)
        : base(staffMemberId, lineageId, validFrom, validTo, decisionId, recordedAt, recordedBy)
    {
        if (!Enum.IsDefined(details.Kind)) throw new ArgumentOutOfRangeException(nameof(details));
        (Kind, Note) = (details.Kind, string.IsNullOrWhiteSpace(details.Note) ? null : details.Note.Trim());
    }

    public AbsenceKind Kind { get; private set; }
    public string? Note { get; private set; }

    public AbsenceDetails Details => new(Kind, Note);
}

public sealed record AbsenceDetails(AbsenceKind Kind, string? Note);

/// <summary>Which side of the family (item 36): one's own, or the spouse's.</summary>
public enum FamilySide
{
    /// <summary>Về bản thân.</summary>
    Own = 1,
    /// <summary>Về bên vợ hoặc chồng.</summary>
    Spouse = 2,
}

/// <summary>Quan hệ gia đình (item 36): relation, name, birth year, and the free description the form asks for.</summary>
public sealed class FamilyMember : RecordRow
{
    private FamilyMember() { }

    public FamilyMember(Guid staffMemberId, Guid lineageId, DateTimeOffset recordedAt, string recordedBy, FamilyDetails details)
        : base(staffMemberId, lineageId, null, null, null, recordedAt, recordedBy)
    {
        if (!Enum.IsDefined(details.Side)) throw new ArgumentOutOfRangeException(nameof(details));
        if (string.IsNullOrWhiteSpace(details.Relation) || string.IsNullOrWhiteSpace(details.FullName))
            throw new ArgumentException("A family member needs a relation and a name.", nameof(details));
        if (details.BirthYear is < 1850 or > 2200) throw new ArgumentOutOfRangeException(nameof(details));
        (Side, Relation, FullName, BirthYear, Description) =
            (details.Side, details.Relation.Trim(), details.FullName.Trim(), details.BirthYear, details.Description?.Trim());
    }

    public FamilySide Side { get; private set; }
    /// <summary>Cha, mẹ, vợ, chồng, con, anh, chị, em …</summary>
    public string Relation { get; private set; } = "";
    public string FullName { get; private set; } = "";
    public int? BirthYear { get; private set; }
    /// <summary>Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, nơi ở, thành viên tổ chức …</summary>
    public string? Description { get; private set; }

    public FamilyDetails Details => new(Side, Relation, FullName, BirthYear, Description);
}

public sealed record FamilyDetails(FamilySide Side, string Relation, string FullName, int? BirthYear, string? Description);
