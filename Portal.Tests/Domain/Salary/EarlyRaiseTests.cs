using Portal.Domain.Salary;
using Portal.Domain.Staff.History;
using static Portal.Tests.Domain.Salary.Make;

namespace Portal.Tests.Domain.Salary;

/// <summary>Early raise for outstanding achievement (REGULATIONS §2.4): candidacy, the unit's levels, and the quota.</summary>
public sealed class EarlyRaiseTests
{
    /// <summary>A1 step 3 from 01/09/2021: regular raise due 01/09/2024.</summary>
    private static readonly StaffSalaryFacts Teacher = Person(Step("A1", 3, 3.00m, D(2021, 9, 1)));

    private static Achievement Award(DateOnly on, string form, int months, int rank) => new(on, form, null, months, rank);

    private static EarlyRaiseCandidacy Candidacy(StaffSalaryFacts facts, int reviewYear, DateOnly? asOf = null) =>
        RaiseEngine.EarlyForAchievement(facts, RaiseEngine.Regular(facts, TestLaw.Law, asOf ?? D(reviewYear, 11, 1)), TestLaw.Law, reviewYear);

    [Fact]
    public void A_raise_due_within_12_months_after_the_review_year_is_a_candidacy_on_the_best_achievement()
    {
        var praise = Award(D(2023, 5, 15), "Bằng khen của Chủ tịch UBND Thành phố", 9, 2);
        var facts = Teacher with { Achievements = [Award(D(2022, 6, 10), "Giấy khen", 6, 3), praise] };

        var early = Candidacy(facts, 2023);

        Assert.True(early.Candidate);
        Assert.Equal(praise, early.Basis);
        Assert.Equal(9, early.MonthsEarly);
        Assert.Equal(D(2023, 12, 1), early.EarlyDueOn);
        Assert.Equal("Căn cứ thành tích \"Bằng khen của Chủ tịch UBND Thành phố\" ngày 15/05/2023: nâng trước 9 tháng (tối đa 12 tháng), lên bậc 4 từ 01/12/2023.",
            early.Reasons[^1].Text);
    }

    [Fact]
    public void The_months_early_are_capped_and_the_highest_rank_wins_over_more_months()
    {
        var facts = Teacher with { Achievements = [Award(D(2023, 1, 10), "Huân chương Lao động hạng Ba", 18, 1), Award(D(2023, 6, 1), "Khác", 24, 2)] };

        var early = Candidacy(facts, 2023);

        Assert.Equal("Huân chương Lao động hạng Ba", early.Basis!.Form);
        Assert.Equal(12, early.MonthsEarly);
        Assert.Equal(D(2023, 9, 1), early.EarlyDueOn);
    }

    [Fact]
    public void An_early_raise_is_blocked_when_the_previous_raise_in_the_same_title_was_early()
    {
        var facts = Person(Step("A1", 2, 2.67m, D(2017, 9, 1)), Step("A1", 3, 3.00m, D(2020, 9, 1), RaiseKind.EarlyForAchievement))
            with { Achievements = [Award(D(2022, 4, 1), "Bằng khen", 9, 2)] };

        var early = Candidacy(facts, 2022);

        Assert.False(early.Candidate);
        Assert.Null(early.EarlyDueOn);
        Assert.Contains("không nâng trước thời hạn hai lần liên tiếp", early.Reasons[^1].Text);
    }

    [Fact]
    public void A_previous_early_raise_in_another_title_does_not_block()
    {
        var facts = Person(
                Step("A1", 3, 3.00m, D(2020, 9, 1), RaiseKind.EarlyForAchievement, title: "V.07.03.08"),
                Step("A1", 3, 3.00m, D(2021, 3, 20), RaiseKind.Placement))
            with { Achievements = [Award(D(2022, 4, 1), "Bằng khen", 9, 2)] };

        Assert.True(Candidacy(facts, 2022).Candidate);
    }

    [Fact]
    public void An_achievement_between_the_last_early_raise_s_start_and_its_decision_is_used_up_too()
    {
        // Step 2 early from 01/06/2020, decided on 20/08/2020; an award of 01/07/2020 came before the decision.
        var facts = Person(Step("A1", 2, 2.67m, D(2020, 6, 1), RaiseKind.EarlyForAchievement) with { DecidedOn = D(2020, 8, 20) },
                Step("A1", 3, 3.00m, D(2023, 6, 1)))
            with { Achievements = [Award(D(2020, 7, 1), "Giấy khen", 6, 3)] };

        Assert.False(Candidacy(facts, 2025).Candidate);
    }

    [Theory]
    [InlineData(DisciplineForm.SalaryStepDemotion)]
    [InlineData(DisciplineForm.Reprimand)]
    public void Any_discipline_in_the_holding_period_bars_the_early_raise_whatever_its_form(DisciplineForm form)
    {
        var facts = Teacher with
        {
            Achievements = [Award(D(2023, 5, 15), "Bằng khen", 9, 2)],
            Disciplines = [new DisciplineEvent(form, D(2020, 3, 1), D(2020, 9, 1), null, "5/QĐ-KL")],
        };
        // Held since 01/09/2021; a discipline of 2020 is before it and does not count.
        Assert.True(Candidacy(facts, 2023).Candidate);

        var inPeriod = facts with { Disciplines = [new DisciplineEvent(form, D(2022, 3, 1), D(2022, 9, 1), null, "5/QĐ-KL")] };
        var early = Candidacy(inPeriod, 2023);
        Assert.False(early.Candidate);
        Assert.Contains(early.Reasons, r => r.Text.Contains("kỷ luật", StringComparison.Ordinal));
    }

    [Fact]
    public void An_achievement_dated_before_the_last_early_raise_is_used_up()
    {
        // Step 2 early from 01/06/2020, step 3 regular from 01/06/2023: due 01/06/2026, reviewed in 2025.
        var facts = Person(Step("A1", 2, 2.67m, D(2020, 6, 1), RaiseKind.EarlyForAchievement), Step("A1", 3, 3.00m, D(2023, 6, 1)))
            with { Achievements = [Award(D(2020, 3, 15), "Giấy khen", 6, 3)] };

        var used = Candidacy(facts, 2025);
        Assert.False(used.Candidate);
        Assert.Contains(used.Reasons, r => r.Text.Contains("đã dùng hết khi nâng lương trước thời hạn từ 01/06/2020", StringComparison.Ordinal));

        var fresh = Award(D(2024, 4, 20), "Giấy khen", 6, 3);
        var withFresh = Candidacy(facts with { Achievements = [.. facts.Achievements, fresh] }, 2025);
        Assert.True(withFresh.Candidate);
        Assert.Equal(fresh, withFresh.Basis);
        Assert.Equal(D(2025, 12, 1), withFresh.EarlyDueOn);
    }

    public static TheoryData<string, DateOnly, bool> LookBack => new()
    {
        { "group B (24 months) looks back 4 years: 01/01/2020 is in", D(2020, 1, 1), true },
        { "group B (24 months) looks back 4 years: 31/12/2019 is out", D(2019, 12, 31), false },
    };

    [Theory]
    [MemberData(nameof(LookBack))]
    public void Achievements_count_within_the_look_back_years_up_to_31_December(string _, DateOnly decidedOn, bool candidate)
    {
        // B step 5 from 15/03/2022: due 15/03/2024, reviewed in 2023.
        var facts = Person(Step("B", 5, 2.66m, D(2022, 3, 15), title: "02.008")) with { Achievements = [Award(decidedOn, "Giấy khen", 6, 3)] };

        Assert.Equal(candidate, Candidacy(facts, 2023).Candidate);
    }

    public static TheoryData<string, int> NotThisYear => new()
    {
        { "due on or before 31/12 of the review year: a regular raise", 2024 },
        { "due more than 12 months after 31/12 of the review year", 2022 },
    };

    [Theory]
    [MemberData(nameof(NotThisYear))]
    public void A_regular_date_outside_the_window_is_no_candidacy(string _, int reviewYear)
    {
        var early = Candidacy(Teacher with { Achievements = [Award(D(2022, 5, 1), "Bằng khen", 9, 2)] }, reviewYear, D(2022, 1, 1));

        Assert.False(early.Candidate);
        Assert.Equal(0, early.MonthsEarly);
    }

    [Fact]
    public void A_discipline_in_the_holding_period_means_the_standards_were_not_met_throughout()
    {
        var facts = Teacher with
        {
            Disciplines = [Discipline(DisciplineForm.Reprimand, D(2022, 3, 10))],
            Achievements = [Award(D(2023, 5, 1), "Bằng khen", 9, 2)],
        };

        var early = Candidacy(facts, 2023);

        Assert.False(early.Candidate);
        Assert.StartsWith("Thời gian giữ bậc bị kéo dài 3 tháng", early.Reasons[^1].Text);
    }

    [Fact]
    public void No_achievement_worth_months_means_no_candidacy() =>
        Assert.False(Candidacy(Teacher with { Achievements = [Award(D(2023, 5, 1), "Lao động tiên tiến", 0, 9)] }, 2023).Candidate);

    [Fact]
    public void The_last_step_has_no_early_raise() =>
        Assert.False(Candidacy(Person(Step("A1", 9, 4.98m, D(2020, 1, 1))) with { Achievements = [Award(D(2023, 5, 1), "Bằng khen", 9, 2)] }, 2023).Candidate);

    public static TheoryData<string, int, int, int> Quotas => new()
    {
        { "27 people: 2 slots, 7 reported upward", 27, 2, 7 },
        { "9 people: no slot, 9 reported upward", 9, 0, 9 },
        { "exactly 30 people: 3 slots", 30, 3, 0 },
        { "nobody", 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Quotas))]
    public void The_quota_is_one_per_full_ten_people_with_the_remainder_reported(string _, int payroll, int slots, int remainder) =>
        Assert.Equal((slots, remainder), EarlyRaiseQuota.For(payroll, TestLaw.Law, D(2025, 10, 1)));

    private static readonly AchievementLevel[] Levels =
    [
        new("Bằng khen của Thủ tướng", 12, 1), new("Bằng khen", 9, 2), new("Giấy khen", 6, 3), new("Huân chương Lao động", 12, 1), new("  ", 1, 9),
    ];

    public static TheoryData<string, string, string?> Awards => new()
    {
        { "the longest prefix wins", "Bằng khen của Thủ tướng Chính phủ", "Bằng khen của Thủ tướng" },
        { "a shorter prefix when the longer does not fit", "Bằng khen của Chủ tịch UBND Thành phố", "Bằng khen" },
        { "case is ignored", "GIẤY KHEN của Hiệu trưởng", "Giấy khen" },
        { "diacritics are ignored, spaces trimmed and collapsed", "  Bang  khen cua Thu tuong", "Bằng khen của Thủ tướng" },
        { "đ is d", "HUAN CHUONG LAO DONG hạng Ba", "Huân chương Lao động" },
        { "no level fits", "Chiến sĩ thi đua cơ sở", null },
    };

    [Theory]
    [MemberData(nameof(Awards))]
    public void An_award_form_is_matched_to_the_unit_s_level_by_prefix(string _, string form, string? prefix) =>
        Assert.Equal(prefix, AchievementPolicy.Match(form, Levels)?.FormPrefix);
}
