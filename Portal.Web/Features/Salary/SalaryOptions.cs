namespace Portal.Web.Features.Salary;

/// <summary>
/// The school's habits around salary work (Portal:Salary:*), not law: the months before a retirement at which it is
/// flagged (the notice is due 6 months ahead and the decision 3, REGULATIONS §4.3; 12 leaves time for the early raise and
/// a successor), and how far past a period's end the eligibility list looks for retirements.
/// </summary>
public sealed record SalaryOptions(IReadOnlyList<int> RetirementAlertMonths, int RetirementLookAheadMonths)
{
    public static SalaryOptions From(IConfiguration configuration) => new(
        (configuration["Portal:Salary:RetirementAlertMonths"] ?? "12,6,3")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).OrderDescending().ToList(),
        configuration.GetValue("Portal:Salary:RetirementLookAheadMonths", 12));
}
