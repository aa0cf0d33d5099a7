using System.ComponentModel.DataAnnotations;
using Portal.Domain.Staff;
using Portal.Web.Resources;

namespace Portal.Web.Features.Staff;

/// <summary>What the records officer types for a new staff member. A form model, not the entity.</summary>
public sealed class StaffFormModel : IValidatableObject
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.FullNameRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string FullName { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.DateOfBirthRequired))]
    public DateTime? DateOfBirth { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.GenderRequired))]
    public Gender? Gender { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CitizenIdRequired))]
    [RegularExpression("^[0-9]{12}$", ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CitizenIdInvalid))]
    public string CitizenId { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.ProfessionalTitleRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string ProfessionalTitle { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.DecisionNumberRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string RecruitmentDecisionNumber { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.DecisionDateRequired))]
    public DateTime? RecruitmentDecisionDate { get; set; }

    /// <summary>The xmin the form was loaded with; a save against a newer row is a conflict, never an overwrite.</summary>
    public uint? Version { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DateOfBirth is { } born && RecruitmentDecisionDate is { } recruited && born >= recruited)
            yield return new ValidationResult(Strings.BornAfterRecruitment, [nameof(DateOfBirth)]);
    }

    public StaffIdentity ToIdentity() =>
        new(FullName.Trim(), DateOnly.FromDateTime(DateOfBirth!.Value), Gender!.Value, CitizenId.Trim(), ProfessionalTitle.Trim());

    public Recruitment ToRecruitment() => new(RecruitmentDecisionNumber.Trim(), DateOnly.FromDateTime(RecruitmentDecisionDate!.Value));

    public static StaffFormModel From(StaffMember s) => new()
    {
        FullName = s.FullName,
        DateOfBirth = s.DateOfBirth.ToDateTime(TimeOnly.MinValue),
        Gender = s.Gender,
        CitizenId = s.CitizenId,
        ProfessionalTitle = s.ProfessionalTitle,
        RecruitmentDecisionNumber = s.RecruitmentDecisionNumber,
        RecruitmentDecisionDate = s.RecruitmentDecisionDate.ToDateTime(TimeOnly.MinValue),
        Version = s.Version,
    };
}
