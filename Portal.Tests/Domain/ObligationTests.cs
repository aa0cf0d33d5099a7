using Portal.Domain.Deadlines;

namespace Portal.Tests.Domain;

public sealed class ObligationTests
{
    private static readonly LegalDeadlineRule SixtyDays = new(Guid.NewGuid(), "QC14-2021", "Cập nhật hồ sơ mới", DeadlineTrigger.RecruitmentDecision,
        60, DayCounting.CalendarDays, "Quy chế 14/2021, Điều 8 khoản 1", new(2021, 11, 8), null);

    /// <summary>Recruited Mon 28/09/2026: due Fri 27/11/2026.</summary>
    private static Obligation Opened() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), SixtyDays, new DateOnly(2026, 9, 28), WorkingCalendar.WeekendsOnly);

    [Theory]
    [InlineData("2026-11-19", ObligationState.Open)]
    [InlineData("2026-11-20", ObligationState.DueSoon)]
    [InlineData("2026-11-27", ObligationState.DueSoon)]
    [InlineData("2026-11-28", ObligationState.Overdue)]
    public void An_open_obligation_is_due_soon_in_its_last_7_days_and_overdue_the_day_after(string today, ObligationState state) =>
        Assert.Equal(state, Opened().StateOn(DateOnly.Parse(today)));

    [Theory]
    [InlineData("2026-11-27", ObligationState.DoneOnTime)]
    [InlineData("2026-11-30", ObligationState.DoneLate)]
    public void A_completed_obligation_is_on_time_up_to_and_including_its_due_date(string completed, ObligationState state)
    {
        var obligation = Opened();
        obligation.Complete(DateOnly.Parse(completed));

        Assert.Equal(state, obligation.StateOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void The_rule_and_its_legal_source_are_copied_so_a_later_rule_change_does_not_rewrite_history()
    {
        var obligation = Opened();

        Assert.Equal((new DateOnly(2026, 11, 27), "QC14-2021", "Quy chế 14/2021, Điều 8 khoản 1"), (obligation.DueOn, obligation.RuleCode, obligation.LegalSource));
    }

    [Fact]
    public void Completion_and_the_overdue_notice_are_recorded_once()
    {
        var obligation = Opened();
        var first = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

        obligation.Complete(new DateOnly(2026, 11, 30));
        obligation.Complete(new DateOnly(2026, 12, 5));
        obligation.MarkOverdueNotified(first);
        obligation.MarkOverdueNotified(first.AddDays(1));

        Assert.Equal((new DateOnly(2026, 11, 30), first), (obligation.CompletedOn, obligation.OverdueNotifiedAt));
    }
}
