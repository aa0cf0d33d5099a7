using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deadlines;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>
/// After any change to a record: recompute its completeness and current title, and close the new-record obligation
/// (Quy chế Art. 8.1, 60 days) the day the record becomes complete; a late completion stays visible as "done late".
/// The change and the refresh commit together.
/// </summary>
public sealed class RecordRefresher(SchoolClock clock)
{
    public async Task SaveAndRefreshAsync(PortalDbContext db, Guid staffId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Id == staffId, ct);
        if (staff is not null)
        {
            var salaries = await db.SalaryRecords.AsNoTracking().Where(r => r.StaffMemberId == staffId && r.SupersededAt == null).ToListAsync(ct);
            if (RecordHistory.SalaryOn(salaries, clock.Today) is { } salary) staff.SetTitle(salary.TitleCode, salary.TitleName);
            var completeness = await EvaluateAsync(db, staff, ct);
            staff.SetCompleteness(completeness.Percent);
            if (completeness.IsComplete)
                foreach (var open in await db.Obligations.Where(o => o.StaffMemberId == staffId && o.CompletedOn == null
                                 && db.DeadlineRules.Any(r => r.Id == o.RuleId && r.Trigger == DeadlineTrigger.RecruitmentDecision)).ToListAsync(ct))
                    open.Complete(clock.Today);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task<Completeness> EvaluateAsync(PortalDbContext db, StaffMember staff, CancellationToken ct)
    {
        var id = staff.Id;
        var hasSalary = await db.SalaryRecords.AnyAsync(r => r.StaffMemberId == id && r.SupersededAt == null && !r.Withdrawn, ct);
        var hasWork = await db.WorkHistoryRecords.AnyAsync(r => r.StaffMemberId == id && r.SupersededAt == null && !r.Withdrawn, ct);
        var required = await db.DossierItemTypes.Where(t => t.RequiredAtRecruitment && t.IsActive).Select(t => t.Code).ToListAsync(ct);
        var onFile = await db.DossierItems.Where(d => d.StaffMemberId == id && d.OnFile).Select(d => d.TypeCode).ToListAsync(ct);
        return RecordCompleteness.Evaluate(staff, hasSalary, hasWork, required, onFile);
    }
}
