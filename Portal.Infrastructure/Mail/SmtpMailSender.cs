using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using MimeKit.Text;

namespace Portal.Infrastructure.Mail;

/// <summary>Settings under <c>Smtp</c>. With no <see cref="Host"/>, mail stays in the outbox until one is configured.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "portal@localhost";
    public string FromName { get; set; } = "Portal hồ sơ điện tử";
    /// <summary>Auto uses STARTTLS when the server offers it; None for a plain local relay.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed record MailToSend(Guid MessageId, string To, string Subject, string Body);

/// <summary>Sends mail over SMTP with MailKit, one connection per batch.</summary>
public sealed class SmtpMailSender(SmtpOptions options)
{
    public async Task<SmtpBatch> ConnectAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("No SMTP host is configured."), options.Port, options.Security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            return new SmtpBatch(client, options);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

public sealed class SmtpBatch(SmtpClient client, SmtpOptions options) : IAsyncDisposable
{
    public async Task SendAsync(MailToSend mail, CancellationToken ct)
    {
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        // A stable Message-Id lets receiving servers drop a duplicate if a crash made us send twice.
        message.MessageId = $"{mail.MessageId:N}@portal";
        message.Body = new TextPart(TextFormat.Plain) { Text = mail.Body };
        await client.SendAsync(message, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            try { await client.DisconnectAsync(true); }
            catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException) { }
        }
        client.Dispose();
    }
}
