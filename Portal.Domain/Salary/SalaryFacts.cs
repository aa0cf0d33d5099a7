using Portal.Domain.Staff;
using Portal.Domain.Staff.History;

namespace Portal.Domain.Salary;

/// <summary>How a salary row came about (hình thức nâng lương). The early-raise rule reads it: no two early raises for
/// achievement in a row within one rank (TT 08/2013 Art. 3, amended by TT 03/2021).</summary>
public enum RaiseKind
{
    /// <summary>Xếp lương lần đầu / chuyển xếp lương.</summary>
    Placement = 1,
    /// <summary>Nâng bậc lương thường xuyên.</summary>
    Regular = 2,
    /// <summary>Nâng bậc lương trước thời hạn do lập thành tích xuất sắc.</summary>
    EarlyForAchievement = 3,
    /// <summary>Nâng bậc lương trước thời hạn khi có thông báo nghỉ hưu.</summary>
    EarlyBeforeRetirement = 4,
    /// <summary>Hưởng / thay đổi phụ cấp thâm niên vượt khung.</summary>
    BeyondFrame = 5,
}

/// <summary>
/// One row of the salary history as the engine reads it: the step held from <see cref="From"/> ("ngày hưởng"), and the day
/// its decision was signed (<see cref="DecidedOn"/>), when known: an early raise uses up the achievements dated before it.
/// </summary>
public sealed record SalaryStepHeld(DateOnly From, string TitleCode, string Group, int Step, decimal Coefficient,
    decimal? BeyondFramePercent, RaiseKind? Kind, string? DecisionNumber, DateOnly? DecidedOn = null);

/// <summary>Kinds of time away that the raise and allowance rules treat differently (TT 08/2013 Art. 2 as amended by TT 03/2021; NĐ 77/2021 Art. 3).</summary>
public enum AbsenceKind
{
    /// <summary>Nghỉ việc riêng không hưởng lương — not counted.</summary>
    UnpaidLeave = 1,
    /// <summary>Tạm đình chỉ công tác — not counted.</summary>
    Suspension = 2,
    /// <summary>Bị tạm giữ, tạm giam — not counted.</summary>
    Detention = 3,
    /// <summary>Đi học, công tác quá thời hạn được cử — not counted.</summary>
    StudyBeyondTerm = 4,
    /// <summary>Nghỉ ốm hưởng BHXH — counted up to a cumulative cap within the holding period, the rest not.</summary>
    SicknessLeave = 5,
    /// <summary>Nghỉ thai sản — counted.</summary>
    Maternity = 6,
    /// <summary>Biệt phái, đi học được cử, còn trong danh sách trả lương — counted.</summary>
    Secondment = 7,
    /// <summary>Nghĩa vụ quân sự — counted (since TT 03/2021).</summary>
    MilitaryService = 8,
    /// <summary>Đào ngũ — not counted (since TT 03/2021).</summary>
    Desertion = 9,
    /// <summary>Thời gian thử thách án treo — not counted (since TT 03/2021).</summary>
    SuspendedSentenceProbation = 10,
    /// <summary>Nghỉ chờ đủ tuổi nghỉ hưu — not counted (since TT 03/2021).</summary>
    WaitingForRetirement = 11,
    /// <summary>Thời gian không làm việc khác — not counted.</summary>
    OtherNonWorking = 12,
    /// <summary>Tập sự — not counted for teacher seniority (NĐ 77/2021).</summary>
    Probation = 13,
}

/// <summary>A period away, both ends included.</summary>
public sealed record AbsencePeriod(AbsenceKind Kind, DateOnly From, DateOnly To, string? DecisionNumber);

/// <summary>A discipline decision: its form, when it took effect, the end of its execution period, and the day it was
/// annulled if it was later found wrongful (then the law is unclear, and a person decides).</summary>
public sealed record DisciplineEvent(DisciplineForm Form, DateOnly EffectiveOn, DateOnly? Until, DateOnly? AnnulledOn, string? DecisionNumber);

/// <summary>The year's assessment (đánh giá, xếp loại); <see cref="NotCompleted"/> for "Không hoàn thành nhiệm vụ".</summary>
public sealed record RatingYear(int Year, bool NotCompleted, string? Rating);

/// <summary>An achievement recognised in writing (khen thưởng) and the months early it is worth under the unit's rules
/// (0 when the unit's rules give it nothing).</summary>
public sealed record Achievement(DateOnly DecidedOn, string Form, string? DecisionNumber, int MonthsEarly, int Rank);

/// <summary>The retirement notice (thông báo nghỉ hưu): when it was given and the retirement day it announces.</summary>
public sealed record RetirementNotice(DateOnly NoticeOn, DateOnly RetiresOn, string? DecisionNumber);

/// <summary>Cấp học of the school, for the teacher allowances.</summary>
public enum SchoolLevel
{
    Preschool = 1,
    Primary = 2,
    LowerSecondary = 3,
    UpperSecondary = 4,
}

/// <summary>Where the school is, for the occupational preferential allowance (TTLT 01/2006).</summary>
public enum SchoolArea
{
    /// <summary>Đồng bằng, thành phố, thị xã.</summary>
    Urban = 1,
    /// <summary>Miền núi, hải đảo, vùng sâu, vùng xa.</summary>
    Mountain = 2,
    /// <summary>Vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn.</summary>
    ExtremelyDifficult = 3,
}

/// <summary>Leadership posts that carry a position allowance in a school (TT 33/2005/TT-BGDĐT).</summary>
public enum LeadershipPost
{
    /// <summary>Hiệu trưởng.</summary>
    Principal = 1,
    /// <summary>Phó hiệu trưởng.</summary>
    VicePrincipal = 2,
}

/// <summary>The school and teaching facts the teacher allowances need. <see cref="SchoolClass"/> is the school's hạng (1–3).</summary>
public sealed record TeachingFacts(bool Teaches, DateOnly? InsuredTeachingSince, SchoolLevel Level, SchoolArea Area, int? SchoolClass,
    LeadershipPost? Post);

/// <summary>Everything the raise and allowance rules read about one person, loaded by the caller.</summary>
public sealed record StaffSalaryFacts(
    Guid StaffId,
    string FullName,
    Gender Gender,
    DateOnly BornOn,
    IReadOnlyList<SalaryStepHeld> Steps,
    IReadOnlyList<RatingYear> Ratings,
    IReadOnlyList<DisciplineEvent> Disciplines,
    IReadOnlyList<AbsencePeriod> Absences,
    IReadOnlyList<Achievement> Achievements,
    RetirementNotice? Notice,
    TeachingFacts? Teaching);

/// <summary>One line of an explanation, in the records officer's words, with the legal source of the number it used.</summary>
public sealed record Reason(string Text, string? LegalSource = null);
