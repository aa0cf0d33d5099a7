using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Data.Seed;
using Portal.Infrastructure.Identity;
using Portal.Web.Hosting;

namespace Portal.Tests.Testing;

/// <summary>
/// The portal's real service registrations (data, identity, features, jobs) on a fresh database of the test run's
/// PostgreSQL cluster, with a hand-moved clock and a way to act as any user. No web server, no fakes below the UI.
/// </summary>
public sealed class PortalHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private readonly string? _ownerConnectionString;

    private PortalHarness(ServiceProvider services, TestClock clock, string connectionString, string? ownerConnectionString)
    {
        _services = services;
        Clock = clock;
        ConnectionString = connectionString;
        _ownerConnectionString = ownerConnectionString;
    }

    public TestClock Clock { get; }
    /// <summary>The portal's own role (<c>portal_app</c>), as the services use it.</summary>
    public string ConnectionString { get; }
    /// <summary>The cluster superuser on the same database: for tests that play an attacker or a DBA.</summary>
    public string OwnerConnectionString => _ownerConnectionString ?? throw new InvalidOperationException("An attached harness has no owner connection.");

    /// <param name="settings">Configuration beyond the defaults, e.g. Portal:Mail:QuietHours.</param>
    public static async Task<PortalHarness> CreateAsync(PostgresFixture postgres, int? smtpPort = null, TestClock? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        return await OpenAsync(connectionString, postgres.OwnerConnectionString(connectionString), smtpPort, clock, seed: true, settings);
    }

    /// <summary>The services on a database that is already seeded (e.g. the one a running <see cref="PortalApp"/> uses).</summary>
    public static Task<PortalHarness> AttachAsync(string connectionString) => OpenAsync(connectionString, null, null, null, seed: false, null);

    private static async Task<PortalHarness> OpenAsync(string connectionString, string? ownerConnectionString, int? smtpPort, TestClock? clock, bool seed,
        IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?> { ["Portal:TimeZone"] = "Asia/Ho_Chi_Minh" };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        if (smtpPort is { } port)
        {
            settings["Smtp:Host"] = "127.0.0.1";
            settings["Smtp:Port"] = port.ToString();
            settings["Smtp:Security"] = "None";
            settings["Smtp:TimeoutSeconds"] = "5";
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        clock ??= TestClock.OnSchoolDay(2026, 11, 29);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddPortalCore(configuration, connectionString);
        services.AddScoped<TestAuthentication>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthentication>());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var harness = new PortalHarness(provider, clock, connectionString, ownerConnectionString);
        if (!seed) return harness;
        await harness.AsSystemAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in PortalRoles.All) await roles.CreateAsync(new IdentityRole(role));
            await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            await ReferenceData.SeedAsync(db);
        });
        return harness;
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope as <paramref name="user"/>, as one request or circuit would.</summary>
    public async Task<T> AsAsync<T>(TestUser user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestAuthentication>().SignIn(user.Principal);
        return await work(scope.ServiceProvider);
    }

    public Task<T> AsAsync<T, TService>(TestUser user, Func<TService, Task<T>> work) where TService : notnull =>
        AsAsync(user, sp => work(sp.GetRequiredService<TService>()));

    /// <summary>Runs <paramref name="work"/> with nobody signed in, as a background job does.</summary>
    public async Task AsSystemAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A context for assertions, outside any actor: it can read, and cannot save audited data.</summary>
    public PortalDbContext ReadContext() => new(_services.GetRequiredService<DbContextOptions<PortalDbContext>>());

    public async Task<OrgUnit> FindUnitAsync(Guid id)
    {
        await using var db = ReadContext();
        return await db.Units.SingleAsync(u => u.Id == id);
    }

    public Task<OrgUnit> CreateUnitAsync(string name, OrgUnitKind kind, OrgUnit? parent) => AsSystemAsync(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var unit = new OrgUnit(Guid.CreateVersion7(), name, kind, parent);
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        return unit;
    });

    /// <summary>An account in <paramref name="unit"/> with <paramref name="role"/>; without a password unless the test signs in over HTTP.</summary>
    public Task<TestUser> CreateUserAsync(OrgUnit unit, string role, string fullName, string? email = null, string? password = null,
        bool mustChangePassword = false) => AsSystemAsync(async sp =>
    {
        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        email ??= $"{Guid.NewGuid():N}@test.portal";
        var user = new PortalUser { UserName = email, Email = email, FullName = fullName, UnitId = unit.Id, EmailConfirmed = true, MustChangePassword = mustChangePassword };
        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id),
            new Claim(ClaimTypes.Name, email),
            new Claim(ClaimTypes.Role, role),
        ], "test"));
        return new TestUser(user.Id, email, fullName, unit, role, principal);
    });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

public sealed record TestUser(string Id, string Email, string FullName, OrgUnit Unit, string Role, ClaimsPrincipal Principal);

/// <summary>The signed-in user of a test scope.</summary>
public sealed class TestAuthentication : AuthenticationStateProvider
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public void SignIn(ClaimsPrincipal principal) => _principal = principal;

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(_principal));
}
