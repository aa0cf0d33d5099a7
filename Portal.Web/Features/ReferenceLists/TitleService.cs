using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Reference;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.ReferenceLists;

/// <summary>
/// Administration of professional titles and ranks (chức danh nghề nghiệp / ngạch). Titles are never deleted: records
/// keep their codes, so a title that ends gets an end date and the code that replaced it.
/// </summary>
public sealed class TitleService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user)
{
    public async Task<IReadOnlyList<TitleRow>> ListAsync(CancellationToken ct = default)
    {
        await user.RequireAsync([PortalRoles.Admin], ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.TitleDefinitions.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new TitleRow(t.Code, t.Name, t.SalaryGroup, t.InForceFrom, t.InForceUntil, t.ReplacedBy, t.LegalSource, t.Version))
            .ToListAsync(ct);
    }

    /// <summary>The salary groups of the scale (nhóm ngạch of NĐ 204/2004), the only groups a title may point at.</summary>
    public async Task<IReadOnlyList<string>> GroupsAsync(CancellationToken ct = default)
    {
        await user.RequireAsync([PortalRoles.Admin], ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SalaryScale.AsNoTracking().Select(s => s.Group).Distinct().OrderBy(g => g).ToListAsync(ct);
    }

    /// <summary>Adds a title (<paramref name="isNew"/>) or changes one opened at <paramref name="version"/>.</summary>
    public async Task<SaveResult> SaveAsync(string code, bool isNew, TitleChange change, uint? version = null, CancellationToken ct = default)
    {
        await user.RequireAsync([PortalRoles.Admin], ct);
        if (string.IsNullOrWhiteSpace(code)) return SaveResult.Field("Code", Strings.CodeRequired);
        code = code.Trim();
        if (string.IsNullOrWhiteSpace(change.Name)) return SaveResult.Field("Name", Strings.NameRequired);
        if (string.IsNullOrWhiteSpace(change.LegalSource)) return SaveResult.Field("LegalSource", Strings.LegalSourceRequired);
        if (change.InForceUntil < change.InForceFrom) return SaveResult.Field("InForceUntil", Strings.TitleEndBeforeStart);

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!string.IsNullOrWhiteSpace(change.SalaryGroup)
            && !await db.SalaryScale.AnyAsync(s => s.Group == change.SalaryGroup.Trim(), ct))
            return SaveResult.Field("SalaryGroup", Strings.SalaryGroupUnknown);
        if (!string.IsNullOrWhiteSpace(change.ReplacedBy)
            && (change.ReplacedBy.Trim() == code || !await db.TitleDefinitions.AnyAsync(t => t.Code == change.ReplacedBy.Trim(), ct)))
            return SaveResult.Field("ReplacedBy", Strings.ReplacedByUnknown);

        var title = await db.TitleDefinitions.SingleOrDefaultAsync(t => t.Code == code, ct);
        if (isNew)
        {
            if (title is not null) return SaveResult.Field("Code", Strings.CodeTaken);
            db.TitleDefinitions.Add(new TitleDefinition(code, change.Name, change.SalaryGroup, change.InForceFrom, change.InForceUntil,
                change.ReplacedBy, change.LegalSource));
        }
        else
        {
            if (title is null) return SaveResult.Failed(Strings.TitleNotFound);
            if (version is { } v) db.Entry(title).Property(t => t.Version).OriginalValue = v;
            title.Apply(change.Name, change.SalaryGroup, change.InForceFrom, change.InForceUntil, change.ReplacedBy, change.LegalSource);
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(Guid.Empty);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await ConflictAsync(db, code, ct));
        }
        // Two administrators adding the same code at once: the primary key decides, and the second sees it on the field.
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Field("Code", Strings.CodeTaken);
        }
    }

    /// <summary>Who changed the title since it was opened, from the audit log (titles are keyed by code, not by id).</summary>
    private static async Task<string> ConflictAsync(PortalDbContext db, string code, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(TitleDefinition) && a.EntityKey == code)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => new { a.UserName, a.At }).FirstOrDefaultAsync(ct);
        return last is null ? Strings.ConflictUnknown
            : string.Format(Strings.TitleChangedBy, last.UserName, last.At.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm"));
    }
}

public sealed record TitleRow(string Code, string Name, string? SalaryGroup, DateOnly InForceFrom, DateOnly? InForceUntil,
    string? ReplacedBy, string LegalSource, uint Version);

/// <summary>What an administrator may change on a title; the code itself is fixed once records use it.</summary>
public sealed record TitleChange(string Name, string? SalaryGroup, DateOnly InForceFrom, DateOnly? InForceUntil, string? ReplacedBy,
    string LegalSource);
