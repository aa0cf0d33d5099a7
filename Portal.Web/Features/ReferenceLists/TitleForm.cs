using System.ComponentModel.DataAnnotations;
using Portal.Web.Resources;

namespace Portal.Web.Features.ReferenceLists;

/// <summary>The dialog's copy of a title (chức danh nghề nghiệp / ngạch); the code is typed once, for a new title.</summary>
public sealed class TitleForm : IValidatableObject
{
    public bool IsNew { get; set; } = true;
    public uint? Version { get; set; }

    // The lengths are the columns' (title_definitions.code varchar(20), replaced_by varchar(20)).
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CodeRequired))]
    [StringLength(20, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.NameRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Name { get; set; } = "";

    public string? SalaryGroup { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.InForceFromRequired))]
    public DateTime? InForceFrom { get; set; }

    public DateTime? InForceUntil { get; set; }

    public string? ReplacedBy { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.LegalSourceRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string LegalSource { get; set; } = "";

    /// <summary>A title cannot end before it starts (V.07.03.07 ran 02/11/2015–19/03/2021); ending on its first day is allowed.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InForceFrom is { } from && InForceUntil is { } until && until.Date < from.Date)
            yield return new ValidationResult(Strings.TitleEndBeforeStart, [nameof(InForceUntil)]);
    }

    public TitleChange ToChange() => new(Name, SalaryGroup, DateOnly.FromDateTime(InForceFrom!.Value),
        InForceUntil is { } until ? DateOnly.FromDateTime(until) : null, ReplacedBy, LegalSource);

    public static TitleForm Of(TitleRow row) => new()
    {
        IsNew = false, Version = row.Version, Code = row.Code, Name = row.Name, SalaryGroup = row.SalaryGroup,
        InForceFrom = row.InForceFrom.ToDateTime(TimeOnly.MinValue), InForceUntil = row.InForceUntil?.ToDateTime(TimeOnly.MinValue),
        ReplacedBy = row.ReplacedBy, LegalSource = row.LegalSource,
    };
}
