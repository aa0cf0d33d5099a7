using System.ComponentModel.DataAnnotations;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.LegalParameters;

/// <summary>
/// The dialog's copy of a legal parameter row: a correction of the row (<see cref="Id"/> set), or a new value of the code
/// from a date (<see cref="Id"/> null), which ends <see cref="Open"/>, the code's value in force, the day before.
/// </summary>
public sealed class LegalParameterForm : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public bool IsNewValue => Id is null;
    public string Code { get; set; } = "";

    /// <summary>For a new value, the code's open row the save will end (null when none is open).</summary>
    public ParameterRow? Open { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.ParameterTitleRequired))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.ParameterValueRequired))]
    public decimal? Value { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.InForceFromRequired))]
    public DateTime? InForceFrom { get; set; }

    public DateTime? InForceUntil { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.LegalSourceRequired))]
    public string LegalSource { get; set; } = "";

    /// <summary>
    /// A period cannot end before it starts (it may end on its first day); a new value starts after the open one does, since
    /// the open one ends the day before (a new base salary from 01/07/2026 ends the 01/07/2024 one on 30/06/2026).
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InForceFrom is { } from && InForceUntil is { } until && until.Date < from.Date)
            yield return new ValidationResult(Strings.TitleEndBeforeStart, [nameof(InForceUntil)]);
        if (IsNewValue && Open is { } open && InForceFrom is { } start && DateOnly.FromDateTime(start) <= open.InForceFrom)
            yield return new ValidationResult(string.Format(Strings.ParameterNewFromNotAfterOpen, open.InForceFrom.ToString("dd/MM/yyyy")),
                [nameof(InForceFrom)]);
    }

    public ParameterChange ToChange() => new(Title, Value, DateOnly.FromDateTime(InForceFrom!.Value),
        InForceUntil is { } until ? DateOnly.FromDateTime(until) : null, LegalSource);

    public NewParameterValue ToNewValue() => new(Value, DateOnly.FromDateTime(InForceFrom!.Value), LegalSource);

    public OpenedRow? Opened => Open is { } open ? new OpenedRow(open.Id, open.Version) : null;

    public static LegalParameterForm Of(ParameterRow row) => new()
    {
        Id = row.Id, Version = row.Version, Code = row.Code, Title = row.Title, Value = row.Value,
        InForceFrom = row.InForceFrom.ToDateTime(TimeOnly.MinValue), InForceUntil = row.InForceUntil?.ToDateTime(TimeOnly.MinValue),
        LegalSource = row.LegalSource,
    };

    /// <summary>A new value of the code of <paramref name="rows"/> (one code's rows, by date); the value field starts empty.</summary>
    public static LegalParameterForm NewValue(IReadOnlyList<ParameterRow> rows)
    {
        var open = rows.LastOrDefault(r => r.InForceUntil is null);
        return new() { Code = rows[0].Code, Title = (open ?? rows[^1]).Title, Open = open };
    }
}
