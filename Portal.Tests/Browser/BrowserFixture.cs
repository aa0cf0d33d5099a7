using Microsoft.Playwright;
using Portal.Tests.Testing;

namespace Portal.Tests.Browser;

/// <summary>One running portal, one SMTP listener and one Debian Chromium for the browser tests of a class.</summary>
public sealed class BrowserFixture(PostgresFixture postgres) : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public SmtpListener Smtp { get; } = new();
    public PortalApp App { get; private set; } = default!;
    public string ConnectionString { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Smtp.StartAsync();
        ConnectionString = await postgres.CreateDatabaseAsync();
        App = await PortalApp.StartAsync(ConnectionString, postgres.OwnerConnectionString(ConnectionString), Smtp.Port);
        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        var chromium = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium)) throw new InvalidOperationException($"Chromium not found at {chromium}: run the README's test command, which installs it.");
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.Address.ToString(), Locale = "vi-VN" });
        // Generous: on a 2-core machine the browser, two portals and the rest of the suite share the CPU.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null) await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
