namespace Portal.Domain.Deadlines;

/// <summary>
/// A dated legal deadline rule (quy định thời hạn): what starts the clock, how many days, counted how, who must act, which
/// rule set it belongs to, and where the law says so. Rules are reference data with a period in force, never literals in
/// code, because the law moves (the school regulation of 2021 gave 60 days for a new record; Decree 27/2026 tightens it
/// from 01/07/2026).
/// </summary>
/// <remarks>
/// Two shapes. An event rule runs <see cref="Days"/> from an event: a decision signed or in effect, a record created.
/// A yearly rule falls due on a fixed day each year (<see cref="FixedMonth"/>/<see cref="FixedDay"/>, e.g. the reports due
/// 15/06 and 01/12), and its <see cref="Days"/> count back from that day to when the obligation opens and reminders start.
/// Enter the last day allowed: "trước ngày 15/6" is 14/06.
/// </remarks>
public sealed class LegalDeadlineRule
{
    private LegalDeadlineRule() { }

    /// <summary>An event rule in no rule set, acted on by the records officer: the shape the first rules were seeded in.</summary>
    public LegalDeadlineRule(Guid id, string code, string title, DeadlineTrigger trigger, int days, DayCounting counting,
        string legalSource, DateOnly inForceFrom, DateOnly? inForceUntil)
        : this(id, code, title, ruleSet: "", trigger, ResponsibleParty.RecordsOfficer, days, counting, legalSource, inForceFrom, inForceUntil)
    {
    }

    public LegalDeadlineRule(Guid id, string code, string title, string ruleSet, DeadlineTrigger trigger, ResponsibleParty responsible,
        int days, DayCounting counting, string legalSource, DateOnly inForceFrom, DateOnly? inForceUntil,
        int? fixedMonth = null, int? fixedDay = null, RuleAwaits? awaits = null)
    {
        (Id, Code) = (id, code);
        Change(title, ruleSet, trigger, responsible, days, counting, legalSource, inForceFrom, inForceUntil, fixedMonth, fixedDay, awaits);
    }

    /// <summary>
    /// An administrator's edit: everything but the code and id, checked as a new rule is, and nothing changed when a check
    /// fails. A rule is never deleted, because obligations name it; it ends by its last day in force.
    /// </summary>
    /// <example>
    /// The school regulation's 15 days for a decision's change, replaced by a stricter internal rule from 01/09/2026: set
    /// <paramref name="inForceUntil"/> to 31/08/2026; events up to that day keep their 15 days.
    /// </example>
    public void Change(string title, string ruleSet, DeadlineTrigger trigger, ResponsibleParty responsible, int days, DayCounting counting,
        string legalSource, DateOnly inForceFrom, DateOnly? inForceUntil, int? fixedMonth = null, int? fixedDay = null, RuleAwaits? awaits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(legalSource);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var awaited = awaits ?? DefaultAwaits(trigger);
        if (!Enum.IsDefined(awaited)) throw new ArgumentOutOfRangeException(nameof(awaits));
        if (!Enum.IsDefined(trigger)) throw new ArgumentOutOfRangeException(nameof(trigger));
        if (!Enum.IsDefined(counting)) throw new ArgumentOutOfRangeException(nameof(counting));
        if (days < 0) throw new ArgumentOutOfRangeException(nameof(days), "A period cannot be negative.");
        if (inForceUntil < inForceFrom) throw new ArgumentException("A rule cannot end before it starts.", nameof(inForceUntil));
        if (!Enum.IsDefined(responsible)) throw new ArgumentOutOfRangeException(nameof(responsible));
        var yearly = IsYearlyTrigger(trigger);
        if (yearly != (fixedMonth is not null) || yearly != (fixedDay is not null))
            throw new ArgumentException($"A {trigger} rule {(yearly ? "needs" : "takes no")} fixed day and month.", nameof(fixedMonth));
        if (fixedMonth is { } month && fixedDay is { } day && !IsDayOfEveryYear(month, day))
            throw new ArgumentOutOfRangeException(nameof(fixedDay), $"{day:00}/{month:00} is not a day of every year.");
        (Title, RuleSet, Trigger, Responsible, Awaits) = (title, ruleSet, trigger, responsible, awaited);
        (Days, Counting, LegalSource, InForceFrom, InForceUntil) = (days, counting, legalSource, inForceFrom, inForceUntil);
        (FixedMonth, FixedDay) = (fixedMonth, fixedDay);
    }

    /// <summary>Triggers of yearly rules, which fall due on a fixed day and month rather than a period after an event.</summary>
    public static bool IsYearlyTrigger(DeadlineTrigger trigger) => trigger is DeadlineTrigger.FixedYearlyDate or DeadlineTrigger.YearlyDeclaration;

    /// <summary>Only days every year has may be a yearly rule's fixed day, so the rule never skips a year: 28/02 yes, 29/02 no.</summary>
    public static bool IsDayOfEveryYear(int month, int day) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month);

    public Guid Id { get; private set; }
    /// <summary>Stable code, e.g. "QC14-2021.8.1".</summary>
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>
    /// Bộ quy định: the text the rule comes from, which a unit chooses to apply, e.g. "QC14-2021" (the school regulation)
    /// or "ND27-2026" (Decree 27/2026). Empty for a rule in no set, which only the overload of <c>Applicable</c> without
    /// rule sets sees.
    /// </summary>
    public string RuleSet { get; private set; } = "";
    public DeadlineTrigger Trigger { get; private set; }
    /// <summary>Người chịu trách nhiệm thực hiện.</summary>
    public ResponsibleParty Responsible { get; private set; }
    /// <summary>Days from the event to the due date; for a yearly rule, days before the fixed day the obligation opens.</summary>
    public int Days { get; private set; }
    public DayCounting Counting { get; private set; }
    /// <summary>Căn cứ pháp lý, e.g. "Quy chế 14/2021/QĐ-THLT, Điều 8 khoản 1".</summary>
    public string LegalSource { get; private set; } = "";
    public DateOnly InForceFrom { get; private set; }
    /// <summary>Last day in force, inclusive; null while the rule is current.</summary>
    public DateOnly? InForceUntil { get; private set; }
    /// <summary>Month of a yearly rule's due day; null for an event rule.</summary>
    public int? FixedMonth { get; private set; }
    /// <summary>Day of a yearly rule's due day; null for an event rule.</summary>
    public int? FixedDay { get; private set; }
    /// <summary>
    /// What closes the obligation (việc phải hoàn thành). Rules that await the same thing compete: the strictest governs,
    /// even when their clocks start at different events (the school's 15 days from a decision's effect against the
    /// decree's 3 working days from its signature). Rules awaiting different things each open their own obligation (the
    /// decree's "create the e-dossier within 3 days" beside the school's "complete it within 60").
    /// </summary>
    public RuleAwaits Awaits { get; private set; }
    public uint Version { get; private set; }

    public bool IsYearly => FixedMonth is not null;

    /// <summary>What a rule with this trigger usually waits for, e.g. a decision's change recorded; a rule may name another.</summary>
    public static RuleAwaits DefaultAwaits(DeadlineTrigger trigger) => trigger switch
    {
        DeadlineTrigger.DecisionSigned or DeadlineTrigger.DecisionEffective => RuleAwaits.ChangeRecorded,
        DeadlineTrigger.YearlyDeclaration => RuleAwaits.Declaration,
        DeadlineTrigger.FixedYearlyDate => RuleAwaits.Report,
        _ => RuleAwaits.RecordComplete,
    };

    /// <summary>
    /// The event rule that governs what <paramref name="awaits"/> after the events in <paramref name="events"/> (each
    /// trigger's date): among the unit's <paramref name="ruleSets"/>, each rule in force on its own event's date, the one
    /// due first. Returns the rule with the event date its clock starts from.
    /// </summary>
    /// <example>
    /// A raise signed Mon 06/07/2026, effective Wed 15/07/2026: the school's 15 days from the effect end Thu 30/07; the
    /// decree's 3 working days from the signature end Thu 09/07 — the decree governs where the unit applies both.
    /// </example>
    public static (LegalDeadlineRule Rule, DateOnly EventDate)? Strictest(IEnumerable<LegalDeadlineRule> rules, IReadOnlyCollection<string> ruleSets,
        RuleAwaits awaits, IReadOnlyDictionary<DeadlineTrigger, DateOnly> events, WorkingCalendar calendar) =>
        rules.Where(r => !r.IsYearly && r.Awaits == awaits && ruleSets.Contains(r.RuleSet, StringComparer.Ordinal))
             .Where(r => events.TryGetValue(r.Trigger, out var at) && r.IsInForceOn(at))
             .Select(r => (Rule: r, EventDate: events[r.Trigger]))
             .OrderBy(x => x.Rule.DueDate(x.EventDate, calendar))
             .ThenBy(x => x.Rule.Code, StringComparer.Ordinal)
             .Select(x => ((LegalDeadlineRule Rule, DateOnly EventDate)?)x)
             .FirstOrDefault();

    public bool IsInForceOn(DateOnly date) => date >= InForceFrom && (InForceUntil is null || date <= InForceUntil);

    /// <summary>
    /// The due date of an obligation opened on <paramref name="eventDate"/> under this rule: the event plus the period
    /// (<see cref="LegalPeriod"/>), or for a yearly rule the next due date on or after the date. A due day that is not a
    /// working day moves to the next working day (Bộ luật Dân sự 2015, Điều 148).
    /// </summary>
    public DateOnly DueDate(DateOnly eventDate, WorkingCalendar calendar) => IsYearly
        ? LegalPeriod.EndAfterDays(NextFixedDay(eventDate, calendar), 0, calendar)
        : Counting == DayCounting.WorkingDays
            ? LegalPeriod.EndAfterWorkingDays(eventDate, Days, calendar)
            : LegalPeriod.EndAfterDays(eventDate, Days, calendar);

    /// <summary>A yearly rule's due date in <paramref name="year"/>.</summary>
    /// <example>Due 14/06, in 2026 a Sunday: Monday 15/06/2026.</example>
    public DateOnly DueDateIn(int year, WorkingCalendar calendar) => LegalPeriod.EndAfterDays(FixedDayIn(year), 0, calendar);

    /// <summary>The day a yearly rule's obligation opens in <paramref name="year"/>: <see cref="Days"/> before its fixed day.</summary>
    /// <example>Due 01/12, opens 10 working days before: 17/11/2026.</example>
    public DateOnly OpensIn(int year, WorkingCalendar calendar)
    {
        var day = FixedDayIn(year);
        if (Counting == DayCounting.CalendarDays) return day.AddDays(-Days);
        for (var counted = 0; counted < Days;)
        {
            day = day.AddDays(-1);
            if (calendar.IsWorkingDay(day)) counted++;
        }
        return day;
    }

    /// <summary>
    /// The rule for <paramref name="trigger"/> that governs an event on <paramref name="eventDate"/>: one in force on the
    /// day of the event (for a yearly rule, on its fixed day), never one that came into force later, even when the period
    /// runs into it. When several are in force (e.g. a school rule and a decree), the one that gives the earliest due date
    /// wins: the strictest applicable rule binds.
    /// </summary>
    public static LegalDeadlineRule? Applicable(IEnumerable<LegalDeadlineRule> rules, DeadlineTrigger trigger,
        DateOnly eventDate, WorkingCalendar calendar) =>
        rules.Where(r => r.Trigger == trigger && r.IsInForceOn(r.IsYearly ? r.NextFixedDay(eventDate, calendar) : eventDate))
             .OrderBy(r => r.DueDate(eventDate, calendar))
             .ThenBy(r => r.Code, StringComparer.Ordinal)
             .FirstOrDefault();

    /// <summary>
    /// As above, among the rules of the sets the unit applies (<paramref name="ruleSets"/>, e.g. only "QC14-2021", only
    /// "ND27-2026", or both, when the strictest of the two wins).
    /// </summary>
    public static LegalDeadlineRule? Applicable(IEnumerable<LegalDeadlineRule> rules, IReadOnlyCollection<string> ruleSets,
        DeadlineTrigger trigger, DateOnly eventDate, WorkingCalendar calendar) =>
        Applicable(rules.Where(r => ruleSets.Contains(r.RuleSet, StringComparer.Ordinal)), trigger, eventDate, calendar);

    private DateOnly FixedDayIn(int year) => IsYearly
        ? new DateOnly(year, FixedMonth!.Value, FixedDay!.Value)
        : throw new InvalidOperationException($"{Code} is not a yearly rule.");

    /// <summary>The fixed day whose due date is the next on or after the date: 30/11/2025 is due Monday 01/12/2025, so still on 01/12.</summary>
    private DateOnly NextFixedDay(DateOnly date, WorkingCalendar calendar)
    {
        var day = FixedDayIn(date.Year);
        return LegalPeriod.EndAfterDays(day, 0, calendar) >= date ? day : FixedDayIn(date.Year + 1);
    }
}

public enum DeadlineTrigger
{
    /// <summary>Ngày ký quyết định tuyển dụng: a new record must be complete.</summary>
    RecruitmentDecision = 1,
    /// <summary>Ngày ký quyết định (bổ nhiệm, điều động, nâng lương, khen thưởng, kỷ luật…).</summary>
    DecisionSigned = 2,
    /// <summary>Ngày quyết định có hiệu lực: the school regulation gives 15 days to record a state-side change.</summary>
    DecisionEffective = 3,
    /// <summary>Ngày tạo lập hồ sơ điện tử: from 01/07/2026 the person completes the first declaration within 3 working days.</summary>
    RecordCreated = 4,
    /// <summary>Ngày cố định hằng năm (báo cáo định kỳ), e.g. the reports due 15/06 and 01/12.</summary>
    FixedYearlyDate = 5,
    /// <summary>Kê khai bổ sung hằng năm (phiếu bổ sung lý lịch), by a fixed day each year, e.g. before 31/12.</summary>
    YearlyDeclaration = 6,
}

public enum DayCounting
{
    /// <summary>Ngày (lịch).</summary>
    CalendarDays = 1,
    /// <summary>Ngày làm việc.</summary>
    WorkingDays = 2,
}

/// <summary>Who must act on an obligation (người chịu trách nhiệm thực hiện).</summary>
public enum ResponsibleParty
{
    /// <summary>Người làm công tác tổ chức cán bộ, phụ trách hồ sơ.</summary>
    RecordsOfficer = 1,
    /// <summary>Bản thân viên chức: the staff member declares or updates his own data.</summary>
    StaffMember = 2,
    /// <summary>Hiệu trưởng (thủ trưởng đơn vị).</summary>
    Principal = 3,
    /// <summary>Cơ quan, đơn vị: the unit as a body, e.g. a report to the managing authority.</summary>
    Unit = 4,
}

/// <summary>What an obligation waits for, which closes it (việc phải hoàn thành).</summary>
public enum RuleAwaits
{
    /// <summary>The record is complete (all required items and papers).</summary>
    RecordComplete = 1,
    /// <summary>The e-record exists (Decree 27/2026: created within 3 days of the recruitment decision).</summary>
    RecordCreated = 2,
    /// <summary>The change a decision makes is recorded (a row or status change citing the decision).</summary>
    ChangeRecorded = 3,
    /// <summary>The yearly supplementary declaration (phiếu bổ sung lý lịch) is received.</summary>
    Declaration = 4,
    /// <summary>The periodic report is sent.</summary>
    Report = 5,
}
