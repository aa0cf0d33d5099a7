using Microsoft.EntityFrameworkCore;
using Portal.Domain;
using Portal.Domain.Decisions;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Salary;

/// <summary>One person as the salary screens show them: the engine's facts and what the lists print beside them.</summary>
public sealed record StaffSalaryCase(StaffSalaryFacts Facts, Guid UnitId, string UnitName, string? StaffCode, string? TitleName);

/// <summary>A unit's salary setting: the school profile the allowances read and the early-raise levels it applies.</summary>
public sealed record UnitSalarySetting(Guid UnitId, string Name, TeachingProfile? Profile, IReadOnlyList<AchievementLevel> Levels);

/// <summary>The school facts of <see cref="TeachingFacts"/> without the person's own.</summary>
public sealed record TeachingProfile(SchoolLevel Level, SchoolArea Area, int? SchoolClass);

/// <summary>
/// Reads what the salary rules need for many people at once: a fixed handful of set-based queries (staff, salary rows,
/// ratings, discipline, time away, awards, retirement notices, posts), whatever the number of people, then groups in memory.
/// </summary>
public static class SalaryFactsLoader
{
    /// <summary>The legal parameters and the salary scale: small tables, read whole.</summary>
    public static async Task<SalaryLaw> LawAsync(PortalDbContext db, CancellationToken ct) =>
        new(await db.LegalParameters.AsNoTracking().ToListAsync(ct), await db.SalaryScale.AsNoTracking().ToListAsync(ct));

    /// <summary>Units' school profiles and early-raise levels; a unit with no levels of its own uses the portal's defaults.</summary>
    public static async Task<Dictionary<Guid, UnitSalarySetting>> UnitsAsync(PortalDbContext db, IQueryable<Guid> unitIds, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Name, u.SchoolLevel, u.SchoolArea, u.SchoolClass }).ToListAsync(ct);
        var levels = await db.EarlyRaiseLevels.AsNoTracking().Where(l => l.UnitId == null || unitIds.Contains(l.UnitId.Value)).ToListAsync(ct);
        var defaults = levels.Where(l => l.UnitId is null).Select(ToLevel).ToList();
        return units.ToDictionary(u => u.Id, u =>
        {
            var own = levels.Where(l => l.UnitId == u.Id).Select(ToLevel).ToList();
            var profile = u.SchoolLevel is { } level && u.SchoolArea is { } area ? new TeachingProfile(level, area, u.SchoolClass) : null;
            return new UnitSalarySetting(u.Id, u.Name, profile, own.Count > 0 ? own : defaults);
        });
    }

    private static AchievementLevel ToLevel(EarlyRaiseLevel l) => new(l.FormPrefix, l.MonthsEarly, l.Rank);

    /// <summary>The facts of every person <paramref name="staff"/> selects (a query, so the row tables filter in PostgreSQL).</summary>
    public static async Task<IReadOnlyList<StaffSalaryCase>> LoadAsync(PortalDbContext db, IQueryable<StaffMember> staff,
        IReadOnlyDictionary<Guid, UnitSalarySetting> units, DateOnly today, CancellationToken ct)
    {
        var ids = staff.Select(s => s.Id);
        var people = await staff.AsNoTracking()
            .Select(s => new { s.Id, s.FullName, s.Gender, s.DateOfBirth, s.UnitId, s.StaffCode, s.ProfessionalTitle, s.Teaches, s.InsuredTeachingSince })
            .ToListAsync(ct);

        var salaries = await (from r in Current(db.SalaryRecords, ids)
                              join d in db.Decisions on r.DecisionId equals d.Id into g
                              from d in g.DefaultIfEmpty()
                              select new { r.StaffMemberId, r.ValidFrom, r.TitleCode, r.SalaryGroup, r.Step, r.Coefficient, r.SeniorityBeyondFramePercent, r.Kind, Number = d.Number,
                                  SignedOn = (DateOnly?)d.SignedOn })
            .ToListAsync(ct);
        var ratings = await Current(db.RatingRecords, ids).Select(r => new { r.StaffMemberId, r.Year, r.ProfessionalRating }).ToListAsync(ct);
        var disciplines = await (from r in Current(db.DisciplineRecords, ids)
                                 join d in db.Decisions on r.DecisionId equals d.Id into g
                                 from d in g.DefaultIfEmpty()
                                 select new { r.StaffMemberId, r.Form, r.ValidFrom, r.ValidTo, r.AnnulledOn, Number = d.Number })
            .ToListAsync(ct);
        var absences = await (from r in Current(db.AbsenceRecords, ids)
                              join d in db.Decisions on r.DecisionId equals d.Id into g
                              from d in g.DefaultIfEmpty()
                              select new { r.StaffMemberId, r.Kind, r.ValidFrom, r.ValidTo, Number = d.Number })
            .ToListAsync(ct);
        var awards = await (from r in Current(db.AwardRecords, ids)
                            join d in db.Decisions on r.DecisionId equals d.Id into g
                            from d in g.DefaultIfEmpty()
                            select new { r.StaffMemberId, r.ValidFrom, r.Form, Number = d.Number })
            .ToListAsync(ct);
        // A notice (or, without one, the retirement decision itself, which presupposes it) gives the retirement day. Both
        // name the day retirement begins ("nghỉ hưu từ ngày 01/01/2020", the pension's first day): the last working day is
        // the day before. A later notice replaces an earlier one (a postponed retirement).
        var notices = await db.Decisions.AsNoTracking()
            .Where(d => d.StaffMemberId != null && ids.Contains(d.StaffMemberId.Value)
                        && (d.Kind == DecisionKind.RetirementNotice || d.Kind == DecisionKind.Retirement))
            .Select(d => new { StaffMemberId = d.StaffMemberId!.Value, d.Kind, d.SignedOn, d.EffectiveOn, d.Number }).ToListAsync(ct);
        var posts = await Current(db.PositionRecords, ids).Where(r => r.ValidTo == null || r.ValidTo >= today)
            .Select(r => new { r.StaffMemberId, r.Position }).ToListAsync(ct);

        var salaryBy = salaries.ToLookup(r => r.StaffMemberId);
        var ratingBy = ratings.ToLookup(r => r.StaffMemberId);
        var disciplineBy = disciplines.ToLookup(r => r.StaffMemberId);
        var absenceBy = absences.ToLookup(r => r.StaffMemberId);
        var awardBy = awards.ToLookup(r => r.StaffMemberId);
        var noticeBy = notices.ToLookup(r => r.StaffMemberId);
        var postBy = posts.ToLookup(r => r.StaffMemberId);

        // Four rating texts and a dozen award forms recur across 100,000 people: judge each distinct text once.
        var notCompleted = new Dictionary<string, bool>();
        bool NotCompleted(string? rating) => rating is not null && (notCompleted.TryGetValue(rating, out var known) ? known : notCompleted[rating] = IsNotCompleted(rating));
        var matched = new Dictionary<(Guid Unit, string Form), AchievementLevel?>();
        AchievementLevel? Level(Guid unit, string form, IReadOnlyList<AchievementLevel> levels) =>
            matched.TryGetValue((unit, form), out var level) ? level : matched[(unit, form)] = AchievementPolicy.Match(form, levels);

        var result = new List<StaffSalaryCase>(people.Count);
        foreach (var p in people)
        {
            var unit = units.GetValueOrDefault(p.UnitId);
            var levels = unit?.Levels ?? [];
            var steps = salaryBy[p.Id].Where(r => r.ValidFrom is not null && r.SalaryGroup is not null)
                .OrderBy(r => r.ValidFrom)
                .Select(r => new SalaryStepHeld(r.ValidFrom!.Value, r.TitleCode, r.SalaryGroup!, r.Step, r.Coefficient, r.SeniorityBeyondFramePercent, r.Kind, r.Number, r.SignedOn))
                .ToList();
            var notice = noticeBy[p.Id].OrderBy(n => n.Kind == DecisionKind.RetirementNotice ? 0 : 1).ThenByDescending(n => n.SignedOn)
                .Select(n => new RetirementNotice(n.SignedOn, n.EffectiveOn.AddDays(-1), n.Number)).FirstOrDefault();
            var achievements = awardBy[p.Id].Where(a => a.ValidFrom is not null).Select(a =>
            {
                var level = Level(p.UnitId, a.Form, levels);
                return new Achievement(a.ValidFrom!.Value, a.Form, a.Number, level?.MonthsEarly ?? 0, level?.Rank ?? int.MaxValue);
            }).ToList();
            var teaching = unit?.Profile is { } profile
                ? new TeachingFacts(p.Teaches, p.InsuredTeachingSince, profile.Level, profile.Area, profile.SchoolClass, PostOf(postBy[p.Id].Select(x => x.Position)))
                : null;
            var facts = new StaffSalaryFacts(p.Id, p.FullName, p.Gender, p.DateOfBirth, steps,
                ratingBy[p.Id].Select(r => new RatingYear(r.Year, NotCompleted(r.ProfessionalRating), r.ProfessionalRating)).ToList(),
                disciplineBy[p.Id].Where(d => d.ValidFrom is not null)
                    .Select(d => new DisciplineEvent(d.Form, d.ValidFrom!.Value, d.ValidTo, d.AnnulledOn, d.Number)).ToList(),
                absenceBy[p.Id].Where(a => a.ValidFrom is not null && a.ValidTo is not null)
                    .Select(a => new AbsencePeriod(a.Kind, a.ValidFrom!.Value, a.ValidTo!.Value, a.Number)).ToList(),
                achievements, notice, teaching);
            result.Add(new StaffSalaryCase(facts, p.UnitId, unit?.Name ?? "", p.StaffCode, p.ProfessionalTitle));
        }
        return result;
    }

    private static IQueryable<T> Current<T>(DbSet<T> rows, IQueryable<Guid> ids) where T : RecordRow =>
        rows.AsNoTracking().Where(r => ids.Contains(r.StaffMemberId) && r.SupersededAt == null && !r.Withdrawn);

    /// <summary>"Không hoàn thành nhiệm vụ" (NĐ 90/2020 Art. 2's lowest grade), whatever its spelling or case.</summary>
    public static bool IsNotCompleted(string? rating) => rating is not null && Diacritics.Fold(rating).Contains("khong hoan thanh");

    /// <summary>The leadership post a school's allowance follows, from the open position rows ("Hiệu trưởng", "Phó Hiệu trưởng").</summary>
    public static LeadershipPost? PostOf(IEnumerable<string> positions)
    {
        var folded = positions.Select(Diacritics.Fold).ToList();
        if (folded.Any(p => p.StartsWith("hieu truong", StringComparison.Ordinal))) return LeadershipPost.Principal;
        if (folded.Any(p => p.StartsWith("pho hieu truong", StringComparison.Ordinal))) return LeadershipPost.VicePrincipal;
        return null;
    }
}
