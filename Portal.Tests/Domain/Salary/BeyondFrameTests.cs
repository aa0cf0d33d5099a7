using Portal.Domain.Salary;
using Portal.Domain.Staff.History;
using static Portal.Tests.Domain.Salary.Make;

namespace Portal.Tests.Domain.Salary;

/// <summary>
/// Seniority allowance beyond the frame (PCTNVK, REGULATIONS §2.6): at the last step, the first percentage after the
/// group's interval, then one more each 12 months, each stretch extended like a holding period.
/// </summary>
public sealed class BeyondFrameTests
{
    private static readonly DateOnly LastStepOn = D(2015, 1, 1);

    /// <summary>A1 step 9 (4,98) from 01/01/2015, with rows recording each percentage up to <paramref name="recorded"/>
    /// on the day it fell due (5% on 01/01/2018, 6% on 01/01/2019, 7% on 01/01/2020).</summary>
    private static StaffSalaryFacts AtLastStep(int recorded) => Person(
    [
        Step("A1", 9, 4.98m, LastStepOn),
        .. Enumerable.Range(5, Math.Max(0, recorded - 4))
            .Select(p => Step("A1", 9, 4.98m, D(2018 + p - 5, 1, 1), RaiseKind.BeyondFrame, beyondFrame: p)),
    ]);

    public static TheoryData<string, DateOnly, int, DateOnly, int> Timeline => new()
    {
        { "the last step reached: 5% after 36 months", D(2017, 6, 1), 0, D(2018, 1, 1), 5 },
        { "5% recorded: 6% twelve months later", D(2018, 6, 1), 5, D(2019, 1, 1), 6 },
        { "6% recorded: 7% twelve months later", D(2019, 6, 1), 6, D(2020, 1, 1), 7 },
        { "only 5% recorded in 2019: 6% is past due", D(2019, 6, 1), 5, D(2019, 1, 1), 6 },
        { "nothing recorded by 2019: 5% is past due", D(2019, 6, 1), 0, D(2018, 1, 1), 5 },
    };

    [Theory]
    [MemberData(nameof(Timeline))]
    public void The_next_percentage_is_the_first_entitled_one_above_the_recorded(string _, DateOnly asOf, int recorded, DateOnly due, int next)
    {
        var raise = RaiseEngine.Regular(AtLastStep(recorded), TestLaw.Law, asOf);

        Assert.Equal(RaiseTrack.BeyondFrame, raise.Track);
        Assert.Equal(due, raise.DueOn);
        Assert.Equal(next, raise.BeyondFramePercentNext);
        Assert.Equal(recorded == 0 ? null : recorded, raise.BeyondFramePercentNow);
        Assert.Null(raise.NextStep);
        Assert.Equal(due, raise.HeldSince!.Value.AddMonths(raise.BaseMonths + raise.ExtensionMonths).AddDays(raise.NonCountedDays));
        Assert.Empty(raise.NeedsReview);
    }

    [Fact]
    public void The_explanation_gives_the_timeline_from_the_day_the_last_step_was_reached()
    {
        var raise = RaiseEngine.Regular(AtLastStep(6), TestLaw.Law, D(2019, 6, 1));

        Assert.Equal(
        [
            "Giữ bậc cuối (bậc 9/9, hệ số 4,98) nhóm A1 từ 01/01/2015.",
            "Đủ 36 tháng giữ bậc cuối vào 01/01/2018: hưởng PCTNVK 5%.",
            "Đủ 12 tháng tiếp theo vào 01/01/2019: hưởng PCTNVK 6%.",
            "Đủ 12 tháng tiếp theo vào 01/01/2020: hưởng PCTNVK 7%.",
            "Dòng lương từ 01/01/2019 ghi PCTNVK 6%; mức tiếp theo 7% từ 01/01/2020.",
        ], raise.Reasons.Select(r => r.Text));
        Assert.Equal(TestLaw.FirstPercentSource, raise.Reasons[1].LegalSource);
        Assert.Equal(D(2019, 1, 1), raise.HeldSince);
        Assert.Equal(12, raise.BaseMonths);
    }

    [Fact]
    public void Group_B_reaches_5_percent_after_24_months()
    {
        var raise = RaiseEngine.Regular(Person(Step("B", 12, 4.06m, D(2020, 3, 1))), TestLaw.Law, D(2021, 1, 1));

        Assert.Equal(D(2022, 3, 1), raise.DueOn);
        Assert.Equal(5, raise.BeyondFramePercentNext);
        Assert.Equal(24, raise.BaseMonths);
    }

    [Fact]
    public void A_reprimand_in_a_yearly_stretch_delays_that_percentage_and_every_later_one()
    {
        var facts = AtLastStep(5) with { Disciplines = [Discipline(DisciplineForm.Reprimand, D(2021, 9, 1))] };

        // 5% 01/01/2018, 6% 01/01/2019, 7% 01/01/2020, 8% 01/01/2021; the 9% stretch gets 3 more months: 01/04/2022; 10% 01/04/2023.
        Assert.Equal(D(2019, 1, 1), RaiseEngine.Regular(facts, TestLaw.Law, D(2019, 6, 1)).DueOn);
        var recorded8 = facts with { Steps = [.. facts.Steps, Step("A1", 9, 4.98m, D(2021, 1, 1), RaiseKind.BeyondFrame, beyondFrame: 8)] };
        var toNine = RaiseEngine.Regular(recorded8, TestLaw.Law, D(2021, 10, 1));
        Assert.Equal(D(2022, 4, 1), toNine.DueOn);
        Assert.Equal(3, toNine.ExtensionMonths);
        var recorded9 = recorded8 with { Steps = [.. recorded8.Steps, Step("A1", 9, 4.98m, D(2022, 4, 1), RaiseKind.BeyondFrame, beyondFrame: 9)] };
        Assert.Equal(D(2023, 4, 1), RaiseEngine.Regular(recorded9, TestLaw.Law, D(2022, 6, 1)).DueOn);
    }

    [Fact]
    public void A_year_not_completed_that_overlaps_two_stretches_extends_only_the_first()
    {
        // Last step from 01/03/2020: 5% 01/03/2023; the 6% stretch [01/03/2023, 01/03/2024) overlaps 2024, rated not
        // completed: 6% on 01/09/2024. The 7% stretch [01/09/2024, 01/09/2025) overlaps 2024 again but is not extended.
        var facts = Person(Step("A1", 9, 4.98m, D(2020, 3, 1)), Step("A1", 9, 4.98m, D(2024, 9, 1), RaiseKind.BeyondFrame, beyondFrame: 6))
            with { Ratings = Rated(notCompleted: [2024]) };

        var raise = RaiseEngine.Regular(facts, TestLaw.Law, D(2025, 1, 1));

        Assert.Equal(D(2025, 9, 1), raise.DueOn);
        Assert.Equal(0, raise.ExtensionMonths);
        Assert.Single(raise.Reasons, r => r.Text.StartsWith("Kéo dài 6 tháng do năm 2024", StringComparison.Ordinal));
    }

    [Fact]
    public void Unpaid_leave_before_the_first_percentage_delays_it_by_its_days()
    {
        var facts = AtLastStep(0) with { Absences = [Away(AbsenceKind.UnpaidLeave, D(2016, 3, 1), D(2016, 3, 30))] };

        var raise = RaiseEngine.Regular(facts, TestLaw.Law, D(2017, 6, 1));

        Assert.Equal(D(2018, 1, 31), raise.DueOn);
        Assert.Equal(30, raise.NonCountedDays);
    }
}
