using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Mail;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Mail;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

/// <summary>The daily overdue digest through the outbox to a real SMTP listener on 127.0.0.1.</summary>
public sealed class OverdueMailTests(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly SmtpListener _smtp = new();

    public ValueTask InitializeAsync() => new(_smtp.StartAsync());

    public ValueTask DisposeAsync() => _smtp.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A school with its principal, and one staff member whose 60-day window closed on 27/11/2026.</summary>
    private static async Task<(TestUser Principal, TestUser Officer)> SchoolWithOverdueRecordAsync(PortalHarness portal, string staffName)
    {
        var school = await portal.CreateUnitAsync("Trường Tiểu học Hoa Phượng", OrgUnitKind.School, null);
        var principal = await portal.CreateUserAsync(school, PortalRoles.Principal, "Trần Thị Minh Châu", $"hieutruong-{Guid.NewGuid():N}@test.portal");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Phạm Thu Hà");
        // 28/09/2026 + 60 days = Friday 27/11/2026; the clock says Sunday 29/11/2026.
        var saved = await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid(staffName, new DateOnly(2026, 9, 28))));
        Assert.True(saved.Succeeded, saved.Error);
        return (principal, officer);
    }

    private static Task<int> RunDigestAsync(PortalHarness portal) => portal.AsSystemAsync(sp => sp.GetRequiredService<OverdueDigestJob>().RunAsync(Ct));

    private static Task<int> DispatchAsync(PortalHarness portal) => portal.AsSystemAsync(sp => sp.GetRequiredService<OutboxDispatchJob>().RunAsync(Ct));

    [Fact]
    public async Task The_principal_gets_exactly_one_email_and_a_second_run_the_same_day_sends_nothing_new()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var (principal, _) = await SchoolWithOverdueRecordAsync(portal, "Dương Thị Mai Anh");

        Assert.Equal(1, await RunDigestAsync(portal));
        Assert.Equal(1, await DispatchAsync(portal));
        Assert.Equal(0, await RunDigestAsync(portal));
        Assert.Equal(0, await DispatchAsync(portal));

        var mail = Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(principal.Email));
        Assert.Contains("Dương Thị Mai Anh", mail.TextBody);
        Assert.Contains("27/11/2026", mail.TextBody);
        Assert.Contains("Điều 8 khoản 1", mail.TextBody);
    }

    [Fact]
    public async Task With_the_smtp_server_down_the_mail_stays_queued_and_is_delivered_once_when_it_is_back()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var (principal, _) = await SchoolWithOverdueRecordAsync(portal, "Hoàng Thị Lệ Quyên");
        await _smtp.StopAsync();

        await RunDigestAsync(portal);
        Assert.Equal(0, await DispatchAsync(portal));
        await using (var db = portal.ReadContext())
        {
            var queued = await db.Outbox.SingleAsync(m => m.To == principal.Email, Ct);
            Assert.Equal((OutboxStatus.Queued, 1), (queued.Status, queued.Attempts));
            Assert.False(string.IsNullOrEmpty(queued.LastError));
        }

        await _smtp.StartAsync();
        Assert.Equal(0, await DispatchAsync(portal));
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await DispatchAsync(portal));
        Assert.Equal(0, await DispatchAsync(portal));

        Assert.Single(_smtp.Messages, m => m.To.ToString().Contains(principal.Email));
        await using var after = portal.ReadContext();
        var sent = await after.Outbox.SingleAsync(m => m.To == principal.Email, Ct);
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
    }

    [Fact]
    public async Task Without_an_smtp_server_configured_the_mail_waits_in_the_outbox_with_the_reason()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var (principal, _) = await SchoolWithOverdueRecordAsync(portal, "Bùi Thị Thanh Hương");

        await RunDigestAsync(portal);
        await DispatchAsync(portal);

        await using var db = portal.ReadContext();
        var waiting = await db.Outbox.SingleAsync(m => m.To == principal.Email, Ct);
        Assert.Equal((OutboxStatus.Queued, OutboxDispatchJob.NoSmtpConfigured), (waiting.Status, waiting.LastError));
    }

    [Fact]
    public async Task An_obligation_not_yet_overdue_is_not_reported()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres, _smtp.Port);
        var school = await portal.CreateUnitAsync("Trường Tiểu học Sao Mai", OrgUnitKind.School, null);
        await portal.CreateUserAsync(school, PortalRoles.Principal, "Võ Quốc Bảo");
        var officer = await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Ngô Thị Lan Anh");
        // 30/09/2026 + 60 days = Sunday 29/11/2026 → Monday 30/11/2026: due tomorrow, not overdue today.
        await portal.AsAsync<SaveResult, StaffService>(officer, s => s.CreateAsync(StaffForms.Valid("Đỗ Minh Đức", new DateOnly(2026, 9, 30))));

        Assert.Equal(0, await RunDigestAsync(portal));
    }
}
