using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Mail;
using Portal.Web.Shared;

namespace Portal.Web.Features.Mail;

/// <summary>
/// Delivers queued mail. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app instances never send the same
/// message; a row is marked sent in the transaction that holds its lock, so a retried job does not send it again.
/// When SMTP is down the message stays queued with its error and is retried with back-off; nothing is lost. Nothing
/// is sent in the configured quiet hours.
/// </summary>
public sealed class OutboxDispatchJob(IDbContextFactory<PortalDbContext> contexts, SmtpOptions smtp, SmtpMailSender sender,
    SchoolClock clock, QuietHours quiet, ILogger<OutboxDispatchJob> log)
{
    public const string NoSmtpConfigured = "Chưa gửi: chưa cấu hình máy chủ SMTP.";
    private const int BatchSize = 20;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        if (!smtp.IsConfigured) return await MarkWaitingForSmtpAsync(ct);
        // Nobody is woken by the portal: in quiet hours (Portal:Mail:QuietHours) mail waits for the morning run.
        if (quiet.Contains(TimeOnly.FromDateTime(clock.ToLocal(clock.Now)))) return 0;
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            var (claimed, delivered) = await SendBatchAsync(ct);
            sent += delivered;
            if (claimed < BatchSize || delivered == 0) break;
        }
        return sent;
    }

    private async Task<(int Claimed, int Delivered)> SendBatchAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.Now;
        var batch = await db.Outbox.FromSql($"""
            SELECT * FROM outbox_messages
            WHERE "Status" = {(int)OutboxStatus.Queued} AND "NextAttemptAt" <= {now}
            ORDER BY "NextAttemptAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).ToListAsync(ct);
        if (batch.Count == 0) return (0, 0);

        var delivered = 0;
        try
        {
            await using var connection = await sender.ConnectAsync(ct);
            foreach (var message in batch)
            {
                try
                {
                    await connection.SendAsync(new MailToSend(message.Id, message.To, message.Subject, message.Body), ct);
                    message.MarkSent(clock.Now);
                    delivered++;
                }
                catch (Exception e) when (e is MailKit.CommandException or FormatException or MimeKit.ParseException)
                {
                    message.MarkFailed(clock.Now, e.Message);
                }
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
                                   or MailKit.Security.AuthenticationException or TimeoutException)
        {
            log.LogWarning("SMTP server unavailable ({Error}); {Count} message(s) stay queued.", e.Message, batch.Count - delivered);
            foreach (var message in batch.Where(m => m.Status == OutboxStatus.Queued))
                message.MarkFailed(clock.Now, e.Message);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (batch.Count, delivered);
    }

    private async Task<int> MarkWaitingForSmtpAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var waiting = await db.Outbox.Where(m => m.Status == OutboxStatus.Queued && m.LastError != NoSmtpConfigured).ToListAsync(ct);
        foreach (var message in waiting) message.MarkWaitingForSmtp(NoSmtpConfigured);
        await db.SaveChangesAsync(ct);
        return 0;
    }
}
