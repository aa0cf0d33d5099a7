using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Infrastructure.Mail;
using Portal.Web.Features.Account;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Dashboard;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Mail;
using Portal.Web.Features.Records;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Web.Hosting;

public static class PortalServices
{
    public static readonly string[] Cultures = ["vi-VN", "en-US"];

    public static void AddPortal(this WebApplicationBuilder builder, PortalDatabase database)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls($"http://127.0.0.1:{configuration.GetValue("Portal:Port", 5000)}");

        services.AddPortalCore(configuration, database.ConnectionString);
        services.AddSingleton(new DemoMode(database.SeedDemo));
        services.AddDataProtection().SetApplicationName("Portal").PersistKeysToDbContext<PortalDbContext>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.AddLocalization();
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingUserStateProvider>();

        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(database.ConnectionString),
                new PostgreSqlStorageOptions
                {
                    QueuePollInterval = TimeSpan.FromSeconds(5), PrepareSchemaIfNecessary = false, SchemaName = DatabaseSetup.HangfireSchema,
                    // A job whose server died is picked up again within minutes, not after the default half hour: the fetched
                    // job's lease is renewed while it runs and expires this long after its server stops renewing it.
                    UseSlidingInvisibilityTimeout = true, InvisibilityTimeout = TimeSpan.FromMinutes(5),
                }));
        if (configuration.GetValue("Portal:RunJobs", true))
            services.AddHangfireServer(o => o.WorkerCount = Math.Max(2, Environment.ProcessorCount));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
    }

    /// <summary>
    /// Everything below the UI: clock, data, identity, the current user and the feature services and jobs. Shared by the
    /// web host and the integration tests, which add their own AuthenticationStateProvider.
    /// </summary>
    public static void AddPortalCore(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => SchoolClock.FromConfiguration(configuration, sp.GetRequiredService<TimeProvider>()));
        services.AddPortalData(connectionString);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<IAuditActor>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddPortalIdentity();

        services.AddSingleton(configuration.GetSection("Smtp").Get<SmtpOptions>() ?? new SmtpOptions());
        services.AddSingleton<SmtpMailSender>();
        services.AddScoped<OutboxDispatchJob>();
        services.AddScoped<DeadlineScanJob>();
        services.AddScoped<ObligationService>();
        services.AddSingleton(DeadlineOptions.From(configuration));
        services.AddSingleton(Portal.Domain.Mail.QuietHours.Parse(configuration["Portal:Mail:QuietHours"]));
        services.AddScoped<ObligationOpener>();
        services.AddSingleton(Portal.Web.Features.Salary.SalaryOptions.From(configuration));
        services.AddScoped<Portal.Web.Features.Salary.EligibilityService>();
        services.AddScoped<Portal.Web.Features.Salary.RaiseDecisionService>();
        services.AddScoped<Portal.Web.Features.Salary.SalaryMonthlyJob>();
        services.AddScoped<Portal.Web.Features.Salary.SalarySettingsService>();
        services.AddScoped<Portal.Web.Features.Salary.SalaryExport>();
        services.AddScoped<StaffService>();
        services.AddScoped<AuditIntegrityService>();
        services.AddScoped<AuditReviewService>();
        services.AddSingleton(new Portal.Domain.Audit.AuditFlagRules(
            TimeOnly.Parse(configuration["Portal:Audit:WorkStart"] ?? "07:00", System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(configuration["Portal:Audit:WorkEnd"] ?? "18:00", System.Globalization.CultureInfo.InvariantCulture),
            configuration.GetValue("Portal:Audit:BurstChanges", 100),
            TimeSpan.FromMinutes(configuration.GetValue("Portal:Audit:BurstMinutes", 10))));
        services.AddScoped<AccountAudit>();
        services.AddScoped<AuditAnchorJob>();
        services.AddScoped<AuditVerifyJob>();
        services.AddScoped<StaffExport>();
        services.AddSingleton(AttachmentOptions.From(configuration));
        services.AddScoped<RecordRefresher>();
        services.AddScoped<RecordService>();
        services.AddScoped<HistoryService>();
        services.AddScoped<DecisionService>();
        services.AddScoped<DossierService>();
        services.AddScoped<ReferenceService>();
        services.AddScoped<Portal.Web.Features.ReferenceLists.TitleService>();
        services.AddScoped<Portal.Web.Features.LegalParameters.LegalParameterService>();
        services.AddScoped<Portal.Web.Features.SalaryScale.SalaryScaleService>();
        services.AddScoped<Portal.Web.Features.DeadlineSettings.DeadlineSettingsService>();
        services.AddScoped<Portal.Web.Features.Accounts.AccountService>();
        services.AddScoped<Form2CService>();
        services.AddScoped<DashboardService>();
        services.AddScoped<AuditService>();
        services.AddScoped<OutboxService>();
        services.AddScoped<DatabaseInitialiser>();
        services.AddScoped<DemoData>();
    }

    /// <summary>One context per operation from the factory; Identity's stores get a scoped one from the same factory.</summary>
    private static void AddPortalData(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<AuditInterceptor>();
        services.AddSingleton(sp => new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
            .Options);
        services.AddScoped<IDbContextFactory<PortalDbContext>, PortalDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
    }

    private static void AddPortalIdentity(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "portal.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAuthorization();
        services.AddIdentityCore<PortalUser>(o =>
            {
                // NIST SP 800-63B / OWASP: length over composition rules; common passwords are refused by a validator.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddDefaultTokenProviders();
        // OWASP (2023) asks 210,000 PBKDF2-HMAC-SHA512 iterations; Identity's default is 100,000.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        // A disabled account or a changed password ends other sessions within a minute, not the default 30.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
    }

    public static void UsePortal(this WebApplication app)
    {
        // Behind a reverse proxy the client's address (for the audit log) comes from X-Forwarded-For, trusted only
        // from the proxies listed in Portal:TrustedProxies (comma-separated IP addresses).
        if (app.Configuration["Portal:TrustedProxies"] is { Length: > 0 } proxies)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in proxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(options);
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture(Cultures[0]).AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapRecordEndpoints();
        app.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new JobsDashboardAuthorization()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "Portal — tác vụ nền",
        }).RequireAuthorization(p => p.RequireRole(PortalRoles.Overseers));
    }

    public static async Task InitialiseDatabaseAsync(this WebApplication app, PortalDatabase database)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var demoSeeded = await scope.ServiceProvider.GetRequiredService<DatabaseInitialiser>().RunAsync(database.SeedDemo);
        RecurringJobs.Register(app.Services);
        // A new demo shows its overdue digest in the outbox at once instead of at 07:00 tomorrow.
        if (demoSeeded) app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<DeadlineScanJob>(j => j.RunAsync(CancellationToken.None));
    }
}
