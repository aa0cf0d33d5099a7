using Portal.Domain.Staff;
using Portal.Domain.Staff.History;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// Everything the Form 2C (sơ yếu lý lịch) needs, already loaded and checked for permission by the caller. Reference codes
/// are resolved to names here so the writer never queries. Rows are the current versions, oldest first.
/// </summary>
public sealed record Form2CData(
    StaffMember Staff,
    /// <summary>Cơ quan quản lý (e.g. the ward People's Committee).</summary>
    string ManagingBody,
    /// <summary>Cơ quan, đơn vị sử dụng (the school).</summary>
    string UsingUnit,
    Form2CNames Names,
    SalaryRecord? CurrentSalary,
    IReadOnlyList<PositionRecord> Positions,
    IReadOnlyList<AllowanceRecord> Allowances,
    IReadOnlyList<TrainingRecord> Training,
    IReadOnlyList<WorkHistoryRecord> WorkHistory,
    IReadOnlyList<RatingRecord> Ratings,
    IReadOnlyList<AwardRecord> Awards,
    IReadOnlyList<DisciplineRecord> Discipline,
    IReadOnlyList<FamilyMember> Family,
    IReadOnlyList<SalaryRecord> SalaryHistory,
    /// <summary>Null when the reader may not see health and economic data: those items then print "(hạn chế tiếp cận)".</summary>
    RestrictedParticulars? Restricted,
    /// <summary>The place and date printed above the signatures ("Bình Tân, ngày 29 tháng 11 năm 2026").</summary>
    string Place,
    DateOnly PrintedOn);

/// <summary>Names of the reference codes stored on the record.</summary>
public sealed record Form2CNames(string? Ethnicity, string? Religion, string? HighestQualification, string? PoliticalTheory, string? StateManagement);
