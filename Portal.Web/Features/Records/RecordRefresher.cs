using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deadlines;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;
using Portal.Web.Features.Deadlines;
using Portal.Web.Shared;

namespace Portal.Web.Features.Records;

/// <summary>
/// After any change to a record: recompute its completeness and current title; close the completeness obligation
/// the day the record becomes complete, and a decision's obligation the day a row or status citing that decision is
/// saved. A late completion stays visible as "done late". The change and the refresh commit together.
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
            var open = await db.Obligations.Where(o => o.StaffMemberId == staffId && o.CompletedOn == null
                && (o.Awaits == RuleAwaits.RecordComplete || o.Awaits == RuleAwaits.ChangeRecorded)).ToListAsync(ct);
            foreach (var obligation in open.Where(o => o.Awaits == RuleAwaits.RecordComplete && completeness.IsComplete))
                obligation.Complete(clock.Today, ObligationOpener.ClosedBySystem);
            if (open.Any(o => o.Awaits == RuleAwaits.ChangeRecorded))
            {
                var cited = (await DecisionCitations.Query(db, staffId).ToListAsync(ct)).ToHashSet();
                foreach (var obligation in open.Where(o => o.Awaits == RuleAwaits.ChangeRecorded && o.DecisionId is { } d && cited.Contains(d)))
                    obligation.Complete(clock.Today, ObligationOpener.ClosedBySystem);
            }
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
