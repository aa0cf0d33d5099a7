using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Domain.Law;
using Portal.Domain.Reference;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data.Seed;
using static Portal.Tests.Domain.Salary.Make;

namespace Portal.Tests.Domain.Salary;

/// <summary>
/// The seed files <c>legal-parameters.json</c> and <c>salary-scales.json</c>, read from Portal.Infrastructure's embedded
/// resources as the seeder reads them: every number the salary engine reads is in force today, and a real pay
/// breakdown computes from them.
/// </summary>
public sealed class SalarySeedTests
{
    private static readonly DateOnly Today = D(2026, 11, 29);

    private static readonly List<LegalParameter> Parameters = Seed.Parameters();
    private static readonly SalaryLaw Law = new(Parameters, Seed.Scale());

    /// <summary>Every code the engine reads: the constants of <see cref="SalaryCodes"/>, and every level × area and post × hạng.</summary>
    public static TheoryData<string> Codes()
    {
        var codes = typeof(SalaryCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        foreach (var level in Enum.GetValues<SchoolLevel>())
        {
            codes.AddRange(Enum.GetValues<SchoolArea>().Select(area => SalaryCodes.Preferential(level, area)));
            foreach (var post in Enum.GetValues<LeadershipPost>())
                codes.AddRange(Enumerable.Range(1, level == SchoolLevel.Preschool ? 2 : 3).Select(c => SalaryCodes.Position(level, post, c)));
        }
        return [.. codes];
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_the_engine_reads_is_in_force_on_29_11_2026(string code)
    {
        var p = Law.Find(code, Today);

        Assert.NotNull(p);
        Assert.False(string.IsNullOrWhiteSpace(p.Title));
        Assert.False(string.IsNullOrWhiteSpace(p.LegalSource));
    }

    [Fact]
    public void The_retirement_road_maps_of_both_genders_are_in_force() =>
        Assert.All(Enum.GetValues<Gender>(), g => Assert.Equal(2021, Law.Retirement(g, Today).FromYear));

    [Fact]
    public void No_code_has_two_values_in_force_on_the_same_day()
    {
        foreach (var code in Parameters.GroupBy(p => p.Code))
        {
            var periods = code.OrderBy(p => p.InForceFrom).ToList();
            for (var i = 1; i < periods.Count; i++)
                Assert.True(periods[i - 1].InForceUntil < periods[i].InForceFrom, $"{code.Key}: {periods[i - 1].InForceFrom} overlaps {periods[i].InForceFrom}");
        }
        Assert.Equal(Parameters.Count, Parameters.Select(p => p.Id).Distinct().Count());
    }

    public static TheoryData<string, DateOnly, decimal> BaseSalaries => new()
    {
        { "NĐ 38/2019 from 01/07/2019", D(2019, 7, 1), 1_490_000 },
        { "its last day 30/06/2023", D(2023, 6, 30), 1_490_000 },
        { "NĐ 24/2023 from 01/07/2023", D(2023, 7, 1), 1_800_000 },
        { "NĐ 73/2024 from 01/07/2024", D(2024, 7, 1), 2_340_000 },
        { "its last day 30/06/2026", D(2026, 6, 30), 2_340_000 },
        { "NĐ 161/2026 from 01/07/2026", D(2026, 7, 1), 2_530_000 },
    };

    [Theory]
    [MemberData(nameof(BaseSalaries))]
    public void The_seeded_base_salary_follows_REGULATIONS_2_1(string _, DateOnly on, decimal vnd) =>
        Assert.Equal(vnd, Law.Value(SalaryCodes.BaseSalary, on));

    [Fact]
    public void A_primary_principal_s_pay_computes_from_the_seed()
    {
        // A2.2 step 4 (5,02), hạng II school (0,40), urban (35%), insured teaching since 01/09/2005 (254 months: 21%).
        var principal = Person(Step("A2.2", 4, 5.02m, D(2024, 1, 1), title: "V.07.03.28")) with
        {
            Teaching = Teaching(D(2005, 9, 1), SchoolLevel.Primary, SchoolArea.Urban, schoolClass: 2, post: LeadershipPost.Principal),
        };

        var slip = PayBreakdown.At(principal, Law, Today);

        Assert.Equal([12_700_600, 1_012_000, 4_799_410, 2_879_646], slip.Lines.Select(l => l.AmountVnd));
        Assert.Equal(21_391_656, slip.TotalVnd);
    }

    /// <summary>Reads the seed files embedded in Portal.Infrastructure, in the shape the seeder reads.</summary>
    private static class Seed
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

        public static List<LegalParameter> Parameters() =>
            [.. Load<List<ParameterSeed>>("legal-parameters.json").Select(p => new LegalParameter(p.Id, p.Code, p.Title, p.Value, p.InForceFrom, p.InForceUntil, p.LegalSource))];

        public static List<SalaryScaleStep> Scale() =>
        [
            .. Load<List<ScaleSeed>>("salary-scales.json").SelectMany(g => g.Coefficients.Select((c, i) =>
                new SalaryScaleStep(Guid.NewGuid(), g.Group, i + 1, c, g.RaiseIntervalMonths, g.InForceFrom, g.InForceUntil, g.LegalSource))),
        ];

        private static T Load<T>(string name)
        {
            using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream($"Portal.Infrastructure.Data.Seed.{name}")
                ?? throw new InvalidOperationException($"{name} is not embedded.");
            return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{name} is empty.");
        }

        private sealed record ParameterSeed(Guid Id, string Code, string Title, decimal Value, DateOnly InForceFrom, DateOnly? InForceUntil, string LegalSource);
        private sealed record ScaleSeed(string Group, int RaiseIntervalMonths, List<decimal> Coefficients, DateOnly InForceFrom, DateOnly? InForceUntil, string LegalSource);
    }
}
