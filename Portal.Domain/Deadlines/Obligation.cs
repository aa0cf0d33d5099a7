namespace Portal.Domain.Deadlines;

/// <summary>
/// A legal obligation opened by an event (nghĩa vụ cập nhật hồ sơ): what must be done for whom by when, under which
/// rule. The rule's code and legal source are copied in, so a later change of the rule does not rewrite history.
/// </summary>
public sealed class Obligation
{
    private Obligation() { }

    public Obligation(Guid id, Guid unitId, Guid staffMemberId, LegalDeadlineRule rule, DateOnly eventDate, WorkingCalendar calendar)
    {
        Id = id;
        UnitId = unitId;
        StaffMemberId = staffMemberId;
        RuleId = rule.Id;
        RuleCode = rule.Code;
        Title = rule.Title;
        LegalSource = rule.LegalSource;
        EventDate = eventDate;
        DueOn = rule.DueDate(eventDate, calendar);
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public Guid RuleId { get; private set; }
    public string RuleCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string LegalSource { get; private set; } = "";
    public DateOnly EventDate { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    /// <summary>When the principal was told this obligation is overdue; set once, so a reminder is never repeated.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }
    public uint Version { get; private set; }

    public ObligationState StateOn(DateOnly today, int dueSoonDays = 7) => this switch
    {
        { CompletedOn: { } done } => done <= DueOn ? ObligationState.DoneOnTime : ObligationState.DoneLate,
        _ when today > DueOn => ObligationState.Overdue,
        _ when DueOn.DayNumber - today.DayNumber <= dueSoonDays => ObligationState.DueSoon,
        _ => ObligationState.Open,
    };

    public void Complete(DateOnly on)
    {
        if (CompletedOn is not null) return;
        CompletedOn = on;
    }

    public void MarkOverdueNotified(DateTimeOffset at) => OverdueNotifiedAt ??= at;
}

public enum ObligationState
{
    Open = 1,
    DueSoon = 2,
    Overdue = 3,
    DoneOnTime = 4,
    DoneLate = 5,
}
