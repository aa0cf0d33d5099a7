using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Mail;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Deadlines;

/// <summary>
/// Daily: finds obligations that have become overdue and not yet been reported, and queues one email per principal
/// listing them. The obligations are marked as reported in the same transaction as the outbox rows, so a second run
/// finds nothing new; the outbox's unique key stops two instances running at once from both queuing.
/// </summary>
public sealed class OverdueDigestJob(IDbContextFactory<PortalDbContext> contexts, SchoolClock clock, ILogger<OverdueDigestJob> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var today = clock.Today;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var overdue = await (from o in db.Obligations
                             join s in db.Staff on o.StaffMemberId equals s.Id
                             where o.CompletedOn == null && o.DueOn < today && o.OverdueNotifiedAt == null
                             orderby o.DueOn, s.FullName
                             select new { Obligation = o, s.FullName }).ToListAsync(ct);
        if (overdue.Count == 0) return 0;

        var unitIds = overdue.Select(o => o.Obligation.UnitId).Distinct().ToList();
        var principals = await Recipients.WithRoleAsync(db, PortalRoles.Principal, unitIds, ct);
        var queued = 0;
        foreach (var principal in principals)
        {
            var items = overdue.Where(o => o.Obligation.UnitId == principal.UnitId).ToList();
            var body = new StringBuilder($"Kính gửi {principal.FullName},\n\nCác hồ sơ sau đã quá hạn cập nhật:\n\n");
            foreach (var item in items)
                body.Append($"- {item.FullName}: {item.Obligation.Title}, hạn {item.Obligation.DueOn:dd/MM/yyyy} " +
                            $"(quá {today.DayNumber - item.Obligation.DueOn.DayNumber} ngày; căn cứ: {item.Obligation.LegalSource})\n");
            body.Append("\nThư này do Portal hồ sơ điện tử gửi tự động.");
            var key = $"overdue-digest:{principal.UserId}:{Fingerprint(items.Select(i => i.Obligation.Id))}";
            db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), key, principal.UnitId, principal.Email,
                $"[Portal] {items.Count} hồ sơ quá hạn cập nhật ({today:dd/MM/yyyy})", body.ToString(), clock.Now));
            queued++;
        }
        // Obligations of a unit without a principal stay unreported, so they are mailed once a principal exists.
        var reported = principals.Select(p => p.UnitId).ToHashSet();
        foreach (var item in overdue.Where(o => reported.Contains(o.Obligation.UnitId)))
            item.Obligation.MarkOverdueNotified(clock.Now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                                           || e is DbUpdateConcurrencyException)
        {
            log.LogInformation("Another instance queued the same overdue digest; nothing to do.");
            return 0;
        }
        log.LogInformation("Queued {Count} overdue digest(s) covering {Items} obligation(s).", queued, overdue.Count);
        return queued;
    }

    private static string Fingerprint(IEnumerable<Guid> ids) =>
        Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(",", ids.Order())))).Substring(0, 16);
}
