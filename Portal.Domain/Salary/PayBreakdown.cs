using static Portal.Domain.Salary.SalaryText;

namespace Portal.Domain.Salary;

/// <summary>One line of a pay breakdown: what it is, how it was computed (in the office's notation), and the amount.</summary>
public sealed record PayLine(string Label, string Formula, long AmountVnd);

/// <summary>A month's salary and allowances on <see cref="On"/> at the base salary then in force.</summary>
public sealed record Payslip(DateOnly On, decimal BaseSalary, IReadOnlyList<PayLine> Lines, long TotalVnd);

/// <summary>
/// The salary and allowances a person is paid on a day (REGULATIONS §2.1, §2.6, §3.3): coefficient × base; position
/// allowance = coefficient × base; PCTNVK = recorded % × last-step coefficient × base; preferential and teacher-seniority
/// allowances = % × (coefficient + position allowance + PCTNVK coefficient) × base. Each line is rounded to whole đồng
/// (half away from zero) and the total is the sum of the lines.
/// </summary>
/// <example>Primary principal, A2.2 step 4 (5,02), hạng II (0,40), urban (35%), seniority 20%, at 2.340.000:
/// 11.746.800 + 936.000 + 4.438.980 + 2.536.560 = 19.658.340 đ.</example>
public static class PayBreakdown
{
    /// <summary>
    /// The breakdown for the salary row in force on <paramref name="on"/>; no lines when there is none. PCTNVK is the
    /// percentage recorded on the row, not the one the raise engine says is due. A missing base salary is an error.
    /// </summary>
    public static Payslip At(StaffSalaryFacts facts, SalaryLaw law, DateOnly on)
    {
        var baseSalary = law.Value(SalaryCodes.BaseSalary, on);
        var row = facts.Steps.Where(s => s.From <= on).OrderBy(s => s.From).LastOrDefault();
        if (row is null) return new(on, baseSalary, [], 0);

        var money = Money(baseSalary);
        var lines = new List<PayLine> { new("Lương theo hệ số", $"{Coefficient(row.Coefficient)} × {money}", Round(row.Coefficient * baseSalary)) };
        var sum = row.Coefficient;
        var terms = new List<string> { Coefficient(row.Coefficient) };

        var t = facts.Teaching;
        if (t is not null && TeacherAllowances.Position(t, law, on) is { } position)
        {
            lines.Add(new("Phụ cấp chức vụ", $"{Coefficient(position.Coefficient)} × {money}", Round(position.Coefficient * baseSalary)));
            sum += position.Coefficient;
            terms.Add(Coefficient(position.Coefficient));
        }
        if (row.BeyondFramePercent is { } beyond && beyond > 0)
        {
            var coefficient = beyond / 100 * row.Coefficient;
            lines.Add(new("Phụ cấp thâm niên vượt khung", $"{Percent(beyond)} × {Coefficient(row.Coefficient)} × {money}", Round(coefficient * baseSalary)));
            sum += coefficient;
            terms.Add(Coefficient(coefficient));
        }

        var ofSum = terms.Count == 1 ? terms[0] : $"({string.Join(" + ", terms)})";
        if (t is not null && TeacherAllowances.Preferential(t, law, on) is { } preferential)
            lines.Add(new("Phụ cấp ưu đãi theo nghề", $"{Percent(preferential.Percent)} × {ofSum} × {money}", Round(preferential.Percent / 100 * sum * baseSalary)));
        if (t is { Teaches: true, InsuredTeachingSince: not null } && TeacherAllowances.Seniority(t, facts.Absences, law, on) is { Percent: > 0 } seniority)
            lines.Add(new("Phụ cấp thâm niên nhà giáo", $"{Percent(seniority.Percent)} × {ofSum} × {money}", Round(seniority.Percent / 100 * sum * baseSalary)));

        return new(on, baseSalary, lines, lines.Sum(l => l.AmountVnd));
    }

    private static long Round(decimal vnd) => (long)Math.Round(vnd, 0, MidpointRounding.AwayFromZero);
}
