using Portal.Domain.Salary;
using Portal.Domain.Staff;
using static Portal.Tests.Domain.Salary.Make;

namespace Portal.Tests.Domain.Salary;

/// <summary>
/// The early raise on a retirement notice (TT 08/2013 Art. 3(2); REGULATIONS §2.5), pinned on MoHA's worked example:
/// notice 06/2019, retirement 01/01/2020, regular raise due 01/09/2019 → eligible, raised 12 months early.
/// </summary>
public sealed class RetirementRaiseTests
{
    private static readonly RetirementNotice Notice = new(D(2019, 6, 15), D(2020, 1, 1), "45/TB-THTB");

    private static RetirementRaise Raise(StaffSalaryFacts facts) =>
        RaiseEngine.BeforeRetirement(facts, RaiseEngine.Regular(facts, TestLaw.Law, Notice.NoticeOn), TestLaw.Law);

    public static TheoryData<string, DateOnly, bool, DateOnly?> Cases => new()
    {
        { "the ministry's example: due 01/09/2019, eligible from 01/09/2018", D(2016, 9, 1), true, D(2018, 9, 1) },
        { "due exactly 12 months after retirement (01/01/2021): eligible", D(2018, 1, 1), true, D(2020, 1, 1) },
        { "due 18 months after retirement (01/07/2021): not eligible", D(2018, 7, 1), false, null },
        { "due before the notice (01/03/2019): a regular raise, not this one", D(2016, 3, 1), false, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_notified_person_within_12_months_of_the_regular_date_is_raised_12_months_early(string _, DateOnly stepFrom, bool eligible, DateOnly? from)
    {
        var raise = Raise(Person(Step("A1", 5, 3.66m, stepFrom)) with { Notice = Notice });

        Assert.Equal(eligible, raise.Eligible);
        Assert.Equal(from, raise.EffectiveOn);
    }

    [Fact]
    public void The_ministry_s_example_explains_itself()
    {
        var raise = Raise(Person(Step("A1", 5, 3.66m, D(2016, 9, 1))) with { Notice = Notice });

        Assert.Equal(
        [
            "Thông báo nghỉ hưu số 45/TB-THTB ngày 15/06/2019: nghỉ hưu ngày 01/01/2020.",
            "Đến hạn nâng bậc lương thường xuyên ngày 01/09/2019, không muộn hơn 12 tháng sau ngày nghỉ hưu 01/01/2020.",
            "Được nâng bậc lương trước thời hạn 12 tháng: hưởng bậc 6 (hệ số 3,99) từ 01/09/2018.",
        ], raise.Reasons.Select(r => r.Text));
    }

    [Fact]
    public void Without_a_notice_there_is_no_early_raise_for_retirement() =>
        Assert.False(Raise(Person(Step("A1", 5, 3.66m, D(2016, 9, 1)))).Eligible);

    [Fact]
    public void The_last_step_gets_no_early_raise_for_retirement() =>
        Assert.False(Raise(Person(Step("A1", 9, 4.98m, D(2016, 9, 1))) with { Notice = Notice }).Eligible);
}

/// <summary>The retirement day and the office's alerts before it (REGULATIONS §4.3).</summary>
public sealed class RetirementOutlookTests
{
    private static readonly int[] Alerts = [12, 6, 3];

    /// <summary>A man born 10/04/1966 reaches 62, the age from 2028, in 04/2028: retires 30/04/2028.</summary>
    private static readonly StaffSalaryFacts Man = Person() with { BornOn = D(1966, 4, 10) };

    public static TheoryData<string, DateOnly, int?, DateOnly?> Stages => new()
    {
        { "before the first alert", D(2027, 4, 29), null, D(2027, 4, 30) },
        { "the 12-month alert starts on 30/04/2027", D(2027, 4, 30), 12, D(2027, 10, 30) },
        { "the 6-month alert replaces it", D(2027, 12, 1), 6, D(2028, 1, 30) },
        { "the 3-month alert is the last", D(2028, 3, 15), 3, null },
        { "the retirement day itself ends the alerts", D(2028, 4, 30), null, null },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void The_running_alert_is_the_latest_reached_before_the_retirement_day(string _, DateOnly asOf, int? alert, DateOnly? next)
    {
        var view = RetirementOutlook.Of(Man, TestLaw.Law, asOf, Alerts)!;

        Assert.Equal(D(2028, 4, 30), view.RetiresOn);
        Assert.Equal(D(2028, 5, 1), view.PensionFrom);
        Assert.Equal(alert, view.AlertMonths);
        Assert.Equal(next, view.NextAlertOn);
    }

    [Fact]
    public void The_retirement_day_is_explained_with_the_age_and_its_source()
    {
        var view = RetirementOutlook.Of(Man, TestLaw.Law, D(2027, 12, 1), Alerts)!;

        Assert.Equal(new Reason("Sinh tháng 04/1966, đủ tuổi nghỉ hưu 62 tuổi 0 tháng: nghỉ hưu ngày 30/04/2028 (ngày cuối tháng đủ tuổi).",
            "NĐ 135/2020/NĐ-CP (test)"), view.Reasons[0]);
    }

    [Fact]
    public void A_woman_born_01_1966_retires_at_55_years_4_months() =>
        Assert.Equal(D(2021, 5, 31), RetirementOutlook.Of(Person() with { Gender = Gender.Female, BornOn = D(1966, 1, 31) }, TestLaw.Law, D(2021, 1, 1), Alerts)!.RetiresOn);

    [Fact]
    public void A_notice_s_retirement_day_wins_over_the_road_map()
    {
        var view = RetirementOutlook.Of(Man with { Notice = new(D(2027, 6, 1), D(2027, 12, 31), null) }, TestLaw.Law, D(2027, 7, 1), Alerts)!;

        Assert.Equal(D(2027, 12, 31), view.RetiresOn);
        Assert.Equal(6, view.AlertMonths);
    }

    [Fact]
    public void Someone_who_reached_the_earlier_age_before_the_road_map_has_no_outlook() =>
        Assert.Null(RetirementOutlook.Of(Person() with { BornOn = D(1960, 10, 1) }, TestLaw.Law, D(2021, 1, 1), Alerts));
}
