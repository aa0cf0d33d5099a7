using System.ComponentModel.DataAnnotations;
using Portal.Domain.Staff;
using Portal.Web.Resources;

namespace Portal.Web.Features.Records;

/// <summary>Form models of the record's single-valued sections. Form models, not entities: they hold what is typed, checked, then applied.</summary>
public abstract class SectionForm : IValidatableObject
{
    public uint Version { get; set; }

    protected static DateTime? ToDateTime(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);
    protected static DateOnly? ToDate(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => [];

    /// <summary>A pair of dates that must be in order ("end dates not before start dates").</summary>
    protected static IEnumerable<ValidationResult> InOrder(DateTime? first, DateTime? second, string secondField, string message) =>
        first is { } a && second is { } b && b < a ? [new ValidationResult(message, [secondField])] : [];
}

public sealed class ParticularsForm : SectionForm
{
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? OtherNames { get; set; }
    public DateTime? CitizenIdIssuedOn { get; set; }
    public string? BirthPlaceProvince { get; set; }
    public string? BirthPlaceWard { get; set; }
    public string? BirthPlaceLegacy { get; set; }
    public string? HomeTownProvince { get; set; }
    public string? HomeTownWard { get; set; }
    public string? HomeTownLegacy { get; set; }
    public string? EthnicityCode { get; set; }
    public string? ReligionCode { get; set; }
    [RegularExpression("^[0-9]{10}$", ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.SocialInsuranceInvalid))]
    public string? SocialInsuranceNumber { get; set; }
    [StringLength(20, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? HealthInsuranceNumber { get; set; }
    [RegularExpression("^[0-9 +.]{8,20}$", ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.PhoneInvalid))]
    public string? Phone { get; set; }
    [EmailAddress(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.EmailInvalid))]
    public string? Email { get; set; }
    public string? AddressProvince { get; set; }
    public string? AddressWard { get; set; }
    public string? AddressDetail { get; set; }
    public string? AddressLegacy { get; set; }
    public string? FamilyBackground { get; set; }

    public static ParticularsForm Of(StaffMember s) => new()
    {
        Version = s.Version, OtherNames = s.OtherNames, CitizenIdIssuedOn = ToDateTime(s.CitizenIdIssuedOn),
        BirthPlaceProvince = s.BirthPlaceProvince, BirthPlaceWard = s.BirthPlaceWard, BirthPlaceLegacy = s.BirthPlaceLegacy,
        HomeTownProvince = s.HomeTownProvince, HomeTownWard = s.HomeTownWard, HomeTownLegacy = s.HomeTownLegacy,
        EthnicityCode = s.EthnicityCode, ReligionCode = s.ReligionCode, SocialInsuranceNumber = s.SocialInsuranceNumber,
        HealthInsuranceNumber = s.HealthInsuranceNumber, Phone = s.Phone, Email = s.Email, AddressProvince = s.AddressProvince,
        AddressWard = s.AddressWard, AddressDetail = s.AddressDetail, AddressLegacy = s.AddressLegacy, FamilyBackground = s.FamilyBackground,
    };

    public PersonalParticulars ToParticulars() => new(OtherNames, ToDate(CitizenIdIssuedOn),
        new Address(BirthPlaceProvince, BirthPlaceWard, null, BirthPlaceLegacy), new Address(HomeTownProvince, HomeTownWard, null, HomeTownLegacy),
        EthnicityCode, ReligionCode, SocialInsuranceNumber, HealthInsuranceNumber, Phone, Email,
        new Address(AddressProvince, AddressWard, AddressDetail, AddressLegacy), FamilyBackground);
}

public sealed class EmploymentForm : SectionForm
{
    [StringLength(30, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? StaffCode { get; set; }
    public DateTime? FirstRecruitedOn { get; set; }
    public string? RecruitingBody { get; set; }
    public string? OccupationBeforeRecruitment { get; set; }
    public DateTime? JoinedCurrentUnitOn { get; set; }
    public string? MainDuties { get; set; }
    public string? Strengths { get; set; }
    public string? LongestJob { get; set; }
    public string? PlannedFor { get; set; }
    public bool Teaches { get; set; }
    public DateTime? InsuredTeachingSince { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        InOrder(FirstRecruitedOn, JoinedCurrentUnitOn, nameof(JoinedCurrentUnitOn), Strings.JoinedBeforeRecruited);

    public static EmploymentForm Of(StaffMember s) => new()
    {
        Version = s.Version, StaffCode = s.StaffCode, FirstRecruitedOn = ToDateTime(s.FirstRecruitedOn), RecruitingBody = s.RecruitingBody,
        OccupationBeforeRecruitment = s.OccupationBeforeRecruitment, JoinedCurrentUnitOn = ToDateTime(s.JoinedCurrentUnitOn),
        MainDuties = s.MainDuties, Strengths = s.Strengths, LongestJob = s.LongestJob, PlannedFor = s.PlannedFor,
        Teaches = s.Teaches, InsuredTeachingSince = ToDateTime(s.InsuredTeachingSince),
    };

    public Employment ToEmployment() => new(StaffCode, ToDate(FirstRecruitedOn), RecruitingBody, OccupationBeforeRecruitment,
        ToDate(JoinedCurrentUnitOn), MainDuties, Strengths, LongestJob, PlannedFor, Teaches, ToDate(InsuredTeachingSince));
}

public sealed class EducationForm : SectionForm
{
    [StringLength(20, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? GeneralEducation { get; set; }
    public string? HighestQualificationCode { get; set; }
    public string? AcademicTitle { get; set; }
    public string? PoliticalTheoryCode { get; set; }
    public string? StateManagementCode { get; set; }
    public string? ForeignLanguages { get; set; }
    public string? InformationTechnology { get; set; }

    public static EducationForm Of(StaffMember s) => new()
    {
        Version = s.Version, GeneralEducation = s.GeneralEducation, HighestQualificationCode = s.HighestQualificationCode,
        AcademicTitle = s.AcademicTitle, PoliticalTheoryCode = s.PoliticalTheoryCode, StateManagementCode = s.StateManagementCode,
        ForeignLanguages = s.ForeignLanguages, InformationTechnology = s.InformationTechnology,
    };

    public Education ToEducation() => new(GeneralEducation, HighestQualificationCode, AcademicTitle, PoliticalTheoryCode,
        StateManagementCode, ForeignLanguages, InformationTechnology);
}

public sealed class AffiliationsForm : SectionForm
{
    public DateTime? PartyJoinedOn { get; set; }
    public DateTime? PartyOfficialOn { get; set; }
    public string? PartyPosition { get; set; }
    public string? PartyConcurrentPosition { get; set; }
    public string? SocioPoliticalOrganisation { get; set; }
    public DateTime? SocioPoliticalJoinedOn { get; set; }
    public DateTime? EnlistedOn { get; set; }
    public DateTime? DischargedOn { get; set; }
    public string? HighestMilitaryRank { get; set; }
    public string? HonoraryTitles { get; set; }
    public string? PolicyBeneficiary { get; set; }
    public string? Detention { get; set; }
    public string? FormerRegimeWork { get; set; }
    public string? ForeignRelations { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PartyOfficialOn is not null && PartyJoinedOn is null)
            yield return new ValidationResult(Strings.PartyJoinedRequired, [nameof(PartyJoinedOn)]);
        if (DischargedOn is not null && EnlistedOn is null)
            yield return new ValidationResult(Strings.EnlistedRequired, [nameof(EnlistedOn)]);
        foreach (var r in InOrder(PartyJoinedOn, PartyOfficialOn, nameof(PartyOfficialOn), Strings.OfficialBeforeJoined)) yield return r;
        foreach (var r in InOrder(EnlistedOn, DischargedOn, nameof(DischargedOn), Strings.EndBeforeStart)) yield return r;
    }

    public static AffiliationsForm Of(StaffMember s) => new()
    {
        Version = s.Version, PartyJoinedOn = ToDateTime(s.PartyJoinedOn), PartyOfficialOn = ToDateTime(s.PartyOfficialOn),
        PartyPosition = s.PartyPosition, PartyConcurrentPosition = s.PartyConcurrentPosition, SocioPoliticalOrganisation = s.SocioPoliticalOrganisation,
        SocioPoliticalJoinedOn = ToDateTime(s.SocioPoliticalJoinedOn), EnlistedOn = ToDateTime(s.EnlistedOn), DischargedOn = ToDateTime(s.DischargedOn),
        HighestMilitaryRank = s.HighestMilitaryRank, HonoraryTitles = s.HonoraryTitles, PolicyBeneficiary = s.PolicyBeneficiary,
        Detention = s.Detention, FormerRegimeWork = s.FormerRegimeWork, ForeignRelations = s.ForeignRelations,
    };

    public Affiliations ToAffiliations() => new(ToDate(PartyJoinedOn), ToDate(PartyOfficialOn), PartyPosition, PartyConcurrentPosition,
        SocioPoliticalOrganisation, ToDate(SocioPoliticalJoinedOn), ToDate(EnlistedOn), ToDate(DischargedOn), HighestMilitaryRank, HonoraryTitles, PolicyBeneficiary);

    public PersonalHistory ToPersonalHistory() => new(Detention, FormerRegimeWork, ForeignRelations);
}

public sealed class RestrictedForm : IValidatableObject
{
    public uint? Version { get; set; }
    public string? HealthStatus { get; set; }
    [Range(50, 250, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.HeightInvalid))]
    public int? HeightCm { get; set; }
    [Range(20, 300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.WeightInvalid))]
    public decimal? WeightKg { get; set; }
    [StringLength(10, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? BloodType { get; set; }
    public string? IncomeSources { get; set; }
    public string? Housing { get; set; }
    public string? Land { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => [];

    public static RestrictedForm Of(RestrictedParticulars r) => new()
    {
        Version = r.Version == 0 ? null : r.Version, HealthStatus = r.HealthStatus, HeightCm = r.HeightCm, WeightKg = r.WeightKg,
        BloodType = r.BloodType, IncomeSources = r.IncomeSources, Housing = r.Housing, Land = r.Land,
    };

    public RestrictedInput ToInput() => new(HealthStatus, HeightCm, WeightKg, BloodType, IncomeSources, Housing, Land);
}

/// <summary>A decision of the register, as typed.</summary>
public sealed class DecisionForm : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint? Version { get; set; }
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.RegisterDecisionNumberRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Number { get; set; } = "";
    public Domain.Decisions.DecisionKind Kind { get; set; } = Domain.Decisions.DecisionKind.Other;
    [StringLength(500, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? Summary { get; set; }
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.SignerRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Signer { get; set; } = "";
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.IssuingBodyRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string IssuingBody { get; set; } = "";
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.SignedOnRequired))]
    public DateTime? SignedOn { get; set; }
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.EffectiveOnRequired))]
    public DateTime? EffectiveOn { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SignedOn is { } signed && EffectiveOn is { } effective && effective < signed)
            yield return new ValidationResult(Strings.EffectiveBeforeSigned, [nameof(EffectiveOn)]);
    }

    public Domain.Decisions.DecisionParticulars ToParticulars() => new(Number, Kind, Summary, Signer, IssuingBody,
        DateOnly.FromDateTime(SignedOn!.Value), DateOnly.FromDateTime(EffectiveOn!.Value));

    public static DecisionForm Of(Domain.Decisions.Decision d) => new()
    {
        Id = d.Id, Version = d.Version, Number = d.Number, Kind = d.Kind, Summary = d.Summary, Signer = d.Signer, IssuingBody = d.IssuingBody,
        SignedOn = d.SignedOn.ToDateTime(TimeOnly.MinValue), EffectiveOn = d.EffectiveOn.ToDateTime(TimeOnly.MinValue),
    };
}
