using System.ComponentModel.DataAnnotations;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.SalaryScale;

/// <summary>
/// The dialog's copy of a new scale for one group (bảng hệ số mới từ ngày), prefilled with the coefficients in force; the save
/// ends <see cref="Current"/>, the group's open rows, the day before <see cref="InForceFrom"/>.
/// </summary>
public sealed class SalaryScaleForm : IValidatableObject
{
    public string Group { get; set; } = "";
    public ScaleGroup? Current { get; set; }
    public List<StepCoefficient> Steps { get; set; } = [];

    [Range(1, 120, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.ScaleRaiseIntervalInvalid))]
    public int RaiseIntervalMonths { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.InForceFromRequired))]
    public DateTime? InForceFrom { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.LegalSourceRequired))]
    public string LegalSource { get; set; } = "";

    /// <summary>The new scale starts after the one in force does, since that one ends the day before.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Current is { } current && InForceFrom is { } from && DateOnly.FromDateTime(from) <= current.InForceFrom)
            yield return new ValidationResult(string.Format(Strings.ScaleFromNotAfterCurrent, current.InForceFrom.ToString("dd/MM/yyyy")), [nameof(InForceFrom)]);
    }

    public void AddStep() => Steps.Add(new StepCoefficient { Step = Steps.Count + 1 });

    public void RemoveStep()
    {
        if (Steps.Count > 1) Steps.RemoveAt(Steps.Count - 1);
    }

    public NewScale ToNewScale() => new(Group, [.. Steps.Select(s => s.Coefficient)], RaiseIntervalMonths, DateOnly.FromDateTime(InForceFrom!.Value), LegalSource);

    public IReadOnlyList<OpenedRow> Opened => [.. Current?.Steps.Select(s => new OpenedRow(s.Id, s.Version)) ?? []];

    /// <summary>A new scale prefilled from <paramref name="prefill"/>, ending <paramref name="open"/> (the group's open rows, if any).</summary>
    public static SalaryScaleForm Of(ScaleGroup prefill, ScaleGroup? open) => new()
    {
        Group = prefill.Group, Current = open, RaiseIntervalMonths = prefill.RaiseIntervalMonths,
        Steps = [.. prefill.Steps.Select(s => new StepCoefficient { Step = s.Step, Coefficient = s.Coefficient, Was = s.Coefficient })],
    };
}

/// <summary>One step's coefficient in the dialog, with the one in force for comparison.</summary>
public sealed class StepCoefficient
{
    public int Step { get; init; }
    public decimal? Coefficient { get; set; }
    public decimal? Was { get; init; }
}
