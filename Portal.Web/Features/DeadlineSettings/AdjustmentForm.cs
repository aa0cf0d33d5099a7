using System.ComponentModel.DataAnnotations;
using Portal.Domain.Deadlines;
using Portal.Web.Resources;

namespace Portal.Web.Features.DeadlineSettings;

/// <summary>The dialog's copy of a yearly adjustment (ngày nghỉ bù, làm bù, hoán đổi) before it is saved.</summary>
public sealed class AdjustmentForm
{
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.AdjustmentDateRequired))]
    public DateTime? Date { get; set; }

    public CalendarAdjustmentKind Kind { get; set; } = CalendarAdjustmentKind.DayOff;

    // The lengths are the columns' (calendar_adjustments.reason varchar(300), legal_source varchar(500)).
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.ReasonRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Reason { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.LegalSourceRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string LegalSource { get; set; } = "";

    public CalendarAdjustment ToAdjustment() => new(DateOnly.FromDateTime(Date!.Value), Kind, Reason, LegalSource);
}
