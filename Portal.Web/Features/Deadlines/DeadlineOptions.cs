namespace Portal.Web.Features.Deadlines;

/// <summary>
/// The school's reminder habits (Portal:Deadlines:*), not law: how early "due soon" starts, after how many days overdue
/// the principal and then the supervising body are told, and how many days ahead the periodic reports are announced.
/// </summary>
public sealed record DeadlineOptions(int DueSoonDays, int EscalateToPrincipalAfterDays, int EscalateUpAfterDays, IReadOnlyList<int> ReportReminderDays)
{
    public static DeadlineOptions From(IConfiguration configuration) => new(
        configuration.GetValue("Portal:Deadlines:DueSoonDays", 7),
        configuration.GetValue("Portal:Deadlines:EscalateToPrincipalAfterDays", 1),
        configuration.GetValue("Portal:Deadlines:EscalateUpAfterDays", 10),
        (configuration["Portal:Deadlines:ReportReminderDays"] ?? "14,3")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).OrderDescending().ToList());
}
