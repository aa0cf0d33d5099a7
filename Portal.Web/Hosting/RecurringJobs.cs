using Hangfire;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Mail;
using Portal.Web.Features.Salary;
using Portal.Web.Shared;

namespace Portal.Web.Hosting;

/// <summary>Recurring jobs, with stable ids so every instance updates the same schedule, in the school's time zone.</summary>
internal static class RecurringJobs
{
    public const string DeadlineScan = "deadlines.daily";
    private const string RetiredOverdueDigest = "deadlines.overdue-digest";
    public const string Outbox = "mail.outbox";
    public const string AuditAnchor = "audit.anchor";
    public const string AuditVerify = "audit.verify";
    public const string SalaryMonthly = "salary.monthly";

    public static void Register(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var zone = services.GetRequiredService<SchoolClock>().Zone;
        // Before office hours, so the digests are in the inboxes (quiet hours permitting) when the day starts.
        jobs.RemoveIfExists(RetiredOverdueDigest);
        jobs.AddOrUpdate<DeadlineScanJob>(DeadlineScan, j => j.RunAsync(CancellationToken.None), "30 6 * * *",
            new RecurringJobOptions { TimeZone = zone });
        // The day's last links, mailed to principals just before midnight; the full verification in the quiet of the night.
        jobs.AddOrUpdate<AuditAnchorJob>(AuditAnchor, j => j.RunAsync(CancellationToken.None), "55 23 * * *",
            new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<AuditVerifyJob>(AuditVerify, j => j.RunAsync(CancellationToken.None), "30 2 * * *",
            new RecurringJobOptions { TimeZone = zone });
        // Daily, with the month's letter keyed in the outbox: the first run of a month sends it, later runs find it queued.
        jobs.AddOrUpdate<SalaryMonthlyJob>(SalaryMonthly, j => j.RunAsync(CancellationToken.None), "0 7 * * *",
            new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<OutboxDispatchJob>(Outbox, j => j.RunAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { TimeZone = zone });
    }
}
