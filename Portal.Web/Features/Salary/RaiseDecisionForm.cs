using System.ComponentModel.DataAnnotations;
using Portal.Web.Resources;

namespace Portal.Web.Features.Salary;

/// <summary>The raise decision's particulars as typed; dates checked in order here, the rest on the server.</summary>
public sealed class RaiseDecisionForm : IValidatableObject
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.RaiseDecisionNumberRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Number { get; set; } = "";
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
    [StringLength(500, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string? Summary { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SignedOn is { } signed && EffectiveOn is { } effective && effective < signed)
            yield return new ValidationResult(Strings.EffectiveBeforeSigned, [nameof(EffectiveOn)]);
    }

    public RaiseDecisionInput ToInput() => new(Number, Signer, IssuingBody, DateOnly.FromDateTime(SignedOn!.Value), DateOnly.FromDateTime(EffectiveOn!.Value), Summary);
}
