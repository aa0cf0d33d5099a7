using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Deadlines;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>
/// The whole personnel record of one person: its single-valued sections, lifecycle, restricted part and completeness.
/// Every method checks role and unit scope first; every change goes through the audit interceptor.
/// </summary>
public sealed class RecordService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, RecordRefresher refresher)
{
    /// <summary>Roles that may read health and economic data (each read is audited).</summary>
    public static readonly IReadOnlyList<string> RestrictedReaders = PortalRoles.RecordWriters;

    public async Task<RecordView?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await InScope(db, scope).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null) return null;
        var unitName = await db.Units.Where(u => u.Id == staff.UnitId).Select(u => u.Name).SingleAsync(ct);
        var completeness = await refresher.EvaluateAsync(db, staff, ct);
        var obligation = await db.Obligations.AsNoTracking()
            .Where(o => o.StaffMemberId == id && o.Awaits == RuleAwaits.RecordComplete)
            .OrderBy(o => o.EventDate).FirstOrDefaultAsync(ct);
        var papers = await db.DossierItemTypes.AsNoTracking().Where(t => completeness.MissingDossierItems.Contains(t.Code))
            .OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync(ct);
        return new RecordView(staff, unitName, completeness, papers, obligation?.DueOn, obligation?.StateOn(clock.Today),
            CanEdit: PortalRoles.RecordWriters.Any(scope.IsInRole) && staff.Status != StaffStatus.Deceased,
            CanSeeRestricted: RestrictedReaders.Any(scope.IsInRole));
    }

    public Task<SaveResult> SaveParticularsAsync(Guid id, uint version, PersonalParticulars p, CancellationToken ct = default) =>
        p.CitizenIdIssuedOn > clock.Today
            ? Task.FromResult(SaveResult.Field(nameof(p.CitizenIdIssuedOn), Strings.DateInFuture))
            : SaveSectionAsync(id, version, s => s.Apply(p), ct);

    public Task<SaveResult> SaveEmploymentAsync(Guid id, uint version, Employment e, CancellationToken ct = default) =>
        e.FirstRecruitedOn > clock.Today || e.JoinedCurrentUnitOn > clock.Today
            ? Task.FromResult(SaveResult.Field(e.FirstRecruitedOn > clock.Today ? nameof(e.FirstRecruitedOn) : nameof(e.JoinedCurrentUnitOn), Strings.DateInFuture))
            : SaveSectionAsync(id, version, s => s.Apply(e), ct);

    public Task<SaveResult> SaveEducationAsync(Guid id, uint version, Education e, CancellationToken ct = default) =>
        SaveSectionAsync(id, version, s => s.Apply(e), ct);

    public Task<SaveResult> SaveAffiliationsAsync(Guid id, uint version, Affiliations a, PersonalHistory h, CancellationToken ct = default) =>
        SaveSectionAsync(id, version, s =>
        {
            s.Apply(a);
            s.Apply(h);
        }, ct);

    /// <summary>Health and economic situation. Reading them is itself audited (Luật Bảo vệ dữ liệu cá nhân 2025).</summary>
    public async Task<RestrictedParticulars?> GetRestrictedAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(RestrictedReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await InScope(db, scope).AnyAsync(s => s.Id == id, ct)) return null;
        var unitId = await db.Staff.Where(s => s.Id == id).Select(s => s.UnitId).SingleAsync(ct);
        var restricted = await db.RestrictedParticulars.AsNoTracking().SingleOrDefaultAsync(r => r.StaffMemberId == id, ct)
            ?? new RestrictedParticulars(id);
        await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Viewed, nameof(RestrictedParticulars), id.ToString(), ct, unitId: unitId, subjectId: id);
        return restricted;
    }

    public async Task<SaveResult> SaveRestrictedAsync(Guid id, uint? version, RestrictedInput input, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(RestrictedReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await InScope(db, scope).AnyAsync(s => s.Id == id, ct)) return SaveResult.Failed(Strings.StaffNotFound);
        var restricted = await db.RestrictedParticulars.SingleOrDefaultAsync(r => r.StaffMemberId == id, ct);
        if (restricted is null) db.RestrictedParticulars.Add(restricted = new RestrictedParticulars(id));
        else db.Entry(restricted).Property(r => r.Version).OriginalValue = version ?? 0;
        restricted.Apply(input.HealthStatus, input.HeightCm, input.WeightKg, input.BloodType, input.IncomeSources, input.Housing, input.Land);
        return await SaveAsync(db, id, nameof(RestrictedParticulars), ct);
    }

    /// <summary>Draft → active.</summary>
    public async Task<SaveResult> ActivateAsync(Guid id, uint version, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await TrackedAsync(db, scope, id, version, ct);
        if (staff is null) return SaveResult.Failed(Strings.StaffNotFound);
        if (staff.Status != StaffStatus.Draft) return SaveResult.Failed(Strings.NotADraft);
        staff.Activate(clock.Today);
        return await SaveAsync(db, id, nameof(StaffMember), ct);
    }

    /// <summary>Active → transferred out / resigned / retired / deceased, with its date and decision. Nothing is deleted.</summary>
    public async Task<SaveResult> LeaveAsync(Guid id, uint version, StaffStatus status, DateOnly on, Guid? decisionId, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await TrackedAsync(db, scope, id, version, ct);
        if (staff is null) return SaveResult.Failed(Strings.StaffNotFound);
        if (staff.Status != StaffStatus.Active) return SaveResult.Failed(Strings.OnlyActiveCanLeave);
        if (!status.IsLeaving()) return SaveResult.Failed(Strings.ChooseLeavingStatus);
        if (status != StaffStatus.Deceased && decisionId is null) return SaveResult.Field("DecisionId", Strings.DecisionRequired);
        if (decisionId is { } d && !await db.Decisions.AnyAsync(x => x.Id == d && x.StaffMemberId == id, ct))
            return SaveResult.Field("DecisionId", Strings.DecisionRequired);
        if (on > clock.Today.AddYears(1) || on < staff.RecruitmentDecisionDate) return SaveResult.Field("On", Strings.LeavingDateInvalid);
        staff.Leave(status, on, decisionId);
        return await SaveAsync(db, id, nameof(StaffMember), ct);
    }

    /// <summary>
    /// Discards a draft that was never activated, with everything typed into it. The deletion of every row is audited;
    /// a record that was ever active can never be discarded (Quy chế Art. 11.3).
    /// </summary>
    public async Task<SaveResult> DiscardDraftAsync(Guid id, uint version, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await TrackedAsync(db, scope, id, version, ct);
        if (staff is null) return SaveResult.Failed(Strings.StaffNotFound);
        if (!staff.CanBeDiscarded) return SaveResult.Failed(Strings.OnlyDraftsDiscarded);
        // Loaded and removed one by one, so the audit interceptor sees (and logs) every row that goes.
        db.RemoveRange(await db.SalaryRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.PositionRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.AllowanceRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.TrainingRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.WorkHistoryRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.RatingRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.AwardRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.DisciplineRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.AbsenceRecords.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.FamilyMembers.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        var attachments = await db.Attachments.Where(a => a.StaffMemberId == id).ToListAsync(ct);
        var attachmentIds = attachments.Select(a => a.Id).ToList();
        db.RemoveRange(await db.AttachmentContents.Where(c => attachmentIds.Contains(c.AttachmentId)).ToListAsync(ct));
        db.RemoveRange(attachments);
        db.RemoveRange(await db.Decisions.Where(d => d.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.DossierItems.Where(d => d.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.RestrictedParticulars.Where(r => r.StaffMemberId == id).ToListAsync(ct));
        db.RemoveRange(await db.Obligations.Where(o => o.StaffMemberId == id).ToListAsync(ct));
        db.Staff.Remove(staff);
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, nameof(StaffMember), id, ct));
        }
    }

    private async Task<SaveResult> SaveSectionAsync(Guid id, uint version, Action<StaffMember> apply, CancellationToken ct)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await TrackedAsync(db, scope, id, version, ct);
        if (staff is null) return SaveResult.Failed(Strings.StaffNotFound);
        apply(staff);
        return await SaveAsync(db, id, nameof(StaffMember), ct);
    }

    private async Task<SaveResult> SaveAsync(PortalDbContext db, Guid staffId, string entity, CancellationToken ct)
    {
        try
        {
            await refresher.SaveAndRefreshAsync(db, staffId, ct);
            return SaveResult.Saved(staffId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, entity, staffId, ct));
        }
    }

    /// <summary>The record, tracked, with the version the user's form was loaded with: a save against a newer row is a conflict.</summary>
    private static async Task<StaffMember?> TrackedAsync(PortalDbContext db, UserScope scope, Guid id, uint version, CancellationToken ct)
    {
        var staff = await InScope(db, scope).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (staff is not null) db.Entry(staff).Property(s => s.Version).OriginalValue = version;
        return staff;
    }

    /// <summary>The restricted part's row version only (no confidential value, so not a logged read), for a form that just saved.</summary>
    public async Task<uint?> RestrictedVersionAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(RestrictedReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.RestrictedParticulars.Where(r => r.StaffMemberId == id && InScope(db, scope).Any(s => s.Id == id))
            .Select(r => (uint?)r.Version).SingleOrDefaultAsync(ct);
    }

    internal static IQueryable<StaffMember> InScope(PortalDbContext db, UserScope scope) =>
        db.Staff.Where(s => scope.UnitIds(db).Contains(s.UnitId));
}

public sealed record RecordView(StaffMember Staff, string UnitName, Completeness Completeness, IReadOnlyList<string> MissingPapers, DateOnly? NewRecordDueOn,
    ObligationState? NewRecordState, bool CanEdit, bool CanSeeRestricted);

public sealed record RestrictedInput(string? HealthStatus, int? HeightCm, decimal? WeightKg, string? BloodType,
    string? IncomeSources, string? Housing, string? Land);
