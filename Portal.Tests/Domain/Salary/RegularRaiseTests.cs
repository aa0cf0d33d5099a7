using Portal.Domain.Salary;
using Portal.Domain.Staff.History;
using static Portal.Tests.Domain.Salary.Make;

namespace Portal.Tests.Domain.Salary;

/// <summary>
/// The regular step raise (TT 08/2013 Art. 2 as amended by TT 03/2021; REGULATIONS §2.3): the interval from the scale, the
/// extensions for discipline and "not completed" years, and the days that do not count.
/// </summary>
public sealed class RegularRaiseTests
{
    /// <summary>A1 step 3 (3,00) from 01/09/2021: the regular raise to step 4 (3,33) falls due on 01/09/2024.</summary>
    private static readonly StaffSalaryFacts Teacher = Person(Step("A1", 3, 3.00m, D(2021, 9, 1)));

    private static readonly DateOnly AsOf = D(2024, 1, 1);

    public sealed record Case(StaffSalaryFacts Facts, DateOnly Due, int ExtensionMonths, int NonCountedDays);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["a plain 36-month raise"] = new(Teacher, D(2024, 9, 1), 0, 0),
        ["a 24-month raise in group B"] = new(Person(Step("B", 5, 2.66m, D(2022, 3, 15), title: "02.008")), D(2024, 3, 15), 0, 0),
        ["a leap-day start ends on the last day of February"] = new(Person(Step("A1", 3, 3.00m, D(2020, 2, 29))), D(2023, 2, 28), 0, 0),
        ["a reprimand in the holding period adds 3 months"] =
            new(Teacher with { Disciplines = [Discipline(DisciplineForm.Reprimand, D(2023, 3, 10))] }, D(2024, 12, 1), 3, 0),
        ["a warning plus a year rated not completed add 6 + 6 months"] =
            new(Teacher with { Disciplines = [Discipline(DisciplineForm.Warning, D(2022, 6, 5))], Ratings = Rated(notCompleted: [2023]) }, D(2025, 9, 1), 12, 0),
        ["a demotion adds 12 months"] = new(Teacher with { Disciplines = [Discipline(DisciplineForm.Demotion, D(2022, 1, 10))] }, D(2025, 9, 1), 12, 0),
        ["removal from office adds 12 months"] =
            new(Teacher with { Disciplines = [Discipline(DisciplineForm.RemovalFromOffice, D(2022, 1, 10))] }, D(2025, 9, 1), 12, 0),
        ["a reprimand after the due date does not extend"] =
            new(Teacher with { Disciplines = [Discipline(DisciplineForm.Reprimand, D(2024, 9, 1))] }, D(2024, 9, 1), 0, 0),
        ["a year rated not completed before the period does not extend"] = new(Teacher with { Ratings = Rated(notCompleted: [2020]) }, D(2024, 9, 1), 0, 0),
        ["the extension brings a later warning into the period (3 + 6)"] = new(Teacher with
        {
            Disciplines = [Discipline(DisciplineForm.Reprimand, D(2023, 3, 10)), Discipline(DisciplineForm.Warning, D(2024, 10, 15))],
        }, D(2025, 6, 1), 9, 0),
        ["45 days of unpaid leave add 45 days"] =
            new(Teacher with { Absences = [Away(AbsenceKind.UnpaidLeave, D(2023, 2, 1), D(2023, 3, 17))] }, D(2024, 10, 16), 0, 45),
        ["unpaid leave across the due date counts whole (61 days)"] =
            new(Teacher with { Absences = [Away(AbsenceKind.UnpaidLeave, D(2024, 8, 1), D(2024, 9, 30))] }, D(2024, 11, 1), 0, 61),
        ["unpaid leave before the holding period is ignored"] =
            new(Teacher with { Absences = [Away(AbsenceKind.UnpaidLeave, D(2021, 1, 1), D(2021, 3, 31))] }, D(2024, 9, 1), 0, 0),
        ["unpaid leave straddling the start counts from the start (14 days)"] =
            new(Teacher with { Absences = [Away(AbsenceKind.UnpaidLeave, D(2021, 8, 20), D(2021, 9, 14))] }, D(2024, 9, 15), 0, 14),
        ["suspension and detention overlapping count each day once (40 days)"] = new(Teacher with
        {
            Absences = [Away(AbsenceKind.Suspension, D(2023, 5, 1), D(2023, 5, 31)), Away(AbsenceKind.Detention, D(2023, 5, 20), D(2023, 6, 9))],
        }, D(2024, 10, 11), 0, 40),
        ["sickness leave beyond 6 months: only the 62 days over 181 count"] =
            new(Teacher with { Absences = [Away(AbsenceKind.SicknessLeave, D(2022, 1, 1), D(2022, 8, 31))] }, D(2024, 11, 2), 0, 62),
        ["two sickness leaves are cumulated: 90 + 92 days against 181"] = new(Teacher with
        {
            Absences = [Away(AbsenceKind.SicknessLeave, D(2022, 1, 1), D(2022, 3, 31)), Away(AbsenceKind.SicknessLeave, D(2022, 6, 1), D(2022, 8, 31))],
        }, D(2024, 9, 2), 0, 1),
        ["sickness within 6 months counts as worked"] =
            new(Teacher with { Absences = [Away(AbsenceKind.SicknessLeave, D(2022, 1, 1), D(2022, 6, 29))] }, D(2024, 9, 1), 0, 0),
        ["maternity, secondment, military service and probation count as worked"] = new(Teacher with
        {
            Absences =
            [
                Away(AbsenceKind.Maternity, D(2022, 1, 1), D(2022, 6, 30)), Away(AbsenceKind.Secondment, D(2022, 9, 1), D(2022, 12, 31)),
                Away(AbsenceKind.MilitaryService, D(2023, 1, 1), D(2023, 3, 31)), Away(AbsenceKind.Probation, D(2021, 9, 1), D(2021, 12, 31)),
            ],
        }, D(2024, 9, 1), 0, 0),
        ["a title renamed at the same step does not restart the clock"] = new(Person(
            Step("A1", 3, 3.00m, D(2021, 9, 1), title: "V.07.03.08"),
            Step("A1", 3, 3.00m, D(2022, 3, 20), RaiseKind.Placement)), D(2024, 9, 1), 0, 0),
        ["a later row at another step starts a new holding period"] = new(Person(
            Step("A1", 2, 2.67m, D(2018, 9, 1)),
            Step("A1", 3, 3.00m, D(2021, 9, 1))), D(2024, 9, 1), 0, 0),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_raise_falls_due_after_the_interval_plus_extensions_plus_non_counted_days(string name)
    {
        var c = Cases[name];
        var raise = RaiseEngine.Regular(c.Facts, TestLaw.Law, AsOf);

        Assert.Equal(RaiseTrack.StepRaise, raise.Track);
        Assert.Equal(c.Due, raise.DueOn);
        Assert.Equal(c.ExtensionMonths, raise.ExtensionMonths);
        Assert.Equal(c.NonCountedDays, raise.NonCountedDays);
        Assert.Equal(c.Due, raise.HeldSince!.Value.AddMonths(raise.BaseMonths + raise.ExtensionMonths).AddDays(raise.NonCountedDays));
        Assert.Empty(raise.NeedsReview);
    }

    [Fact]
    public void A_plain_raise_names_the_next_step_and_explains_itself_citing_the_scale()
    {
        var raise = RaiseEngine.Regular(Teacher, TestLaw.Law, AsOf);

        Assert.Equal(Teacher.Steps[0], raise.Current);
        Assert.Equal(D(2021, 9, 1), raise.HeldSince);
        Assert.Equal(36, raise.BaseMonths);
        Assert.Equal(4, raise.NextStep);
        Assert.Equal(3.33m, raise.NextCoefficient);
        Assert.Null(raise.BeyondFramePercentNext);
        Assert.Equal(
        [
            new Reason("Đủ 36 tháng giữ bậc 3 (hệ số 3,00) từ 01/09/2021 vào 01/09/2024.", TestLaw.ScaleSource),
            new Reason("Dự kiến nâng lên bậc 4 (hệ số 3,33) từ 01/09/2024.", TestLaw.ScaleSource),
        ], raise.Reasons);
    }

    [Fact]
    public void An_extension_and_a_leave_are_explained_with_their_decision_and_dates()
    {
        var facts = Teacher with
        {
            Disciplines = [Discipline(DisciplineForm.Reprimand, D(2023, 3, 10), decision: "12/QĐ-THTB")],
            Absences = [Away(AbsenceKind.UnpaidLeave, D(2023, 2, 1), D(2023, 3, 17))],
        };

        var raise = RaiseEngine.Regular(facts, TestLaw.Law, AsOf);

        Assert.Equal(D(2025, 1, 15), raise.DueOn);
        Assert.Contains(new Reason("Kéo dài 3 tháng do khiển trách theo QĐ số 12/QĐ-THTB (hiệu lực 10/03/2023).", TestLaw.ReprimandSource), raise.Reasons);
        Assert.Contains(new Reason("Lùi 45 ngày do nghỉ việc riêng không hưởng lương 01/02/2023–17/03/2023.", TestLaw.ScaleSource), raise.Reasons);
        Assert.Equal("Dự kiến nâng lên bậc 4 (hệ số 3,33) từ 15/01/2025.", raise.Reasons[^1].Text);
    }

    [Fact]
    public void A_raise_past_due_and_not_recorded_says_so() =>
        Assert.Equal("Đã đến hạn nâng lên bậc 4 (hệ số 3,33) từ 01/09/2024; chưa có dòng lương mới.",
            RaiseEngine.Regular(Teacher, TestLaw.Law, D(2024, 10, 1)).Reasons[^1].Text);

    [Fact]
    public void The_row_in_force_is_the_latest_starting_on_or_before_the_day()
    {
        var facts = Person(Step("A1", 3, 3.00m, D(2021, 9, 1)), Step("A1", 4, 3.33m, D(2024, 9, 1)));

        Assert.Equal(3, RaiseEngine.Regular(facts, TestLaw.Law, D(2024, 8, 31)).Current!.Step);
        Assert.Equal(D(2027, 9, 1), RaiseEngine.Regular(facts, TestLaw.Law, D(2024, 9, 1)).DueOn);
    }

    [Fact]
    public void No_salary_row_on_the_day_gives_the_no_salary_track()
    {
        var raise = RaiseEngine.Regular(Person(Step("A1", 1, 2.34m, D(2025, 1, 1))), TestLaw.Law, AsOf);

        Assert.Equal(RaiseTrack.NoSalary, raise.Track);
        Assert.Null(raise.Current);
        Assert.Null(raise.DueOn);
        Assert.Single(raise.Reasons);
    }

    [Fact]
    public void A_group_missing_from_the_scale_gives_the_unknown_scale_track()
    {
        var raise = RaiseEngine.Regular(Person(Step("Z9", 1, 1.00m, D(2021, 1, 1))), TestLaw.Law, AsOf);

        Assert.Equal(RaiseTrack.UnknownScale, raise.Track);
        Assert.NotNull(raise.Current);
        Assert.Null(raise.DueOn);
        Assert.Contains("Z9", raise.Reasons[0].Text);
    }
}

/// <summary>The cases the law leaves open: the engine decides cautiously where the brief says so, and always says so.</summary>
public sealed class RaiseNeedsReviewTests
{
    private static readonly StaffSalaryFacts Teacher = Person(Step("A1", 3, 3.00m, D(2021, 9, 1)));
    private static readonly DateOnly AsOf = D(2024, 1, 1);

    [Fact]
    public void Two_disciplines_in_one_year_are_summed_and_flagged()
    {
        var facts = Teacher with { Disciplines = [Discipline(DisciplineForm.Reprimand, D(2023, 3, 10)), Discipline(DisciplineForm.Warning, D(2023, 8, 20))] };

        var raise = RaiseEngine.Regular(facts, TestLaw.Law, AsOf);

        Assert.Equal(9, raise.ExtensionMonths);
        Assert.Equal(D(2025, 6, 1), raise.DueOn);
        Assert.Contains(raise.NeedsReview, r => r.StartsWith("Năm 2023 có 2 quyết định kỷ luật (khiển trách, cảnh cáo): đã cộng dồn 9 tháng", StringComparison.Ordinal));
    }

    [Fact]
    public void An_annulled_discipline_does_not_extend_and_is_flagged()
    {
        var facts = Teacher with { Disciplines = [Discipline(DisciplineForm.Warning, D(2023, 3, 10), annulled: D(2023, 9, 1), decision: "7/QĐ")] };

        var raise = RaiseEngine.Regular(facts, TestLaw.Law, AsOf);

        Assert.Equal(0, raise.ExtensionMonths);
        Assert.Equal(D(2024, 9, 1), raise.DueOn);
        Assert.Contains(raise.NeedsReview, r => r.Contains("đã bị hủy ngày 01/09/2023", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(DisciplineForm.SalaryStepDemotion)]
    [InlineData(DisciplineForm.Dismissal)]
    public void A_form_outside_the_extension_table_does_not_extend_and_is_flagged(DisciplineForm form)
    {
        var raise = RaiseEngine.Regular(Teacher with { Disciplines = [Discipline(form, D(2023, 3, 10))] }, TestLaw.Law, AsOf);

        Assert.Equal(D(2024, 9, 1), raise.DueOn);
        Assert.Single(raise.NeedsReview);
    }

    [Fact]
    public void A_due_date_inside_a_discipline_s_execution_period_is_flagged_and_not_moved()
    {
        // B step 5 from 01/09/2021 falls due on 01/09/2023; a warning given before the period runs until 31/12/2023.
        var facts = Person(Step("B", 5, 2.66m, D(2021, 9, 1))) with
        {
            Disciplines = [Discipline(DisciplineForm.Warning, D(2021, 8, 1), until: D(2023, 12, 31))],
        };

        var raise = RaiseEngine.Regular(facts, TestLaw.Law, D(2023, 1, 1));

        Assert.Equal(D(2023, 9, 1), raise.DueOn);
        Assert.Equal(0, raise.ExtensionMonths);
        Assert.Contains(raise.NeedsReview, r => r.StartsWith("Ngày đến hạn 01/09/2023 nằm trong thời gian thi hành kỷ luật cảnh cáo", StringComparison.Ordinal));
    }

    [Fact]
    public void A_completed_year_without_a_rating_is_flagged()
    {
        var raise = RaiseEngine.Regular(Teacher with { Ratings = Rated(missing: [2022, 2024]) }, TestLaw.Law, AsOf);

        Assert.Equal(["Chưa có xếp loại năm 2022 trong thời gian giữ bậc: cần bổ sung để xác định đủ tiêu chuẩn."], raise.NeedsReview);
    }

    [Fact]
    public void An_event_before_its_parameter_was_in_force_is_flagged_not_guessed()
    {
        // The test law's extensions start on 15/08/2021; a reprimand of 10/03/2020 has no number to apply.
        var facts = Person(Step("A1", 2, 2.67m, D(2019, 9, 1))) with { Disciplines = [Discipline(DisciplineForm.Reprimand, D(2020, 3, 10))] };

        var raise = RaiseEngine.Regular(facts, TestLaw.Law, D(2021, 1, 1));

        Assert.Equal(D(2022, 9, 1), raise.DueOn);
        Assert.Contains(raise.NeedsReview, r => r.StartsWith($"Chưa có tham số '{SalaryCodes.ExtensionReprimand}' hiệu lực ngày 10/03/2020", StringComparison.Ordinal));
    }

    [Fact]
    public void Sickness_without_a_cap_parameter_is_flagged_and_not_deducted()
    {
        var facts = Teacher with { Absences = [Away(AbsenceKind.SicknessLeave, D(2022, 1, 1), D(2022, 12, 31))] };

        var raise = RaiseEngine.Regular(facts, TestLaw.Without(SalaryCodes.SicknessCountedMonths), AsOf);

        Assert.Equal(D(2024, 9, 1), raise.DueOn);
        Assert.Single(raise.NeedsReview);
    }
}
