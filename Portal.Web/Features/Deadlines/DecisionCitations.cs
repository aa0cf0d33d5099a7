using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Deadlines;

/// <summary>
/// The decisions a record rests on: cited by a current history row (not superseded, not withdrawn) or by the record's
/// status. A decision cited here has had its change recorded, which closes its obligation.
/// </summary>
public static class DecisionCitations
{
    /// <summary>Ids of cited decisions, for one staff member or (with null) everyone; a query, evaluated by PostgreSQL.</summary>
    public static IQueryable<Guid?> Query(PortalDbContext db, Guid? staffId = null)
    {
        IQueryable<Guid?> Cited<T>(IQueryable<T> rows) where T : RecordRow =>
            rows.Where(r => (staffId == null || r.StaffMemberId == staffId) && r.SupersededAt == null && !r.Withdrawn && r.DecisionId != null)
                .Select(r => r.DecisionId);
        return Cited(db.SalaryRecords).Union(Cited(db.PositionRecords)).Union(Cited(db.AllowanceRecords))
            .Union(Cited(db.TrainingRecords)).Union(Cited(db.WorkHistoryRecords)).Union(Cited(db.RatingRecords))
            .Union(Cited(db.AwardRecords)).Union(Cited(db.DisciplineRecords)).Union(Cited(db.AbsenceRecords))
            .Union(db.Staff.Where(s => (staffId == null || s.Id == staffId) && s.StatusDecisionId != null).Select(s => s.StatusDecisionId));
    }
}
