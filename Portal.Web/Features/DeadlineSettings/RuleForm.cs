using System.ComponentModel.DataAnnotations;
using Portal.Domain.Deadlines;
using Portal.Web.Resources;

namespace Portal.Web.Features.DeadlineSettings;

/// <summary>The dialog's copy of a deadline rule (quy định thời hạn); the code is typed once, for a new rule.</summary>
public sealed class RuleForm : IValidatableObject
{
    public Guid? Id { get; set; }
    public uint Version { get; set; }
    public bool IsNew => Id is null;

    // The lengths are the columns' (deadline_rules.code varchar(100), rule_set varchar(50), title varchar(300)).
    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.CodeRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Code { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.RuleTitleRequired))]
    [StringLength(300, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string Title { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.RuleSetRequired))]
    [StringLength(50, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string RuleSet { get; set; } = "";

    public DeadlineTrigger Trigger { get; set; } = DeadlineTrigger.DecisionEffective;
    public RuleAwaits Awaits { get; set; } = RuleAwaits.ChangeRecorded;
    public ResponsibleParty Responsible { get; set; } = ResponsibleParty.RecordsOfficer;

    [Range(0, int.MaxValue, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.RuleDaysNegative))]
    public int Days { get; set; }

    public DayCounting Counting { get; set; } = DayCounting.CalendarDays;
    public int? FixedDay { get; set; }
    public int? FixedMonth { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.InForceFromRequired))]
    public DateTime? InForceFrom { get; set; }

    public DateTime? InForceUntil { get; set; }

    [Required(ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.LegalSourceRequired))]
    [StringLength(500, ErrorMessageResourceType = typeof(Strings), ErrorMessageResourceName = nameof(Strings.TooLong))]
    public string LegalSource { get; set; } = "";

    public bool IsYearly => LegalDeadlineRule.IsYearlyTrigger(Trigger);

    /// <summary>
    /// A yearly rule needs a day every year has ("trước ngày 15/6" is entered as its last day, 14/06; never 29/02); a
    /// rule cannot end before it starts, and may end on its first day.
    /// </summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InForceFrom is { } from && InForceUntil is { } until && until.Date < from.Date)
            yield return new ValidationResult(Strings.TitleEndBeforeStart, [nameof(InForceUntil)]);
        if (!IsYearly) yield break;
        if (FixedMonth is not (>= 1 and <= 12))
            yield return new ValidationResult(Strings.RuleFixedMonthInvalid, [nameof(FixedMonth)]);
        else if (FixedDay is not { } day || !LegalDeadlineRule.IsDayOfEveryYear(FixedMonth.Value, day))
            yield return new ValidationResult(Strings.RuleFixedDayInvalid, [nameof(FixedDay)]);
    }

    /// <summary>A new trigger brings what such rules usually await; the fixed day belongs to yearly rules only.</summary>
    public void ChangeTrigger(DeadlineTrigger trigger)
    {
        Trigger = trigger;
        Awaits = LegalDeadlineRule.DefaultAwaits(trigger);
        if (!IsYearly) (FixedDay, FixedMonth) = (null, null);
    }

    public RuleChange ToChange() => new(Title, RuleSet, Trigger, Awaits, Responsible, Days, Counting,
        IsYearly ? FixedMonth : null, IsYearly ? FixedDay : null, LegalSource, DateOnly.FromDateTime(InForceFrom!.Value),
        InForceUntil is { } until ? DateOnly.FromDateTime(until) : null);

    public static RuleForm Of(RuleRow row) => new()
    {
        Id = row.Id, Version = row.Version, Code = row.Code, Title = row.Rule.Title, RuleSet = row.Rule.RuleSet, Trigger = row.Rule.Trigger,
        Awaits = row.Rule.Awaits, Responsible = row.Rule.Responsible, Days = row.Rule.Days, Counting = row.Rule.Counting,
        FixedDay = row.Rule.FixedDay, FixedMonth = row.Rule.FixedMonth, LegalSource = row.Rule.LegalSource,
        InForceFrom = row.Rule.InForceFrom.ToDateTime(TimeOnly.MinValue), InForceUntil = row.Rule.InForceUntil?.ToDateTime(TimeOnly.MinValue),
    };
}
