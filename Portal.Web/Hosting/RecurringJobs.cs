using Hangfire;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Mail;
using Portal.Web.Shared;

namespace Portal.Web.Hosting;

/// <summary>Recurring jobs, with stable ids so every instance updates the same schedule, in the school's time zone.</summary>
internal static class RecurringJobs
{
    public const string OverdueDigest = "deadlines.overdue-digest";
    public const string Outbox = "mail.outbox";

    public static void Register(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        var zone = services.GetRequiredService<SchoolClock>().Zone;
        jobs.AddOrUpdate<OverdueDigestJob>(OverdueDigest, j => j.RunAsync(CancellationToken.None), "0 7 * * *",
            new RecurringJobOptions { TimeZone = zone });
        jobs.AddOrUpdate<OutboxDispatchJob>(Outbox, j => j.RunAsync(CancellationToken.None), Cron.Minutely(),
            new RecurringJobOptions { TimeZone = zone });
    }
}
