using Microsoft.EntityFrameworkCore;
using Portal.Domain.Decisions;
using Portal.Domain.Deadlines;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Web.Shared;

namespace Portal.Web.Features.Deadlines;

/// <summary>
/// Opens the legal obligations an event creates, under the rules of the unit's rule sets in force on the event's date
/// (the strictest governs each awaited outcome), with due dates on the holiday calendar. Obligations are added to the
/// caller's context, so they commit with the event or not at all.
/// </summary>
public sealed class ObligationOpener(SchoolClock clock)
{
    /// <summary>Who closes an obligation when the change it waited for is saved.</summary>
    public const string ClosedBySystem = "Hệ thống";

    /// <summary>
    /// A new record: the e-record must exist (Decree 27/2026: within 3 days of the recruitment decision; met by this very
    /// save, on time or late) and be complete (the school's 60 days from the decision, or the decree's 3 working days
    /// of the person's first declaration, whichever ends first). Returns the completeness obligation.
    /// </summary>
    public async Task<Obligation?> OpenForRecruitmentAsync(PortalDbContext db, StaffMember staff, CancellationToken ct)
    {
        var today = clock.Today;
        var (rules, sets) = await RulesAsync(db, staff.UnitId, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, staff.RecruitmentDecisionDate.Year, today.Year + 1, ct);
        var events = new Dictionary<DeadlineTrigger, DateOnly>
        {
            [DeadlineTrigger.RecruitmentDecision] = staff.RecruitmentDecisionDate,
            [DeadlineTrigger.RecordCreated] = today,
        };
        Obligation? completeness = null;
        foreach (var awaits in new[] { RuleAwaits.RecordCreated, RuleAwaits.RecordComplete })
        {
            if (LegalDeadlineRule.Strictest(rules, sets, awaits, events, calendar) is not { } found) continue;
            var obligation = new Obligation(Guid.CreateVersion7(), staff.UnitId, staff.Id, found.Rule, found.EventDate, calendar, $"staff:{staff.Id}");
            if (awaits == RuleAwaits.RecordCreated) obligation.Complete(today, ClosedBySystem);
            else completeness = obligation;
            db.Obligations.Add(obligation);
        }
        return completeness;
    }

    /// <summary>
    /// A decision that changes the record (appointment, transfer, raise, award, discipline…): its change must be recorded
    /// (the school's 15 days from the effective date, or the decree's 3 working days from the signature). A recruitment
    /// decision is covered by the new record's obligations. Returns null when no rule applies.
    /// </summary>
    public async Task<Obligation?> OpenForDecisionAsync(PortalDbContext db, Decision decision, CancellationToken ct)
    {
        // A retirement notice announces; it changes nothing in the record, so nothing is awaited from it.
        if (decision.Kind is DecisionKind.Recruitment or DecisionKind.RetirementNotice) return null;
        var (rules, sets) = await RulesAsync(db, decision.UnitId, ct);
        var calendar = await WorkingCalendars.LoadAsync(db, decision.SignedOn.Year, decision.EffectiveOn.Year + 1, ct);
        var events = new Dictionary<DeadlineTrigger, DateOnly>
        {
            [DeadlineTrigger.DecisionSigned] = decision.SignedOn,
            [DeadlineTrigger.DecisionEffective] = decision.EffectiveOn,
        };
        if (LegalDeadlineRule.Strictest(rules, sets, RuleAwaits.ChangeRecorded, events, calendar) is not { } found) return null;
        var obligation = new Obligation(Guid.CreateVersion7(), decision.UnitId, decision.StaffMemberId, found.Rule, found.EventDate, calendar,
            $"decision:{decision.Id}", decision.Id);
        db.Obligations.Add(obligation);
        return obligation;
    }

    private static async Task<(List<LegalDeadlineRule> Rules, string[] Sets)> RulesAsync(PortalDbContext db, Guid unitId, CancellationToken ct)
    {
        var sets = await db.Units.Where(u => u.Id == unitId).Select(u => u.DeadlineRuleSets).SingleAsync(ct);
        var rules = await db.DeadlineRules.AsNoTracking().Where(r => r.FixedMonth == null).ToListAsync(ct);
        return (rules, sets);
    }
}
