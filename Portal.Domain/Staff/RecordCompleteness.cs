namespace Portal.Domain.Staff;

/// <summary>
/// How complete a record is (mức độ đầy đủ): the required items of Form 2C that are filled in, and the papers of the
/// original dossier that are on file (TT 07/2019/TT-BNV). The 60-day obligation of a new record (Quy chế Art. 8.1)
/// closes only when both are complete.
/// </summary>
public static class RecordCompleteness
{
    /// <summary>Items of the CV every record needs; named by field so the UI can label them and jump to them.</summary>
    public static readonly IReadOnlyList<string> RequiredFields =
    [
        nameof(StaffMember.FullName), nameof(StaffMember.DateOfBirth), nameof(StaffMember.Gender), nameof(StaffMember.CitizenId),
        nameof(StaffMember.CitizenIdIssuedOn), nameof(StaffMember.BirthPlace), nameof(StaffMember.HomeTown),
        nameof(StaffMember.EthnicityCode), nameof(StaffMember.ReligionCode), nameof(StaffMember.CurrentAddress),
        nameof(StaffMember.FirstRecruitedOn), nameof(StaffMember.RecruitingBody), nameof(StaffMember.GeneralEducation),
        nameof(StaffMember.HighestQualificationCode), SalaryHistory, WorkHistory,
    ];

    public const string SalaryHistory = "SalaryHistory";
    public const string WorkHistory = "WorkHistory";

    public static Completeness Evaluate(StaffMember staff, bool hasSalaryRow, bool hasWorkHistoryRow,
        IReadOnlyCollection<string> requiredDossierCodes, IReadOnlyCollection<string> dossierCodesOnFile)
    {
        var missingFields = RequiredFields.Where(field => !Present(staff, field, hasSalaryRow, hasWorkHistoryRow)).ToList();
        var missingPapers = requiredDossierCodes.Where(code => !dossierCodesOnFile.Contains(code)).ToList();
        var required = RequiredFields.Count + requiredDossierCodes.Count;
        var present = required - missingFields.Count - missingPapers.Count;
        // Rounded down, so 100 means nothing is missing.
        return new Completeness(present * 100 / required, missingFields, missingPapers);
    }

    private static bool Present(StaffMember s, string field, bool hasSalaryRow, bool hasWorkHistoryRow) => field switch
    {
        nameof(StaffMember.FullName) => !string.IsNullOrWhiteSpace(s.FullName),
        nameof(StaffMember.DateOfBirth) => s.DateOfBirth != default,
        nameof(StaffMember.Gender) => Enum.IsDefined(s.Gender),
        nameof(StaffMember.CitizenId) => CitizenIdentityNumber.IsValid(s.CitizenId),
        nameof(StaffMember.CitizenIdIssuedOn) => s.CitizenIdIssuedOn is not null,
        nameof(StaffMember.BirthPlace) => !s.BirthPlace.IsEmpty,
        nameof(StaffMember.HomeTown) => !s.HomeTown.IsEmpty,
        nameof(StaffMember.EthnicityCode) => s.EthnicityCode is not null,
        nameof(StaffMember.ReligionCode) => s.ReligionCode is not null,
        nameof(StaffMember.CurrentAddress) => !s.CurrentAddress.IsEmpty,
        nameof(StaffMember.FirstRecruitedOn) => s.FirstRecruitedOn is not null,
        nameof(StaffMember.RecruitingBody) => s.RecruitingBody is not null,
        nameof(StaffMember.GeneralEducation) => s.GeneralEducation is not null,
        nameof(StaffMember.HighestQualificationCode) => s.HighestQualificationCode is not null,
        SalaryHistory => hasSalaryRow,
        WorkHistory => hasWorkHistoryRow,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}

public sealed record Completeness(int Percent, IReadOnlyList<string> MissingFields, IReadOnlyList<string> MissingDossierItems)
{
    public bool IsComplete => MissingFields.Count == 0 && MissingDossierItems.Count == 0;
}
