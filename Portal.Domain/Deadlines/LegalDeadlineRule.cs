namespace Portal.Domain.Deadlines;

/// <summary>
/// A dated legal deadline rule (quy định thời hạn): what starts the clock, how many days, counted how, and where the
/// law says so. Rules are reference data with a period in force, never literals in code, because the law moves
/// (the school regulation of 2021 gave 60 days for a new record; Decree 27/2026 tightens it from 01/07/2026).
/// </summary>
public sealed class LegalDeadlineRule
{
    private LegalDeadlineRule() { }

    public LegalDeadlineRule(Guid id, string code, string title, DeadlineTrigger trigger, int days, DayCounting counting,
        string legalSource, DateOnly inForceFrom, DateOnly? inForceUntil)
    {
        if (days < 0) throw new ArgumentOutOfRangeException(nameof(days), "A period cannot be negative.");
        if (inForceUntil < inForceFrom) throw new ArgumentException("A rule cannot end before it starts.", nameof(inForceUntil));
        Id = id;
        Code = code;
        Title = title;
        Trigger = trigger;
        Days = days;
        Counting = counting;
        LegalSource = legalSource;
        InForceFrom = inForceFrom;
        InForceUntil = inForceUntil;
    }

    public Guid Id { get; private set; }
    /// <summary>Stable code, e.g. "QC14-2021.8.1".</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public DeadlineTrigger Trigger { get; private set; }
    public int Days { get; private set; }
    public DayCounting Counting { get; private set; }
    /// <summary>Căn cứ pháp lý, e.g. "Quy chế 14/2021/QĐ-THLT, Điều 8 khoản 1".</summary>
    public string LegalSource { get; private set; } = "";
    public DateOnly InForceFrom { get; private set; }
    /// <summary>Last day in force, inclusive; null while the rule is current.</summary>
    public DateOnly? InForceUntil { get; private set; }
    public uint Version { get; private set; }

    public bool IsInForceOn(DateOnly date) => date >= InForceFrom && (InForceUntil is null || date <= InForceUntil);

    /// <summary>The due date of an obligation opened by an event on <paramref name="eventDate"/> under this rule.</summary>
    public DateOnly DueDate(DateOnly eventDate, WorkingCalendar calendar) =>
        Counting == DayCounting.WorkingDays
            ? LegalPeriod.EndAfterWorkingDays(eventDate, Days, calendar)
            : LegalPeriod.EndAfterDays(eventDate, Days, calendar);

    /// <summary>
    /// The rule for <paramref name="trigger"/> in force on the day of the event. When several are (e.g. a school rule and a
    /// decree), the one that gives the earliest due date wins: the strictest applicable rule binds.
    /// </summary>
    public static LegalDeadlineRule? Applicable(IEnumerable<LegalDeadlineRule> rules, DeadlineTrigger trigger,
        DateOnly eventDate, WorkingCalendar calendar) =>
        rules.Where(r => r.Trigger == trigger && r.IsInForceOn(eventDate))
             .OrderBy(r => r.DueDate(eventDate, calendar))
             .ThenBy(r => r.Code, StringComparer.Ordinal)
             .FirstOrDefault();
}

public enum DeadlineTrigger
{
    /// <summary>Ngày ký quyết định tuyển dụng: a new record must be complete.</summary>
    RecruitmentDecision = 1,
}

public enum DayCounting
{
    /// <summary>Ngày (lịch).</summary>
    CalendarDays = 1,
    /// <summary>Ngày làm việc.</summary>
    WorkingDays = 2,
}
