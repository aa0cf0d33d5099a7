namespace Portal.Domain.Deadlines;

/// <summary>
/// A legal obligation opened by an event (nghĩa vụ cập nhật hồ sơ): what must be done, for whom, by when, by whom, under
/// which rule. The rule's code, title and legal source are copied in, so a later change of the rule does not rewrite
/// history. <see cref="SourceKey"/> names the event ("staff:{id}", "decision:{id}", "declaration:{staff}:{year}",
/// "report:{unit}:{year}"): with the rule it is unique, so opening the same obligation twice is a no-op.
/// </summary>
public sealed class Obligation
{
    private Obligation() { }

    /// <summary>An obligation under an event rule, due the rule's period after <paramref name="eventDate"/>.</summary>
    public Obligation(Guid id, Guid unitId, Guid? staffMemberId, LegalDeadlineRule rule, DateOnly eventDate, WorkingCalendar calendar,
        string? sourceKey = null, Guid? decisionId = null)
        : this(id, unitId, staffMemberId, rule, eventDate, rule.DueDate(eventDate, calendar), sourceKey ?? $"staff:{staffMemberId}", decisionId)
    {
    }

    /// <summary>An obligation with its due date already worked out (a yearly rule's due day in a given year).</summary>
    public Obligation(Guid id, Guid unitId, Guid? staffMemberId, LegalDeadlineRule rule, DateOnly eventDate, DateOnly dueOn,
        string sourceKey, Guid? decisionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceKey);
        if (dueOn < eventDate) throw new ArgumentException("An obligation cannot fall due before it opens.", nameof(dueOn));
        Id = id;
        UnitId = unitId;
        StaffMemberId = staffMemberId;
        RuleId = rule.Id;
        RuleCode = rule.Code;
        Title = rule.Title;
        LegalSource = rule.LegalSource;
        Trigger = rule.Trigger;
        Awaits = rule.Awaits;
        Responsible = rule.Responsible;
        EventDate = eventDate;
        DueOn = dueOn;
        SourceKey = sourceKey;
        DecisionId = decisionId;
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>The staff member concerned; null for an obligation of the unit itself (a periodic report).</summary>
    public Guid? StaffMemberId { get; private set; }
    public Guid RuleId { get; private set; }
    public string RuleCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string LegalSource { get; private set; } = "";
    public DeadlineTrigger Trigger { get; private set; }
    /// <summary>What closes it, copied from the rule.</summary>
    public RuleAwaits Awaits { get; private set; }
    public ResponsibleParty Responsible { get; private set; }
    /// <summary>The event, with the rule unique: "staff:{id}", "decision:{id}", "declaration:{staff}:{year}", "report:{unit}:{year}".</summary>
    public string SourceKey { get; private set; } = "";
    /// <summary>The decision whose change must be recorded, for decision rules.</summary>
    public Guid? DecisionId { get; private set; }
    /// <summary>The day the clock started (the event), or the day a yearly obligation opens.</summary>
    public DateOnly EventDate { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    /// <summary>Who closed it (an account's name, or "Hệ thống" when the change it waited for closed it).</summary>
    public string? CompletedBy { get; private set; }
    /// <summary>When the principal was first told it is overdue (escalation, first level); set once.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }
    /// <summary>When the supervising body's accounts were first told (escalation, second level); set once.</summary>
    public DateTimeOffset? EscalatedUpAt { get; private set; }
    /// <summary>The smallest "days ahead" reminder already sent (e.g. 14, then 3), so a reminder is sent once even when runs are missed.</summary>
    public int? RemindedDaysAhead { get; private set; }
    public uint Version { get; private set; }

    public ObligationState StateOn(DateOnly today, int dueSoonDays = 7) => StateOf(DueOn, CompletedOn, today, dueSoonDays);

    /// <summary>
    /// The state of an obligation due on <paramref name="dueOn"/>: done on time up to and including its due date, overdue
    /// the day after, due soon in its last <paramref name="dueSoonDays"/> days. For lists that carry only the dates.
    /// </summary>
    public static ObligationState StateOf(DateOnly dueOn, DateOnly? completedOn, DateOnly today, int dueSoonDays = 7) => completedOn switch
    {
        { } done => done <= dueOn ? ObligationState.DoneOnTime : ObligationState.DoneLate,
        _ when today > dueOn => ObligationState.Overdue,
        _ when dueOn.DayNumber - today.DayNumber <= dueSoonDays => ObligationState.DueSoon,
        _ => ObligationState.Open,
    };

    /// <summary>Days past the due date on <paramref name="today"/> (0 when not overdue).</summary>
    public int DaysOverdue(DateOnly today) => CompletedOn is null ? Math.Max(0, today.DayNumber - DueOn.DayNumber) : 0;

    public void Complete(DateOnly on, string? by = null)
    {
        if (CompletedOn is not null) return;
        CompletedOn = on;
        CompletedBy = by;
    }

    public void MarkOverdueNotified(DateTimeOffset at) => OverdueNotifiedAt ??= at;

    public void MarkEscalatedUp(DateTimeOffset at) => EscalatedUpAt ??= at;

    /// <summary>
    /// The reminder stage due on <paramref name="today"/> among <paramref name="stages"/> (days ahead, e.g. 14 and 3), if any
    /// has been reached and not yet sent. A missed run is caught up: on day 12 the 14-day reminder is still owed once.
    /// </summary>
    public int? ReminderDue(DateOnly today, IReadOnlyCollection<int> stages)
    {
        if (CompletedOn is not null) return null;
        var ahead = DueOn.DayNumber - today.DayNumber;
        var reached = stages.Where(s => ahead <= s && (RemindedDaysAhead is null || s < RemindedDaysAhead)).DefaultIfEmpty(-1).Min();
        return reached >= 0 ? reached : null;
    }

    public void MarkReminded(int daysAhead) => RemindedDaysAhead = RemindedDaysAhead is { } done ? Math.Min(done, daysAhead) : daysAhead;
}

public enum ObligationState
{
    Open = 1,
    DueSoon = 2,
    Overdue = 3,
    DoneOnTime = 4,
    DoneLate = 5,
}
