using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Data.Seed;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Hosting;

/// <summary>
/// At start-up, once <see cref="DatabaseSetup"/> has migrated: seeds the legal reference data and roles, then either the demo or, on a real installation with no accounts, the first Admin.
/// </summary>
internal sealed class DatabaseInitialiser(IDbContextFactory<PortalDbContext> contexts, UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles, DemoData demo, IConfiguration configuration, ILogger<DatabaseInitialiser> log)
{
    /// <summary>Returns true when the demo was seeded just now.</summary>
    public async Task<bool> RunAsync(bool seedDemo, CancellationToken ct = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await ReferenceData.SeedAsync(db, ct);
        }
        foreach (var role in PortalRoles.All.Where(r => !roles.Roles.Any(x => x.Name == r)).ToList())
            await roles.CreateAsync(new IdentityRole(role));

        if (seedDemo) return await demo.SeedAsync(ct);
        await CreateFirstAdminAsync(ct);
        return false;
    }

    /// <summary>
    /// A real installation with no accounts gets its first Admin from Portal:AdminEmail and Portal:AdminPassword, or a
    /// one-time password printed once to the log; either way the password must be changed at first sign-in.
    /// </summary>
    private async Task CreateFirstAdminAsync(CancellationToken ct)
    {
        if (await users.Users.AnyAsync(ct)) return;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var root = await db.Units.OrderBy(u => u.Path.Length).FirstOrDefaultAsync(ct);
        if (root is null)
        {
            root = new OrgUnit(Guid.CreateVersion7(), configuration["Portal:RootUnitName"] ?? "Sở Giáo dục và Đào tạo", OrgUnitKind.Department, null);
            db.Units.Add(root);
            await db.SaveChangesAsync(ct);
        }
        var email = configuration["Portal:AdminEmail"] is { Length: > 0 } e ? e : "admin@localhost";
        var configuredPassword = configuration["Portal:AdminPassword"];
        var password = string.IsNullOrEmpty(configuredPassword) ? Portal.Web.Features.Accounts.OneTimePassword.New() : configuredPassword;
        var admin = new PortalUser { UserName = email, Email = email, FullName = "Quản trị hệ thống", UnitId = root.Id, MustChangePassword = true, EmailConfirmed = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
            throw new InvalidOperationException("Cannot create the first Admin: " + string.Join(" ", created.Errors.Select(x => x.Description)));
        await users.AddToRoleAsync(admin, PortalRoles.Admin);
        if (string.IsNullOrEmpty(configuredPassword))
            log.LogWarning("First Admin account created: {Email} with one-time password {Password} (shown once; it must be changed at first sign-in).", email, password);
        else
            log.LogInformation("First Admin account created: {Email} (password from configuration; must be changed at first sign-in).", email);
    }
}
