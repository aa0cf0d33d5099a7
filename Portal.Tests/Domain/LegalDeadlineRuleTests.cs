using Portal.Domain.Deadlines;

namespace Portal.Tests.Domain;

public sealed class LegalDeadlineRuleTests
{
    private static LegalDeadlineRule Rule(string code, int days, DayCounting counting, DateOnly from, DateOnly? until = null) =>
        new(Guid.NewGuid(), code, "Cập nhật hồ sơ mới", DeadlineTrigger.RecruitmentDecision, days, counting, "nguồn", from, until);

    private static readonly LegalDeadlineRule School2021 = Rule("QC14-2021", 60, DayCounting.CalendarDays, new(2021, 11, 8));
    private static readonly LegalDeadlineRule Decree2026 = Rule("ND27-2026", 3, DayCounting.CalendarDays, new(2026, 7, 1));

    [Fact]
    public void New_record_is_due_60_days_after_the_recruitment_decision()
    {
        Assert.Equal(new DateOnly(2024, 3, 15), School2021.DueDate(new DateOnly(2024, 1, 15), WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void A_rule_applies_only_to_events_inside_its_period_in_force()
    {
        var expired = Rule("OLD", 30, DayCounting.CalendarDays, new(2019, 7, 15), new(2021, 11, 7));

        Assert.Same(expired, LegalDeadlineRule.Applicable([expired, School2021], DeadlineTrigger.RecruitmentDecision, new(2021, 11, 7), WorkingCalendar.WeekendsOnly));
        Assert.Same(School2021, LegalDeadlineRule.Applicable([expired, School2021], DeadlineTrigger.RecruitmentDecision, new(2021, 11, 8), WorkingCalendar.WeekendsOnly));
        Assert.Null(LegalDeadlineRule.Applicable([School2021], DeadlineTrigger.RecruitmentDecision, new(2021, 11, 7), WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void When_two_rules_are_in_force_the_stricter_one_binds()
    {
        Assert.Same(School2021, LegalDeadlineRule.Applicable([School2021, Decree2026], DeadlineTrigger.RecruitmentDecision, new(2026, 6, 30), WorkingCalendar.WeekendsOnly));
        Assert.Same(Decree2026, LegalDeadlineRule.Applicable([School2021, Decree2026], DeadlineTrigger.RecruitmentDecision, new(2026, 7, 1), WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void A_working_day_rule_counts_working_days()
    {
        var rule = Rule("WD", 3, DayCounting.WorkingDays, new(2026, 1, 1));

        Assert.Equal(new DateOnly(2026, 12, 2), rule.DueDate(new DateOnly(2026, 11, 27), WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void A_rule_cannot_have_a_negative_period_or_end_before_it_starts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Rule("X", -1, DayCounting.CalendarDays, new(2026, 1, 1)));
        Assert.Throws<ArgumentException>(() => Rule("X", 1, DayCounting.CalendarDays, new(2026, 1, 2), new(2026, 1, 1)));
    }

    private const string SchoolSet = "QC14-2021";
    private const string DecreeSet = "ND27-2026";

    /// <summary>State-side changes: the school regulation's 15 days from the decision's effective date.</summary>
    private static readonly LegalDeadlineRule SchoolChange = new(Guid.NewGuid(), "QC14-2021.change", "Cập nhật thay đổi", SchoolSet,
        DeadlineTrigger.DecisionEffective, ResponsibleParty.RecordsOfficer, 15, DayCounting.CalendarDays, "Quy chế 14/2021", new(2021, 11, 8), null);

    /// <summary>The same under Decree 27/2026 from 01/07/2026: 3 working days (REGULATIONS §1.5, [P]).</summary>
    private static readonly LegalDeadlineRule DecreeChange = new(Guid.NewGuid(), "ND27-2026.change", "Cập nhật thay đổi", DecreeSet,
        DeadlineTrigger.DecisionEffective, ResponsibleParty.RecordsOfficer, 3, DayCounting.WorkingDays, "Nghị định 27/2026/NĐ-CP", new(2026, 7, 1), null);

    private static readonly LegalDeadlineRule[] ChangeRules = [SchoolChange, DecreeChange];
    private static readonly string[] BothSets = [SchoolSet, DecreeSet];
    private static readonly string[] SchoolOnly = [SchoolSet];
    private static readonly string[] DecreeOnly = [DecreeSet];

    public static TheoryData<string, DateOnly, string[], string?, DateOnly?> RuleChangeCases => new()
    {
        { "effective Thu 25/06/2026, before the decree: 15 days → Fri 10/07/2026, though the period runs past 01/07", new(2026, 6, 25), BothSets, "QC14-2021.change", new(2026, 7, 10) },
        { "effective Tue 30/06/2026, the decree's eve: still 15 days → Wed 15/07/2026", new(2026, 6, 30), BothSets, "QC14-2021.change", new(2026, 7, 15) },
        { "effective Wed 01/07/2026: 3 working days → Mon 06/07/2026 beats the school's Thu 16/07", new(2026, 7, 1), BothSets, "ND27-2026.change", new(2026, 7, 6) },
        { "a unit applying only the school regulation keeps 15 days: 01/07/2026 → Thu 16/07/2026", new(2026, 7, 1), SchoolOnly, "QC14-2021.change", new(2026, 7, 16) },
        { "a unit applying only the decree: 01/07/2026 → Mon 06/07/2026", new(2026, 7, 1), DecreeOnly, "ND27-2026.change", new(2026, 7, 6) },
        { "a unit applying only the decree has no rule for 25/06/2026", new(2026, 6, 25), DecreeOnly, null, null },
        { "a unit applying no set has no rule", new(2026, 7, 1), [], null, null },
        { "a set nobody defined selects nothing", new(2026, 7, 1), ["ND99-2030"], null, null },
    };

    [Theory]
    [MemberData(nameof(RuleChangeCases))]
    public void The_rule_in_force_on_the_event_date_governs_and_the_strictest_of_the_units_sets_wins(string _, DateOnly effective,
        string[] sets, string? code, DateOnly? due)
    {
        var rule = LegalDeadlineRule.Applicable(ChangeRules, sets, DeadlineTrigger.DecisionEffective, effective, WorkingCalendar.WeekendsOnly);

        Assert.Equal((code, due), (rule?.Code, rule?.DueDate(effective, WorkingCalendar.WeekendsOnly)));
    }

    [Fact]
    public void Working_days_under_the_decree_skip_National_Day()
    {
        var calendar = new WorkingCalendar([new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 2)], []);

        // Fri 28/08/2026: Mon 31/08 (1), Tue 01/09 and Wed 02/09 off, Thu 03/09 (2), Fri 04/09 (3).
        Assert.Equal(new DateOnly(2026, 9, 4), DecreeChange.DueDate(new(2026, 8, 28), calendar));
    }

    [Fact]
    public void Rules_in_no_set_are_seen_only_without_a_set_filter()
    {
        Assert.Equal(("", ResponsibleParty.RecordsOfficer), (School2021.RuleSet, School2021.Responsible));
        Assert.Null(LegalDeadlineRule.Applicable([School2021], BothSets, DeadlineTrigger.RecruitmentDecision, new(2024, 1, 15), WorkingCalendar.WeekendsOnly));
        Assert.Same(School2021, LegalDeadlineRule.Applicable([School2021], DeadlineTrigger.RecruitmentDecision, new(2024, 1, 15), WorkingCalendar.WeekendsOnly));
    }

    private static LegalDeadlineRule Yearly(string code, DeadlineTrigger trigger, ResponsibleParty responsible, int month, int day,
        int daysAhead, DayCounting counting, DateOnly? until = null) =>
        new(Guid.NewGuid(), code, "Báo cáo định kỳ", SchoolSet, trigger, responsible, daysAhead, counting, "Quy chế 14/2021",
            new(2021, 11, 8), until, month, day);

    /// <summary>"Before 15 June" and "before 1 December", entered as the last days allowed; opening 30 days ahead.</summary>
    private static readonly LegalDeadlineRule JuneReport = Yearly("REPORT-06", DeadlineTrigger.FixedYearlyDate, ResponsibleParty.Unit, 6, 14, 30, DayCounting.CalendarDays);
    private static readonly LegalDeadlineRule NovemberReport = Yearly("REPORT-11", DeadlineTrigger.FixedYearlyDate, ResponsibleParty.Unit, 11, 30, 10, DayCounting.WorkingDays);
    private static readonly LegalDeadlineRule Declaration = Yearly("HS03", DeadlineTrigger.YearlyDeclaration, ResponsibleParty.StaffMember, 12, 31, 30, DayCounting.CalendarDays);

    public static TheoryData<string, string, int, DateOnly, DateOnly> YearlyCases => new()
    {
        { "report due 14/06/2026, a Sunday → Mon 15/06/2026; opens 30 days ahead, Fri 15/05/2026", "REPORT-06", 2026, new(2026, 6, 15), new(2026, 5, 15) },
        { "report due 14/06/2027, a Monday, kept; opens Sat 15/05/2027", "REPORT-06", 2027, new(2027, 6, 14), new(2027, 5, 15) },
        { "report due 30/11/2025, a Sunday → Mon 01/12/2025; opens 10 working days ahead, Mon 17/11/2025", "REPORT-11", 2025, new(2025, 12, 1), new(2025, 11, 17) },
        { "report due Mon 30/11/2026; opens 10 working days ahead, Mon 16/11/2026", "REPORT-11", 2026, new(2026, 11, 30), new(2026, 11, 16) },
        { "each staff member's yearly declaration, due Thu 31/12/2026; opens Tue 01/12/2026", "HS03", 2026, new(2026, 12, 31), new(2026, 12, 1) },
    };

    [Theory]
    [MemberData(nameof(YearlyCases))]
    public void A_yearly_rule_falls_due_on_its_fixed_day_and_opens_the_given_days_ahead(string _, string code, int year, DateOnly due, DateOnly opens)
    {
        var rule = new[] { JuneReport, NovemberReport, Declaration }.Single(r => r.Code == code);

        Assert.Equal((due, opens), (rule.DueDateIn(year, WorkingCalendar.WeekendsOnly), rule.OpensIn(year, WorkingCalendar.WeekendsOnly)));
    }

    public static TheoryData<string, DateOnly, string?, DateOnly?> NextReportCases => new()
    {
        { "on 01/01/2026 the next report is June's, Mon 15/06/2026", new(2026, 1, 1), "REPORT-06", new(2026, 6, 15) },
        { "on its fixed day Sun 14/06/2026, still June's", new(2026, 6, 14), "REPORT-06", new(2026, 6, 15) },
        { "on Mon 15/06/2026, the day June's report of Sunday 14/06 rolled to, still June's", new(2026, 6, 15), "REPORT-06", new(2026, 6, 15) },
        { "from Tue 16/06/2026, November's, Mon 30/11/2026", new(2026, 6, 16), "REPORT-11", new(2026, 11, 30) },
        { "on Mon 01/12/2025, the day November's report of Sunday 30/11 rolled to, still that one", new(2025, 12, 1), "REPORT-11", new(2025, 12, 1) },
        { "from 01/12/2026, next June's, Mon 14/06/2027", new(2026, 12, 1), "REPORT-06", new(2027, 6, 14) },
    };

    [Theory]
    [MemberData(nameof(NextReportCases))]
    public void The_applicable_yearly_rule_is_the_next_one_due(string _, DateOnly asOf, string? code, DateOnly? due)
    {
        var rule = LegalDeadlineRule.Applicable([NovemberReport, JuneReport], DeadlineTrigger.FixedYearlyDate, asOf, WorkingCalendar.WeekendsOnly);

        Assert.Equal((code, due), (rule?.Code, rule?.DueDate(asOf, WorkingCalendar.WeekendsOnly)));
    }

    [Fact]
    public void A_yearly_rule_is_judged_in_force_on_its_fixed_day()
    {
        // The district reports, if they ended with the districts on 30/06/2025 (REGULATIONS §0, §1.5).
        var ended = Yearly("REPORT-11-OLD", DeadlineTrigger.FixedYearlyDate, ResponsibleParty.Unit, 11, 30, 10, DayCounting.CalendarDays, until: new(2025, 6, 30));

        Assert.Null(LegalDeadlineRule.Applicable([ended], DeadlineTrigger.FixedYearlyDate, new(2025, 6, 1), WorkingCalendar.WeekendsOnly));
        Assert.Same(ended, LegalDeadlineRule.Applicable([ended], DeadlineTrigger.FixedYearlyDate, new(2024, 7, 1), WorkingCalendar.WeekendsOnly));
    }

    [Fact]
    public void A_yearly_rule_needs_a_fixed_day_every_year_has_and_an_event_rule_takes_none()
    {
        Assert.Throws<ArgumentException>(() => new LegalDeadlineRule(Guid.NewGuid(), "X", "X", SchoolSet, DeadlineTrigger.FixedYearlyDate,
            ResponsibleParty.Unit, 0, DayCounting.CalendarDays, "nguồn", new(2026, 1, 1), null));
        Assert.Throws<ArgumentException>(() => new LegalDeadlineRule(Guid.NewGuid(), "X", "X", SchoolSet, DeadlineTrigger.DecisionEffective,
            ResponsibleParty.Unit, 15, DayCounting.CalendarDays, "nguồn", new(2026, 1, 1), null, 6, 15));
        Assert.Throws<ArgumentOutOfRangeException>(() => Yearly("X", DeadlineTrigger.YearlyDeclaration, ResponsibleParty.StaffMember, 2, 29, 0, DayCounting.CalendarDays));
        Assert.Throws<InvalidOperationException>(() => SchoolChange.DueDateIn(2026, WorkingCalendar.WeekendsOnly));
    }

    /// <summary>A fresh copy of the school's 15-day change rule, for tests that change it.</summary>
    private static LegalDeadlineRule SchoolChangeCopy() => new(Guid.NewGuid(), "QC14-2021.change", "Cập nhật thay đổi", SchoolSet,
        DeadlineTrigger.DecisionEffective, ResponsibleParty.RecordsOfficer, 15, DayCounting.CalendarDays, "Quy chế 14/2021", new(2021, 11, 8), null);

    [Fact]
    public void Changing_a_rule_takes_every_field_but_its_code_and_id()
    {
        var rule = SchoolChangeCopy();
        var (id, code) = (rule.Id, rule.Code);

        rule.Change("Báo cáo năm", DecreeSet, DeadlineTrigger.FixedYearlyDate, ResponsibleParty.Principal, 10, DayCounting.WorkingDays,
            "Nghị định 27/2026/NĐ-CP", new(2026, 7, 1), new(2030, 6, 30), fixedMonth: 12, fixedDay: 15);

        Assert.Equal((id, code), (rule.Id, rule.Code));
        Assert.Equal(("Báo cáo năm", DecreeSet, DeadlineTrigger.FixedYearlyDate, ResponsibleParty.Principal, 10, DayCounting.WorkingDays),
            (rule.Title, rule.RuleSet, rule.Trigger, rule.Responsible, rule.Days, rule.Counting));
        Assert.Equal(("Nghị định 27/2026/NĐ-CP", new DateOnly(2026, 7, 1), (DateOnly?)new DateOnly(2030, 6, 30), (int?)12, (int?)15, RuleAwaits.Report),
            (rule.LegalSource, rule.InForceFrom, rule.InForceUntil, rule.FixedMonth, rule.FixedDay, rule.Awaits));
    }

    [Fact]
    public void A_rule_ended_on_its_last_day_still_governs_events_of_that_day_and_none_after()
    {
        var rule = SchoolChangeCopy();

        rule.Change(rule.Title, rule.RuleSet, rule.Trigger, rule.Responsible, rule.Days, rule.Counting, rule.LegalSource, rule.InForceFrom,
            inForceUntil: new(2026, 8, 31), awaits: rule.Awaits);

        // Effective Mon 31/08/2026: 15 days → Tue 15/09/2026; effective Tue 01/09/2026 (National Day eve): no rule of the set.
        Assert.Equal(new DateOnly(2026, 9, 15), LegalDeadlineRule.Applicable([rule], SchoolOnly, DeadlineTrigger.DecisionEffective, new(2026, 8, 31),
            WorkingCalendar.WeekendsOnly)?.DueDate(new(2026, 8, 31), WorkingCalendar.WeekendsOnly));
        Assert.Null(LegalDeadlineRule.Applicable([rule], SchoolOnly, DeadlineTrigger.DecisionEffective, new(2026, 9, 1), WorkingCalendar.WeekendsOnly));
    }

    public static TheoryData<string, Action<LegalDeadlineRule>> RefusedChanges => new()
    {
        { "a negative period", r => r.Change(r.Title, r.RuleSet, r.Trigger, r.Responsible, -1, r.Counting, r.LegalSource, r.InForceFrom, null) },
        { "an end before the start", r => r.Change(r.Title, r.RuleSet, r.Trigger, r.Responsible, 10, r.Counting, r.LegalSource, r.InForceFrom, r.InForceFrom.AddDays(-1)) },
        { "a yearly rule without its day", r => r.Change(r.Title, r.RuleSet, DeadlineTrigger.FixedYearlyDate, r.Responsible, 10, r.Counting, r.LegalSource, r.InForceFrom, null) },
        { "an event rule with a fixed day", r => r.Change(r.Title, r.RuleSet, r.Trigger, r.Responsible, 10, r.Counting, r.LegalSource, r.InForceFrom, null, 6, 14) },
        { "29/02, which most years lack", r => r.Change(r.Title, r.RuleSet, DeadlineTrigger.YearlyDeclaration, r.Responsible, 10, r.Counting, r.LegalSource, r.InForceFrom, null, 2, 29) },
        { "31/04, which no year has", r => r.Change(r.Title, r.RuleSet, DeadlineTrigger.FixedYearlyDate, r.Responsible, 10, r.Counting, r.LegalSource, r.InForceFrom, null, 4, 31) },
        { "no legal source", r => r.Change(r.Title, r.RuleSet, r.Trigger, r.Responsible, 10, r.Counting, " ", r.InForceFrom, null) },
        { "no title", r => r.Change("", r.RuleSet, r.Trigger, r.Responsible, 10, r.Counting, r.LegalSource, r.InForceFrom, null) },
        { "a counting that does not exist", r => r.Change(r.Title, r.RuleSet, r.Trigger, r.Responsible, 10, (DayCounting)9, r.LegalSource, r.InForceFrom, null) },
    };

    [Theory]
    [MemberData(nameof(RefusedChanges))]
    public void A_change_a_new_rule_could_not_have_is_refused_and_changes_nothing(string _, Action<LegalDeadlineRule> change)
    {
        var rule = SchoolChangeCopy();

        Assert.ThrowsAny<ArgumentException>(() => change(rule));

        Assert.Equal((15, DeadlineTrigger.DecisionEffective, (DateOnly?)null, (int?)null, "Quy chế 14/2021", "Cập nhật thay đổi"),
            (rule.Days, rule.Trigger, rule.InForceUntil, rule.FixedDay, rule.LegalSource, rule.Title));
    }

    [Theory]
    [InlineData(2, 28, true)]
    [InlineData(2, 29, false)]
    [InlineData(6, 14, true)]
    [InlineData(4, 31, false)]
    [InlineData(12, 31, true)]
    [InlineData(13, 1, false)]
    [InlineData(1, 0, false)]
    public void A_yearly_rule_s_fixed_day_is_a_day_every_year_has(int month, int day, bool valid) =>
        Assert.Equal(valid, LegalDeadlineRule.IsDayOfEveryYear(month, day));
}
