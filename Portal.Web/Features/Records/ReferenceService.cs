using Microsoft.EntityFrameworkCore;
using Portal.Domain.Reference;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>Reference lists (danh mục) for the record's pickers, and their administration.</summary>
public sealed class ReferenceService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user)
{
    public async Task<ReferenceLists> ListsAsync(CancellationToken ct = default)
    {
        await user.RequireAsync([], ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var items = await db.ReferenceItems.AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new ReferenceChoice(r.Kind, r.Code, r.Name, r.ParentCode, r.IsActive)).ToListAsync(ct);
        var titles = await db.TitleDefinitions.AsNoTracking().OrderBy(t => t.Code)
            .Select(t => new TitleChoice(t.Code, t.Name, t.SalaryGroup, t.InForceUntil == null)).ToListAsync(ct);
        return new ReferenceLists(items, titles);
    }

    /// <summary>Coefficient of a salary group's step on a date, to fill the salary dialog.</summary>
    public async Task<decimal?> CoefficientAsync(string group, int step, DateOnly on, CancellationToken ct = default)
    {
        await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var steps = await db.SalaryScale.AsNoTracking().Where(s => s.Group == group && s.Step == step).ToListAsync(ct);
        return SalaryScaleStep.CoefficientOn(steps, group, step, on);
    }

    public async Task<IReadOnlyList<ReferenceItem>> ItemsAsync(ReferenceKind kind, CancellationToken ct = default)
    {
        await user.RequireAsync([PortalRoles.Admin], ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ReferenceItems.AsNoTracking().Where(r => r.Kind == kind).OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(ct);
    }

    /// <summary>Adds or changes a list entry. Entries are retired (inactive), never deleted: records keep pointing at their codes.</summary>
    public async Task<SaveResult> SaveItemAsync(ReferenceKind kind, string code, string name, int sortOrder, bool isActive, string? parentCode,
        bool isNew, CancellationToken ct = default)
    {
        await user.RequireAsync([PortalRoles.Admin], ct);
        if (string.IsNullOrWhiteSpace(code)) return SaveResult.Field("Code", Strings.CodeRequired);
        if (string.IsNullOrWhiteSpace(name)) return SaveResult.Field("Name", Strings.NameRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A ward belongs to a province of the list (two-level addresses since 01/07/2025).
        if (kind == ReferenceKind.Ward && !await db.ReferenceItems.AnyAsync(p => p.Kind == ReferenceKind.Province && p.Code == parentCode, ct))
            return SaveResult.Field("ParentCode", Strings.ProvinceRequired);
        var item = await db.ReferenceItems.SingleOrDefaultAsync(r => r.Kind == kind && r.Code == code.Trim(), ct);
        if (isNew)
        {
            if (item is not null) return SaveResult.Field("Code", Strings.CodeTaken);
            db.ReferenceItems.Add(item = new ReferenceItem(kind, code, name, sortOrder, parentCode));
        }
        else if (item is null) return SaveResult.Failed(Strings.ListEntryNotFound);
        item.Apply(name, sortOrder, isActive, parentCode);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(Guid.Empty);
    }
}

public sealed record ReferenceChoice(ReferenceKind Kind, string Code, string Name, string? ParentCode, bool IsActive);

public sealed record TitleChoice(string Code, string Name, string? SalaryGroup, bool Current);

public sealed record ReferenceLists(IReadOnlyList<ReferenceChoice> Items, IReadOnlyList<TitleChoice> Titles)
{
    public IEnumerable<ReferenceChoice> Of(ReferenceKind kind) => Items.Where(i => i.Kind == kind);

    public string? NameOf(ReferenceKind kind, string? code) =>
        code is null ? null : Items.FirstOrDefault(i => i.Kind == kind && i.Code == code)?.Name ?? code;
}
