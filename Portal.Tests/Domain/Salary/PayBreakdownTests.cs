using Portal.Domain.Salary;
using static Portal.Tests.Domain.Salary.Make;

namespace Portal.Tests.Domain.Salary;

/// <summary>
/// The pay breakdown (REGULATIONS §2.1, §3.3): each line to the đồng, in the office's notation. The amounts are worked
/// out by hand from the test law's numbers.
/// </summary>
public sealed class PayBreakdownTests
{
    /// <summary>Primary principal (hạng II school, urban), A2.2 step 4 (5,02), teaching with insurance since 01/09/2005 (20% in mid-2026).</summary>
    private static readonly StaffSalaryFacts Principal = Person(Step("A2.2", 4, 5.02m, D(2024, 1, 1), title: "V.07.03.28")) with
    {
        Teaching = Teaching(D(2005, 9, 1), schoolClass: 2, post: LeadershipPost.Principal),
    };

    public static TheoryData<string, DateOnly, string, long, long, long, long, long> BaseSalaryChange => new()
    {
        { "30/06/2026 at 2.340.000", D(2026, 6, 30), "2.340.000", 11_746_800, 936_000, 4_438_980, 2_536_560, 19_658_340 },
        { "01/07/2026 at 2.530.000", D(2026, 7, 1), "2.530.000", 12_700_600, 1_012_000, 4_799_410, 2_742_520, 21_254_530 },
    };

    [Theory]
    [MemberData(nameof(BaseSalaryChange))]
    public void A_principal_s_pay_follows_the_base_salary_in_force(string _, DateOnly on, string baseSalary,
        long salary, long position, long preferential, long seniority, long total)
    {
        var slip = PayBreakdown.At(Principal, TestLaw.Law, on);

        Assert.Equal(
        [
            new PayLine("Lương theo hệ số", $"5,02 × {baseSalary}", salary),
            new PayLine("Phụ cấp chức vụ", $"0,40 × {baseSalary}", position),
            new PayLine("Phụ cấp ưu đãi theo nghề", $"35% × (5,02 + 0,40) × {baseSalary}", preferential),
            new PayLine("Phụ cấp thâm niên nhà giáo", $"20% × (5,02 + 0,40) × {baseSalary}", seniority),
        ], slip.Lines);
        Assert.Equal(total, slip.TotalVnd);
        Assert.Equal(on, slip.On);
    }

    [Fact]
    public void PCTNVK_joins_the_base_of_the_percentage_allowances_and_each_line_is_rounded_half_away_from_zero()
    {
        // A1 step 9 (4,98) with 7% recorded: PCTNVK coefficient 0,3486; 35% × 5,3286 × 1.490.000 = 2.778.864,9 → 2.778.865.
        var teacher = Person(Step("A1", 9, 4.98m, D(2020, 1, 1), beyondFrame: 7)) with { Teaching = Teaching(D(2000, 9, 1)) };

        var slip = PayBreakdown.At(teacher, TestLaw.Law, D(2020, 10, 1));

        Assert.Equal(
        [
            new PayLine("Lương theo hệ số", "4,98 × 1.490.000", 7_420_200),
            new PayLine("Phụ cấp thâm niên vượt khung", "7% × 4,98 × 1.490.000", 519_414),
            new PayLine("Phụ cấp ưu đãi theo nghề", "35% × (4,98 + 0,3486) × 1.490.000", 2_778_865),
            new PayLine("Phụ cấp thâm niên nhà giáo", "20% × (4,98 + 0,3486) × 1.490.000", 1_587_923),
        ], slip.Lines);
        Assert.Equal(12_306_402, slip.TotalVnd);
    }

    [Fact]
    public void Staff_who_do_not_teach_get_their_salary_line_only()
    {
        var slip = PayBreakdown.At(Person(Step("A1", 4, 3.33m, D(2023, 1, 1), title: "06.031")), TestLaw.Law, D(2024, 7, 1));

        Assert.Equal([new PayLine("Lương theo hệ số", "3,33 × 2.340.000", 7_792_200)], slip.Lines);
        Assert.Equal(7_792_200, slip.TotalVnd);
    }

    [Fact]
    public void No_salary_row_gives_an_empty_breakdown() =>
        Assert.Empty(PayBreakdown.At(Person(), TestLaw.Law, D(2024, 7, 1)).Lines);

    [Fact]
    public void A_day_without_a_base_salary_is_an_error_for_the_admin_not_a_zero() =>
        Assert.Equal(SalaryCodes.BaseSalary, Assert.Throws<MissingLegalParameterException>(() => PayBreakdown.At(Principal, TestLaw.Law, D(2019, 6, 30))).Code);
}
