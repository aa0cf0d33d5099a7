using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>
/// The history tables of a record (salary, positions, allowances, training, work, ratings, awards, discipline, family).
/// Rows are added, corrected (the old version is kept, superseded) or withdrawn (kept, hidden); never edited in place
/// or deleted. Regulated kinds must name the decision they came from.
/// </summary>
public sealed class HistoryService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, RecordRefresher refresher)
{
    /// <summary>Kinds that change "state-side" data (Quy chế Art. 8.2) and so must cite a decision.</summary>
    private static readonly HashSet<Type> NeedDecision = [typeof(SalaryRecord), typeof(PositionRecord), typeof(AllowanceRecord), typeof(DisciplineRecord)];

    /// <summary>Sections whose opening is itself logged, as confidential reads (family relations, discipline, time away:
    /// suspension, detention, probation of a suspended sentence).</summary>
    private static readonly HashSet<Type> Sensitive = [typeof(FamilyMember), typeof(DisciplineRecord), typeof(AbsenceRecord)];

    /// <summary>The table as shown now, or as the portal showed it at <paramref name="knownAt"/>; each row with its decision's number.</summary>
    public async Task<IReadOnlyList<RowView<T>>> ListAsync<T>(Guid staffId, DateTimeOffset? knownAt = null, CancellationToken ct = default) where T : RecordRow
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return [];
        var rows = await db.Set<T>().AsNoTracking().Where(r => r.StaffMemberId == staffId).ToListAsync(ct);
        var shown = RecordHistory.Timeline(rows, knownAt);
        if (Sensitive.Contains(typeof(T)))
        {
            var unitId = await db.Staff.Where(s => s.Id == staffId).Select(s => s.UnitId).SingleAsync(ct);
            await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Viewed, typeof(T).Name, staffId.ToString(), ct, unitId: unitId, subjectId: staffId,
                detail: $"{shown.Count} dòng");
        }
        var decisionIds = shown.Select(r => r.DecisionId).OfType<Guid>().Distinct().ToList();
        var decisions = await db.Decisions.AsNoTracking().Where(d => decisionIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => $"{d.Number} ({d.SignedOn:dd/MM/yyyy})", ct);
        var corrected = rows.Where(r => r.SupersededAt != null).Select(r => r.LineageId).ToHashSet();
        return shown.Select(r => new RowView<T>(r, r.DecisionId is { } d ? decisions.GetValueOrDefault(d) : null, corrected.Contains(r.LineageId))).ToList();
    }

    /// <summary>Every version of one row, oldest first.</summary>
    public async Task<IReadOnlyList<T>> VersionsAsync<T>(Guid staffId, Guid lineageId, CancellationToken ct = default) where T : RecordRow
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return [];
        var rows = await db.Set<T>().AsNoTracking().Where(r => r.StaffMemberId == staffId && r.LineageId == lineageId).ToListAsync(ct);
        return RecordHistory.Versions(rows, lineageId);
    }

    public async Task<SaveResult> AddAsync<T>(Guid staffId, Func<RowStamp, T> create, CancellationToken ct = default) where T : RecordRow
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return SaveResult.Failed(Strings.StaffNotFound);
        var lineage = Guid.CreateVersion7();
        var row = create(new RowStamp(staffId, lineage, clock.Now, scope.UserName));
        if (await CheckDecisionAsync(db, row, ct) is { } invalid) return invalid;
        db.Set<T>().Add(row);
        return await SaveAsync(db, staffId, row.Id, ct);
    }

    /// <summary>Replaces the current version of a row by a corrected one; the old version stays, superseded, with the reason.</summary>
    public async Task<SaveResult> CorrectAsync<T>(Guid staffId, Guid rowId, uint version, string? reason, Func<RowStamp, T> create,
        CancellationToken ct = default) where T : RecordRow
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        if (string.IsNullOrWhiteSpace(reason)) return SaveResult.Field("Reason", Strings.ReasonRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return SaveResult.Failed(Strings.StaffNotFound);
        var old = await db.Set<T>().SingleOrDefaultAsync(r => r.Id == rowId && r.StaffMemberId == staffId, ct);
        if (old is null || !old.IsCurrentVersion) return SaveResult.Failed(Strings.RowAlreadyCorrected);
        db.Entry(old).Property(r => r.Version).OriginalValue = version;
        var now = clock.Now;
        old.Supersede(now, reason);
        var row = create(new RowStamp(staffId, old.LineageId, now, scope.UserName));
        if (await CheckDecisionAsync(db, row, ct) is { } invalid) return invalid;
        db.Set<T>().Add(row);
        return await SaveAsync(db, staffId, row.Id, ct);
    }

    /// <summary>Withdraws a row entered by mistake: hidden from the record, kept in its history.</summary>
    public async Task<SaveResult> WithdrawAsync<T>(Guid staffId, Guid rowId, uint version, string reason, CancellationToken ct = default) where T : RecordRow
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        if (string.IsNullOrWhiteSpace(reason)) return SaveResult.Field("Reason", Strings.ReasonRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await RecordService.InScope(db, scope).AnyAsync(s => s.Id == staffId, ct)) return SaveResult.Failed(Strings.StaffNotFound);
        var row = await db.Set<T>().SingleOrDefaultAsync(r => r.Id == rowId && r.StaffMemberId == staffId, ct);
        if (row is null || !row.IsCurrentVersion) return SaveResult.Failed(Strings.RowAlreadyCorrected);
        db.Entry(row).Property(r => r.Version).OriginalValue = version;
        row.Withdraw(clock.Now, reason);
        return await SaveAsync(db, staffId, row.Id, ct);
    }

    private static async Task<SaveResult?> CheckDecisionAsync(PortalDbContext db, RecordRow row, CancellationToken ct)
    {
        if (row.DecisionId is null)
            return NeedDecision.Contains(row.GetType()) ? SaveResult.Field(nameof(RecordRow.DecisionId), Strings.DecisionRequired) : null;
        var ownDecision = await db.Decisions.AnyAsync(d => d.Id == row.DecisionId && d.StaffMemberId == row.StaffMemberId, ct);
        return ownDecision ? null : SaveResult.Field(nameof(RecordRow.DecisionId), Strings.DecisionRequired);
    }

    private async Task<SaveResult> SaveAsync(PortalDbContext db, Guid staffId, Guid rowId, CancellationToken ct)
    {
        try
        {
            await refresher.SaveAndRefreshAsync(db, staffId, ct);
            return SaveResult.Saved(rowId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(Strings.RowAlreadyCorrected);
        }
    }
}

/// <summary>Who records a row version, for whom, when, and which row it is a version of.</summary>
public sealed record RowStamp(Guid StaffMemberId, Guid LineageId, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>A row as shown, with its decision ("125/QĐ-UBND (01/09/2025)") and whether it has been corrected before.</summary>
public sealed record RowView<T>(T Row, string? Decision, bool HasCorrections) where T : RecordRow;
