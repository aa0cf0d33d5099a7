using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Web.Features.Salary;

/// <summary>
/// A review period (kỳ xét) as the URL writes it: a month "2026-12", a quarter "2026-Q4" or a year "2026".
/// </summary>
public sealed partial record SalaryPeriod(string Code, DateOnly From, DateOnly To, string Label)
{
    public static SalaryPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new($"{year:0000}-{month:00}", from, from.AddMonths(1).AddDays(-1), $"Tháng {month:00}/{year}");
    }

    public static SalaryPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, quarter * 3 - 2, 1);
        return new($"{year:0000}-Q{quarter}", from, from.AddMonths(3).AddDays(-1), $"Quý {Roman[quarter - 1]}/{year}");
    }

    public static SalaryPeriod Year(int year) => new($"{year:0000}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), $"Năm {year}");

    /// <summary>The period a code names, or <paramref name="fallback"/> when the code is empty or not a period.</summary>
    public static SalaryPeriod Parse(string? code, SalaryPeriod fallback)
    {
        if (string.IsNullOrWhiteSpace(code)) return fallback;
        var m = Pattern().Match(code.Trim());
        if (!m.Success) return fallback;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 1950 or > 2200) return fallback;
        if (m.Groups["m"].Success && int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12) return Month(year, month);
        if (m.Groups["q"].Success && int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture) is var quarter and >= 1 and <= 4) return Quarter(year, quarter);
        return m.Groups["m"].Success || m.Groups["q"].Success ? fallback : Year(year);
    }

    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:(?<m>\d{1,2})|[Qq](?<q>\d)))?$")]
    private static partial Regex Pattern();
}
