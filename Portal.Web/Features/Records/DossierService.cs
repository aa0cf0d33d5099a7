using Microsoft.EntityFrameworkCore;
using Portal.Domain.Dossier;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>
/// The paper-dossier checklist of a record (TT 07/2019/TT-BNV): per paper, whether it is on file, scanned, and when and by
/// whom the electronic record was checked against it (Quy chế Art. 7.3).
/// </summary>
public sealed class DossierService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, RecordRefresher refresher)
{
    public async Task<IReadOnlyList<DossierLine>> ChecklistAsync(Guid staffId, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return [];
        var types = await db.DossierItemTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.SortOrder).ToListAsync(ct);
        var items = await db.DossierItems.AsNoTracking().Where(d => d.StaffMemberId == staffId).ToDictionaryAsync(d => d.TypeCode, ct);
        var scans = await db.Attachments.AsNoTracking().Where(a => a.StaffMemberId == staffId && a.DossierItemCode != null)
            .OrderBy(a => a.VersionNumber).ToListAsync(ct);
        return types.Select(t =>
        {
            var item = items.GetValueOrDefault(t.Code);
            return new DossierLine(t.Code, t.Name, t.RequiredAtRecruitment, t.LegalSource, item?.OnFile ?? false, item?.CheckedOn, item?.CheckedBy,
                item?.Note, item?.Version, scans.Where(s => s.DossierItemCode == t.Code).Select(AttachmentRow.From).ToList());
        }).ToList();
    }

    public async Task<SaveResult> SetOnFileAsync(Guid staffId, string typeCode, bool onFile, string? note, uint? version, CancellationToken ct = default) =>
        await ChangeAsync(staffId, typeCode, version, item => item.SetOnFile(onFile, note), ct);

    /// <summary>Records that the electronic record was checked against this paper today, by the signed-in user.</summary>
    public async Task<SaveResult> CheckAgainstPaperAsync(Guid staffId, string typeCode, uint? version, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        return await ChangeAsync(staffId, typeCode, version, item =>
        {
            if (!item.OnFile) throw new InvalidOperationException();
            item.CheckAgainstPaper(clock.Today, scope.FullName);
        }, ct);
    }

    private async Task<SaveResult> ChangeAsync(Guid staffId, string typeCode, uint? version, Action<DossierItem> change, CancellationToken ct)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return SaveResult.Failed(Strings.StaffNotFound);
        if (!await db.DossierItemTypes.AnyAsync(t => t.Code == typeCode, ct)) return SaveResult.Failed(Strings.StaffNotFound);
        var item = await db.DossierItems.SingleOrDefaultAsync(d => d.StaffMemberId == staffId && d.TypeCode == typeCode, ct);
        if (item is null) db.DossierItems.Add(item = new DossierItem(Guid.CreateVersion7(), staffId, typeCode));
        else db.Entry(item).Property(d => d.Version).OriginalValue = version ?? 0;
        try
        {
            change(item);
        }
        catch (InvalidOperationException)
        {
            return SaveResult.Failed(Strings.CheckNeedsPaperOnFile);
        }
        try
        {
            await refresher.SaveAndRefreshAsync(db, staffId, ct);
            return SaveResult.Saved(item.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, nameof(DossierItem), item.Id, ct));
        }
        catch (DbUpdateException)
        {
            // Someone ticked the same paper at the same moment (unique per person and paper); reloading shows theirs.
            return SaveResult.Failed(Strings.SaveFailedRetry);
        }
    }
}

public sealed record DossierLine(string Code, string Name, bool Required, string LegalSource, bool OnFile, DateOnly? CheckedOn,
    string? CheckedBy, string? Note, uint? Version, IReadOnlyList<AttachmentRow> Scans);
