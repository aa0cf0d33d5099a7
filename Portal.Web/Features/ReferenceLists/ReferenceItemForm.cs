using System.ComponentModel.DataAnnotations;
using Portal.Domain.Reference;
using Portal.Web.Resources;

namespace Portal.Web.Features.ReferenceLists;

/// <summary>The dialog's copy of a list entry (mục danh mục). The code is typed once, for a new entry, and never changes.</summary>
public sealed class ReferenceItemForm : IValidatableObject
{
    public ReferenceKind Kind { get; set; }
    public bool IsNew { get; set; } = true;

    // The lengths are the columns' (reference_items.code varchar(20), name varchar(200)).
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CodeRequired))]
    [StringLength(20, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.NameRequired))]
    [StringLength(200, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Name { get; set; } = "";

    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>For a ward, the code of its province.</summary>
    public string? ParentCode { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == ReferenceKind.Ward && string.IsNullOrWhiteSpace(ParentCode))
            yield return new ValidationResult(Strings.ProvinceRequired, [nameof(ParentCode)]);
    }

    public static ReferenceItemForm New(ReferenceKind kind, int sortOrder) => new() { Kind = kind, SortOrder = sortOrder };

    public static ReferenceItemForm Of(ReferenceItem item) => new()
    {
        Kind = item.Kind, IsNew = false, Code = item.Code, Name = item.Name, SortOrder = item.SortOrder, IsActive = item.IsActive,
        ParentCode = item.ParentCode,
    };
}
