namespace Portal.Domain.Staff;

/// <summary>
/// An address in the two-level form used since 01/07/2025 (province and ward or commune, no district;
/// Nghị quyết 202/2025/QH15), with the pre-reform wording kept as text, because older documents use it.
/// </summary>
public sealed record Address(string? Province, string? Ward, string? Detail, string? Legacy)
{
    public static readonly Address Empty = new(null, null, null, null);

    public bool IsEmpty => string.IsNullOrWhiteSpace(Province) && string.IsNullOrWhiteSpace(Ward)
        && string.IsNullOrWhiteSpace(Detail) && string.IsNullOrWhiteSpace(Legacy);

    /// <summary>"detail, ward, province", or the legacy text when the two-level parts are empty.</summary>
    public override string ToString()
    {
        var parts = new[] { Detail, Ward, Province }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count > 0 ? string.Join(", ", parts) : Legacy?.Trim() ?? "";
    }
}

/// <summary>Form 2C items 2, 4–11 (38-item layout): other names, birthplace, home town, ethnicity, religion, ids, contacts.</summary>
public sealed record PersonalParticulars(
    string? OtherNames,
    DateOnly? CitizenIdIssuedOn,
    Address BirthPlace,
    Address HomeTown,
    string? EthnicityCode,
    string? ReligionCode,
    string? SocialInsuranceNumber,
    string? HealthInsuranceNumber,
    string? Phone,
    string? Email,
    Address CurrentAddress,
    string? FamilyBackground);

/// <summary>Items 12–14, 24, 28–29: recruitment and the work the person is given; and the "số hiệu" of the form's header.
/// <see cref="Teaches"/> (trực tiếp giảng dạy) and <see cref="InsuredTeachingSince"/> (since when they teach with compulsory social
/// insurance) drive the teacher allowances (TTLT 01/2006; NĐ 77/2021).</summary>
public sealed record Employment(
    string? StaffCode,
    DateOnly? FirstRecruitedOn,
    string? RecruitingBody,
    string? OccupationBeforeRecruitment,
    DateOnly? JoinedCurrentUnitOn,
    string? MainDuties,
    string? Strengths,
    string? LongestJob,
    string? PlannedFor,
    bool Teaches = false,
    DateOnly? InsuredTeachingSince = null);

/// <summary>Items 19–21 and the summary of 32: education levels. The detail lives in the training rows.</summary>
public sealed record Education(
    string? GeneralEducation,
    string? HighestQualificationCode,
    string? AcademicTitle,
    string? PoliticalTheoryCode,
    string? StateManagementCode,
    string? ForeignLanguages,
    string? InformationTechnology);

/// <summary>Items 15–18, 22, 26–27: Party, socio-political organisations, military service, honours, policy status.</summary>
public sealed record Affiliations(
    DateOnly? PartyJoinedOn,
    DateOnly? PartyOfficialOn,
    string? PartyPosition,
    string? PartyConcurrentPosition,
    string? SocioPoliticalOrganisation,
    DateOnly? SocioPoliticalJoinedOn,
    DateOnly? EnlistedOn,
    DateOnly? DischargedOn,
    string? HighestMilitaryRank,
    string? HonoraryTitles,
    string? PolicyBeneficiary);

/// <summary>Item 34: đặc điểm lịch sử bản thân.</summary>
public sealed record PersonalHistory(string? Detention, string? FormerRegimeWork, string? ForeignRelations);
