namespace Portal.Domain.Staff;

/// <summary>
/// A public employee whose personnel record (hồ sơ cán bộ, công chức, viên chức) the unit keeps: the single-valued
/// items of Form 2C (Mẫu 2C-BNV/2008, the 38-item layout of TT 06/2023, HS02-VC/BNV). Items that change over time
/// (salary, positions, allowances, training, work history, ratings, awards, discipline, family) are history rows
/// (<see cref="History.RecordRow"/>); health and economic situation are <see cref="RestrictedParticulars"/>.
/// </summary>
public sealed class StaffMember
{
    private StaffMember() { }

    public StaffMember(Guid id, Guid unitId, StaffIdentity identity, Recruitment recruitment)
    {
        Id = id;
        UnitId = unitId;
        Status = StaffStatus.Draft;
        Apply(identity);
        Apply(recruitment);
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>Họ và tên (printed in capitals as "họ và tên khai sinh").</summary>
    public string FullName { get; private set; } = "";
    /// <summary>Ngày sinh.</summary>
    public DateOnly DateOfBirth { get; private set; }
    /// <summary>Giới tính.</summary>
    public Gender Gender { get; private set; }
    /// <summary>Số căn cước công dân (12 chữ số); the personal identification number keys the e-dossier (NĐ 27/2026).</summary>
    public string CitizenId { get; private set; } = "";
    /// <summary>Chức danh nghề nghiệp / ngạch as shown on lists: the name of <see cref="TitleCode"/>.</summary>
    public string ProfessionalTitle { get; private set; } = "";
    /// <summary>Mã số chức danh nghề nghiệp / ngạch (e.g. V.07.03.29), from the current salary row.</summary>
    public string? TitleCode { get; private set; }
    /// <summary>Số quyết định tuyển dụng.</summary>
    public string RecruitmentDecisionNumber { get; private set; } = "";
    /// <summary>Ngày quyết định tuyển dụng.</summary>
    public DateOnly RecruitmentDecisionDate { get; private set; }

    public string? OtherNames { get; private set; }
    public DateOnly? CitizenIdIssuedOn { get; private set; }
    public string? BirthPlaceProvince { get; private set; }
    public string? BirthPlaceWard { get; private set; }
    public string? BirthPlaceLegacy { get; private set; }
    public string? HomeTownProvince { get; private set; }
    public string? HomeTownWard { get; private set; }
    public string? HomeTownLegacy { get; private set; }
    public string? EthnicityCode { get; private set; }
    public string? ReligionCode { get; private set; }
    public string? SocialInsuranceNumber { get; private set; }
    public string? HealthInsuranceNumber { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? AddressProvince { get; private set; }
    public string? AddressWard { get; private set; }
    public string? AddressDetail { get; private set; }
    public string? AddressLegacy { get; private set; }
    public string? FamilyBackground { get; private set; }

    /// <summary>Số hiệu cán bộ, công chức, viên chức (the managing body's number for the person).</summary>
    public string? StaffCode { get; private set; }
    public DateOnly? FirstRecruitedOn { get; private set; }
    public string? RecruitingBody { get; private set; }
    public string? OccupationBeforeRecruitment { get; private set; }
    public DateOnly? JoinedCurrentUnitOn { get; private set; }
    /// <summary>Trực tiếp giảng dạy: the occupational preferential allowance needs it.</summary>
    public bool Teaches { get; private set; }
    /// <summary>Since when the person teaches with compulsory social insurance: the teacher seniority allowance counts from it.</summary>
    public DateOnly? InsuredTeachingSince { get; private set; }
    public string? MainDuties { get; private set; }
    public string? Strengths { get; private set; }
    public string? LongestJob { get; private set; }
    public string? PlannedFor { get; private set; }

    public string? GeneralEducation { get; private set; }
    public string? HighestQualificationCode { get; private set; }
    public string? AcademicTitle { get; private set; }
    public string? PoliticalTheoryCode { get; private set; }
    public string? StateManagementCode { get; private set; }
    public string? ForeignLanguages { get; private set; }
    public string? InformationTechnology { get; private set; }

    public DateOnly? PartyJoinedOn { get; private set; }
    public DateOnly? PartyOfficialOn { get; private set; }
    public string? PartyPosition { get; private set; }
    public string? PartyConcurrentPosition { get; private set; }
    public string? SocioPoliticalOrganisation { get; private set; }
    public DateOnly? SocioPoliticalJoinedOn { get; private set; }
    public DateOnly? EnlistedOn { get; private set; }
    public DateOnly? DischargedOn { get; private set; }
    public string? HighestMilitaryRank { get; private set; }
    public string? HonoraryTitles { get; private set; }
    public string? PolicyBeneficiary { get; private set; }

    public string? Detention { get; private set; }
    public string? FormerRegimeWork { get; private set; }
    public string? ForeignRelations { get; private set; }

    /// <summary>Tình trạng: draft, active, or how the person left.</summary>
    public StaffStatus Status { get; private set; }
    /// <summary>The date the current status took effect (activation, or leaving).</summary>
    public DateOnly? StatusOn { get; private set; }
    /// <summary>The decision behind the current status (e.g. the retirement decision).</summary>
    public Guid? StatusDecisionId { get; private set; }

    /// <summary>Share (0–100) of required items and required dossier papers present; kept for the list, recomputed on every save.</summary>
    public int CompletenessPercent { get; private set; }

    public uint Version { get; private set; }

    public Address BirthPlace => new(BirthPlaceProvince, BirthPlaceWard, null, BirthPlaceLegacy);
    public Address HomeTown => new(HomeTownProvince, HomeTownWard, null, HomeTownLegacy);
    public Address CurrentAddress => new(AddressProvince, AddressWard, AddressDetail, AddressLegacy);
    public bool IsPartyMember => PartyJoinedOn is not null;

    public void Apply(StaffIdentity identity)
    {
        // The forms check these first, with messages; here they are invariants no write path may break.
        if (string.IsNullOrWhiteSpace(identity.FullName)) throw new ArgumentException("A staff member needs a name.", nameof(identity));
        if (!CitizenIdentityNumber.IsValid(identity.CitizenId)) throw new ArgumentException("A citizen ID is 12 digits.", nameof(identity));
        FullName = identity.FullName.Trim();
        DateOfBirth = identity.DateOfBirth;
        Gender = identity.Gender;
        CitizenId = identity.CitizenId;
        ProfessionalTitle = identity.ProfessionalTitle.Trim();
    }

    public void Apply(Recruitment recruitment)
    {
        RecruitmentDecisionNumber = recruitment.DecisionNumber.Trim();
        RecruitmentDecisionDate = recruitment.DecisionDate;
    }

    public void Apply(PersonalParticulars p)
    {
        OtherNames = Clean(p.OtherNames);
        CitizenIdIssuedOn = p.CitizenIdIssuedOn;
        (BirthPlaceProvince, BirthPlaceWard, BirthPlaceLegacy) = (Clean(p.BirthPlace.Province), Clean(p.BirthPlace.Ward), Clean(p.BirthPlace.Legacy));
        (HomeTownProvince, HomeTownWard, HomeTownLegacy) = (Clean(p.HomeTown.Province), Clean(p.HomeTown.Ward), Clean(p.HomeTown.Legacy));
        EthnicityCode = Clean(p.EthnicityCode);
        ReligionCode = Clean(p.ReligionCode);
        SocialInsuranceNumber = Clean(p.SocialInsuranceNumber);
        HealthInsuranceNumber = Clean(p.HealthInsuranceNumber);
        Phone = Clean(p.Phone);
        Email = Clean(p.Email);
        (AddressProvince, AddressWard, AddressDetail, AddressLegacy) =
            (Clean(p.CurrentAddress.Province), Clean(p.CurrentAddress.Ward), Clean(p.CurrentAddress.Detail), Clean(p.CurrentAddress.Legacy));
        FamilyBackground = Clean(p.FamilyBackground);
    }

    public PersonalParticulars Particulars => new(OtherNames, CitizenIdIssuedOn, BirthPlace, HomeTown, EthnicityCode, ReligionCode,
        SocialInsuranceNumber, HealthInsuranceNumber, Phone, Email, CurrentAddress, FamilyBackground);

    public void Apply(Employment e)
    {
        StaffCode = Clean(e.StaffCode)?.ToUpperInvariant();
        FirstRecruitedOn = e.FirstRecruitedOn;
        RecruitingBody = Clean(e.RecruitingBody);
        OccupationBeforeRecruitment = Clean(e.OccupationBeforeRecruitment);
        JoinedCurrentUnitOn = e.JoinedCurrentUnitOn;
        MainDuties = Clean(e.MainDuties);
        Strengths = Clean(e.Strengths);
        LongestJob = Clean(e.LongestJob);
        PlannedFor = Clean(e.PlannedFor);
        Teaches = e.Teaches;
        InsuredTeachingSince = e.InsuredTeachingSince;
    }

    public Employment Employment => new(StaffCode, FirstRecruitedOn, RecruitingBody, OccupationBeforeRecruitment, JoinedCurrentUnitOn,
        MainDuties, Strengths, LongestJob, PlannedFor, Teaches, InsuredTeachingSince);

    public void Apply(Education e)
    {
        GeneralEducation = Clean(e.GeneralEducation);
        HighestQualificationCode = Clean(e.HighestQualificationCode);
        AcademicTitle = Clean(e.AcademicTitle);
        PoliticalTheoryCode = Clean(e.PoliticalTheoryCode);
        StateManagementCode = Clean(e.StateManagementCode);
        ForeignLanguages = Clean(e.ForeignLanguages);
        InformationTechnology = Clean(e.InformationTechnology);
    }

    public Education Education => new(GeneralEducation, HighestQualificationCode, AcademicTitle, PoliticalTheoryCode,
        StateManagementCode, ForeignLanguages, InformationTechnology);

    public void Apply(Affiliations a)
    {
        if (a.PartyOfficialOn is not null && (a.PartyJoinedOn is null || a.PartyOfficialOn < a.PartyJoinedOn))
            throw new ArgumentException("Official Party membership cannot precede admission.", nameof(a));
        if (a.DischargedOn is not null && (a.EnlistedOn is null || a.DischargedOn < a.EnlistedOn))
            throw new ArgumentException("Discharge cannot precede enlistment.", nameof(a));
        PartyJoinedOn = a.PartyJoinedOn;
        PartyOfficialOn = a.PartyOfficialOn;
        PartyPosition = Clean(a.PartyPosition);
        PartyConcurrentPosition = Clean(a.PartyConcurrentPosition);
        SocioPoliticalOrganisation = Clean(a.SocioPoliticalOrganisation);
        SocioPoliticalJoinedOn = a.SocioPoliticalJoinedOn;
        EnlistedOn = a.EnlistedOn;
        DischargedOn = a.DischargedOn;
        HighestMilitaryRank = Clean(a.HighestMilitaryRank);
        HonoraryTitles = Clean(a.HonoraryTitles);
        PolicyBeneficiary = Clean(a.PolicyBeneficiary);
    }

    public Affiliations Affiliations => new(PartyJoinedOn, PartyOfficialOn, PartyPosition, PartyConcurrentPosition,
        SocioPoliticalOrganisation, SocioPoliticalJoinedOn, EnlistedOn, DischargedOn, HighestMilitaryRank, HonoraryTitles, PolicyBeneficiary);

    public void Apply(PersonalHistory h)
    {
        Detention = Clean(h.Detention);
        FormerRegimeWork = Clean(h.FormerRegimeWork);
        ForeignRelations = Clean(h.ForeignRelations);
    }

    public PersonalHistory PersonalHistory => new(Detention, FormerRegimeWork, ForeignRelations);

    /// <summary>The current title, copied from the salary row in force so the list can filter and sort on it.</summary>
    public void SetTitle(string? code, string name)
    {
        TitleCode = Clean(code);
        ProfessionalTitle = name.Trim();
    }

    public void SetCompleteness(int percent) => CompletenessPercent = Math.Clamp(percent, 0, 100);

    /// <summary>Draft → active: the record becomes one of the unit's records.</summary>
    public void Activate(DateOnly on)
    {
        if (Status != StaffStatus.Draft) throw new InvalidOperationException($"Only a draft can be activated; this record is {Status}.");
        Status = StaffStatus.Active;
        StatusOn = on;
        StatusDecisionId = null;
    }

    /// <summary>Active → transferred out, resigned, retired or deceased, with its date and decision. The record stays.</summary>
    public void Leave(StaffStatus status, DateOnly on, Guid? decisionId)
    {
        if (!status.IsLeaving()) throw new ArgumentOutOfRangeException(nameof(status), status, "Not a way of leaving.");
        if (Status != StaffStatus.Active) throw new InvalidOperationException($"Only an active record can leave; this record is {Status}.");
        Status = status;
        StatusOn = on;
        StatusDecisionId = decisionId;
    }

    /// <summary>A draft that was never activated may be discarded; anything else is kept forever.</summary>
    public bool CanBeDiscarded => Status == StaffStatus.Draft;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record StaffIdentity(string FullName, DateOnly DateOfBirth, Gender Gender, string CitizenId, string ProfessionalTitle);

public sealed record Recruitment(string DecisionNumber, DateOnly DecisionDate);

public enum Gender
{
    /// <summary>Nam.</summary>
    Male = 1,
    /// <summary>Nữ.</summary>
    Female = 2,
}
