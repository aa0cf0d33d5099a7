using Portal.Domain.Deadlines;

namespace Portal.Tests.Domain;

public sealed class ObligationTests
{
    private static readonly LegalDeadlineRule SixtyDays = new(Guid.NewGuid(), "QC14-2021", "Cập nhật hồ sơ mới", DeadlineTrigger.RecruitmentDecision,
        60, DayCounting.CalendarDays, "Quy chế 14/2021, Điều 8 khoản 1", new(2021, 11, 8), null);

    /// <summary>Recruited Mon 28/09/2026: due Fri 27/11/2026.</summary>
    private static readonly DateOnly DueOnFriday = new(2026, 9, 28);

    /// <summary>Recruited Wed 30/09/2026: the 60th day is Sun 29/11/2026, so due Mon 30/11/2026.</summary>
    private static readonly DateOnly DueOnMondayAfterWeekend = new(2026, 9, 30);

    private static Obligation Opened(DateOnly recruited) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), SixtyDays, recruited, WorkingCalendar.WeekendsOnly);

    public static TheoryData<string, DateOnly, DateOnly, ObligationState> OpenCases => new()
    {
        { "8 days before Fri 27/11/2026: open", DueOnFriday, new(2026, 11, 19), ObligationState.Open },
        { "7 days before: due soon", DueOnFriday, new(2026, 11, 20), ObligationState.DueSoon },
        { "on the due date itself: still due soon", DueOnFriday, new(2026, 11, 27), ObligationState.DueSoon },
        { "the day after, Sat 28/11/2026: overdue", DueOnFriday, new(2026, 11, 28), ObligationState.Overdue },
        { "Sun 29/11/2026, the 60th day, rolled to Monday: not yet overdue", DueOnMondayAfterWeekend, new(2026, 11, 29), ObligationState.DueSoon },
        { "Mon 30/11/2026, the rolled due date: still due soon", DueOnMondayAfterWeekend, new(2026, 11, 30), ObligationState.DueSoon },
        { "Tue 01/12/2026: overdue", DueOnMondayAfterWeekend, new(2026, 12, 1), ObligationState.Overdue },
    };

    [Theory]
    [MemberData(nameof(OpenCases))]
    public void An_open_obligation_is_due_soon_in_its_last_7_days_and_overdue_the_day_after(string _, DateOnly recruited, DateOnly today, ObligationState state) =>
        Assert.Equal(state, Opened(recruited).StateOn(today));

    public static TheoryData<string, DateOnly, DateOnly, DateOnly, ObligationState> DoneCases => new()
    {
        { "done on the due date Fri 27/11/2026: on time", DueOnFriday, new(2026, 11, 27), new(2027, 1, 1), ObligationState.DoneOnTime },
        { "done the next working day Mon 30/11/2026: late", DueOnFriday, new(2026, 11, 30), new(2027, 1, 1), ObligationState.DoneLate },
        { "done early, asked before the due date: on time, not open", DueOnFriday, new(2026, 10, 1), new(2026, 10, 2), ObligationState.DoneOnTime },
        { "done on the rolled due date Mon 30/11/2026: on time", DueOnMondayAfterWeekend, new(2026, 11, 30), new(2027, 1, 1), ObligationState.DoneOnTime },
        { "done Tue 01/12/2026, after the rolled due date: late", DueOnMondayAfterWeekend, new(2026, 12, 1), new(2027, 1, 1), ObligationState.DoneLate },
    };

    [Theory]
    [MemberData(nameof(DoneCases))]
    public void A_completed_obligation_is_on_time_up_to_and_including_its_due_date(string _, DateOnly recruited, DateOnly completed, DateOnly today, ObligationState state)
    {
        var obligation = Opened(recruited);
        obligation.Complete(completed);

        Assert.Equal(state, obligation.StateOn(today));
    }

    [Fact]
    public void The_rule_and_its_legal_source_are_copied_so_a_later_rule_change_does_not_rewrite_history()
    {
        var obligation = Opened(DueOnFriday);

        Assert.Equal((new DateOnly(2026, 11, 27), "QC14-2021", "Quy chế 14/2021, Điều 8 khoản 1"), (obligation.DueOn, obligation.RuleCode, obligation.LegalSource));
    }

    [Fact]
    public void A_yearly_obligation_opened_on_its_opening_day_is_due_on_the_rules_due_date()
    {
        var report = new LegalDeadlineRule(Guid.NewGuid(), "REPORT-11", "Báo cáo định kỳ", "QC14-2021", DeadlineTrigger.FixedYearlyDate,
            ResponsibleParty.Unit, 10, DayCounting.WorkingDays, "Quy chế 14/2021", new(2021, 11, 8), null, fixedMonth: 11, fixedDay: 30);
        var opens = report.OpensIn(2025, WorkingCalendar.WeekendsOnly);

        var obligation = new Obligation(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), report, opens, WorkingCalendar.WeekendsOnly);

        // Due Sunday 30/11/2025 → Monday 01/12/2025; opened 10 working days before the 30th, Monday 17/11/2025.
        Assert.Equal((new DateOnly(2025, 11, 17), new DateOnly(2025, 12, 1)), (obligation.EventDate, obligation.DueOn));
    }

    [Fact]
    public void Completion_and_the_overdue_notice_are_recorded_once()
    {
        var obligation = Opened(DueOnFriday);
        var first = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

        obligation.Complete(new DateOnly(2026, 11, 30));
        obligation.Complete(new DateOnly(2026, 12, 5));
        obligation.MarkOverdueNotified(first);
        obligation.MarkOverdueNotified(first.AddDays(1));

        Assert.Equal((new DateOnly(2026, 11, 30), first), (obligation.CompletedOn, obligation.OverdueNotifiedAt));
    }
}
