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
}
