using Portal.Domain.Salary;
using static Portal.Tests.Domain.Salary.Make;

namespace Portal.Tests.Domain.Salary;

/// <summary>The teacher allowances of REGULATIONS §3.3: preferential rate, teacher seniority (NĐ 77/2021), position (TT 33/2005).</summary>
public sealed class TeacherAllowanceTests
{
    private static readonly DateOnly Since = D(2020, 9, 1);

    public static TheoryData<string, DateOnly, AbsenceKind?, DateOnly?, DateOnly?, int, decimal, DateOnly, decimal> Seniority => new()
    {
        { "59 months: nothing yet", D(2025, 8, 31), null, null, null, 59, 0, D(2025, 9, 1), 5 },
        { "60 months: 5%", D(2025, 9, 1), null, null, null, 60, 5, D(2026, 9, 1), 6 },
        { "72 months: 6%", D(2026, 9, 1), null, null, null, 72, 6, D(2027, 9, 1), 7 },
        { "45 days of unpaid leave push the 60 months to 16/10/2025", D(2025, 9, 1), AbsenceKind.UnpaidLeave, D(2023, 2, 1), D(2023, 3, 17), 58, 0, D(2025, 10, 16), 5 },
        { "and on 16/10/2025 the 60 months are there", D(2025, 10, 16), AbsenceKind.UnpaidLeave, D(2023, 2, 1), D(2023, 3, 17), 60, 5, D(2026, 10, 16), 6 },
        { "20 days of unpaid leave are under a month and still count", D(2025, 9, 1), AbsenceKind.UnpaidLeave, D(2023, 2, 1), D(2023, 2, 20), 60, 5, D(2026, 9, 1), 6 },
        { "a year of probation does not count", D(2025, 9, 1), AbsenceKind.Probation, D(2020, 9, 1), D(2021, 8, 31), 48, 0, D(2026, 9, 1), 5 },
        { "maternity leave counts", D(2025, 9, 1), AbsenceKind.Maternity, D(2022, 1, 1), D(2022, 6, 30), 60, 5, D(2026, 9, 1), 6 },
        { "21 years 2 months: 21%", D(2041, 11, 1), null, null, null, 254, 21, D(2042, 9, 1), 22 },
    };

    [Theory]
    [MemberData(nameof(Seniority))]
    public void Teacher_seniority_counts_full_months_of_insured_teaching_less_the_time_that_does_not_count(string _, DateOnly on,
        AbsenceKind? kind, DateOnly? from, DateOnly? to, int months, decimal percent, DateOnly next, decimal nextPercent)
    {
        List<AbsencePeriod> absences = kind is { } k ? [Away(k, from!.Value, to!.Value)] : [];

        var seniority = TeacherAllowances.Seniority(Teaching(Since), absences, TestLaw.Law, on);

        Assert.Equal(months, seniority.MonthsCounted);
        Assert.Equal(percent, seniority.Percent);
        Assert.Equal(next, seniority.NextChangeOn);
        Assert.Equal(nextPercent, seniority.NextPercent);
    }

    [Fact]
    public void Back_to_back_unpaid_leaves_are_one_continuous_leave()
    {
        List<AbsencePeriod> absences = [Away(AbsenceKind.UnpaidLeave, D(2023, 2, 1), D(2023, 2, 15)), Away(AbsenceKind.UnpaidLeave, D(2023, 2, 16), D(2023, 3, 5))];

        var seniority = TeacherAllowances.Seniority(Teaching(Since), absences, TestLaw.Law, D(2025, 9, 1));

        Assert.Equal(0, seniority.Percent);
        Assert.Equal(D(2025, 10, 4), seniority.NextChangeOn);
        Assert.Contains(seniority.Reasons, r => r.Text == "Không tính 33 ngày nghỉ việc riêng không hưởng lương 01/02/2023–05/03/2023.");
    }

    [Fact]
    public void Someone_who_does_not_teach_or_has_no_start_gets_no_seniority()
    {
        Assert.Equal(0, TeacherAllowances.Seniority(Teaching(Since, teaches: false), [], TestLaw.Law, D(2030, 1, 1)).Percent);
        Assert.Equal(0, TeacherAllowances.Seniority(Teaching(null), [], TestLaw.Law, D(2030, 1, 1)).Percent);
    }

    [Fact]
    public void A_primary_teacher_in_town_gets_the_35_percent_preferential_rate()
    {
        var allowance = TeacherAllowances.Preferential(Teaching(Since), TestLaw.Law, D(2025, 1, 1))!;

        Assert.Equal(35, allowance.Percent);
        Assert.Equal(new Reason("Phụ cấp ưu đãi theo nghề 35%: trực tiếp giảng dạy, trường tiểu học, đồng bằng, thành phố, thị xã.", TestLaw.PreferentialSource),
            allowance.Why);
    }

    [Fact]
    public void The_preferential_rate_follows_the_school_s_level_and_area() =>
        Assert.Equal(50, TeacherAllowances.Preferential(Teaching(Since, area: SchoolArea.Mountain), TestLaw.Law, D(2025, 1, 1))!.Percent);

    [Fact]
    public void No_preferential_rate_for_someone_who_does_not_teach_or_where_none_is_in_force()
    {
        Assert.Null(TeacherAllowances.Preferential(Teaching(Since, teaches: false), TestLaw.Law, D(2025, 1, 1)));
        Assert.Null(TeacherAllowances.Preferential(Teaching(Since, SchoolLevel.UpperSecondary, SchoolArea.Mountain), TestLaw.Law, D(2025, 1, 1)));
    }

    public static TheoryData<string, SchoolLevel, LeadershipPost?, int?, decimal?> Positions => new()
    {
        { "principal of a hạng II primary school: 0,40", SchoolLevel.Primary, LeadershipPost.Principal, 2, 0.40m },
        { "vice principal of a hạng III primary school: 0,25", SchoolLevel.Primary, LeadershipPost.VicePrincipal, 3, 0.25m },
        { "principal of a hạng II preschool: 0,35", SchoolLevel.Preschool, LeadershipPost.Principal, 2, 0.35m },
        { "a preschool has no hạng III", SchoolLevel.Preschool, LeadershipPost.Principal, 3, null },
        { "no post, no allowance", SchoolLevel.Primary, null, 2, null },
        { "no hạng, no allowance", SchoolLevel.Primary, LeadershipPost.Principal, null, null },
    };

    [Theory]
    [MemberData(nameof(Positions))]
    public void The_position_allowance_follows_post_level_and_school_class(string _, SchoolLevel level, LeadershipPost? post, int? schoolClass, decimal? coefficient) =>
        Assert.Equal(coefficient, TeacherAllowances.Position(Teaching(Since, level, schoolClass: schoolClass, post: post), TestLaw.Law, D(2025, 1, 1))?.Coefficient);

    [Fact]
    public void The_position_allowance_explains_itself() =>
        Assert.Equal(new Reason("Phụ cấp chức vụ hiệu trưởng trường tiểu học hạng II: hệ số 0,40.", TestLaw.PositionSource),
            TeacherAllowances.Position(Teaching(Since, schoolClass: 2, post: LeadershipPost.Principal), TestLaw.Law, D(2025, 1, 1))!.Why);
}
