using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deadlines;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Deadlines;

/// <summary>Opens the legal obligations an event creates, under the rules in force on the event's date.</summary>
public sealed class ObligationOpener
{
    /// <summary>
    /// The new-record obligation of a recruitment (school regulation Art. 8.1; later Decree 27/2026). Added to the
    /// caller's context so it commits with the staff member or not at all.
    /// Holidays are not yet data (the holiday calendar comes with the deadline engine), so only weekends roll a due date.
    /// </summary>
    public async Task<Obligation?> OpenForRecruitmentAsync(PortalDbContext db, StaffMember staff, CancellationToken ct)
    {
        var rules = await db.DeadlineRules.AsNoTracking().Where(r => r.Trigger == DeadlineTrigger.RecruitmentDecision).ToListAsync(ct);
        var rule = LegalDeadlineRule.Applicable(rules, DeadlineTrigger.RecruitmentDecision, staff.RecruitmentDecisionDate, WorkingCalendar.WeekendsOnly);
        if (rule is null) return null;
        var obligation = new Obligation(Guid.CreateVersion7(), staff.UnitId, staff.Id, rule, staff.RecruitmentDecisionDate, WorkingCalendar.WeekendsOnly);
        db.Obligations.Add(obligation);
        return obligation;
    }
}
