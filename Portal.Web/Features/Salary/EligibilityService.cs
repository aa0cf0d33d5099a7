using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Salary;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Salary;

/// <summary>The period and filters of the eligibility list (kỳ xét nâng lương).</summary>
public sealed record EligibilityQuery(DateOnly From, DateOnly To, IReadOnlyCollection<EligibilityKind>? Kinds = null, string? Search = null,
    bool OnlyNeedsReview = false, Guid? UnitId = null, int? ReviewYear = null);

/// <summary>One person's salary picture on <see cref="AsOf"/>; <see cref="Problem"/> says which legal number is missing, if any.</summary>
public sealed record SalaryOutlook(DateOnly AsOf, Payslip? Pay, RegularRaise? Next, TeacherSeniority? TeacherSeniority, RetirementView? Retirement, string? Problem);

/// <summary>Raises and retirements falling due month by month, and what is due but undecided.</summary>
public sealed record SalaryGlance(int DueUndecided, IReadOnlyList<SalaryMonth> Months);

public sealed record SalaryMonth(DateOnly Month, int Raises, int BeyondFrame, int Retirements);

/// <summary>The list, and for each school in it the early-raise quota of the year (one per full ten on the payroll).</summary>
public sealed record EligibilityList(DateOnly AsOf, IReadOnlyList<EligibilityRow> Rows, IReadOnlyList<UnitQuota> Quotas, IReadOnlyList<string> Problems);

/// <summary>A unit's early-raise quota for a year: slots, how many were already used, and the remainder reported upward.</summary>
public sealed record UnitQuota(Guid UnitId, string UnitName, int Year, int Payroll, int Slots, int Used, int Remainder);

/// <summary>
/// Who is due what in a period, for the people the signed-in user may read: the engine runs over facts loaded in a
/// handful of queries. Reading the list is logged (it shows salaries, ratings and discipline reasons).
/// </summary>
public sealed class EligibilityService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock, SalaryOptions options)
{
    public async Task<EligibilityList> ListAsync(EligibilityQuery query, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var today = clock.Today;
        var unitIds = query.UnitId is { } only ? scope.UnitIds(db).Where(id => id == only) : scope.UnitIds(db);
        var staff = db.Staff.Where(s => unitIds.Contains(s.UnitId) && s.Status == StaffStatus.Active);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var folded = Portal.Domain.Diacritics.Fold(query.Search);
            staff = staff.Where(s => PortalDbFunctions.Fold(s.FullName).Contains(folded) || (s.StaffCode != null && s.StaffCode.ToLower().Contains(folded)));
        }
        var law = await SalaryFactsLoader.LawAsync(db, ct);
        var units = await SalaryFactsLoader.UnitsAsync(db, unitIds, ct);
        var people = await SalaryFactsLoader.LoadAsync(db, staff, units, clock.Today, ct);
        var problems = new List<string>();
        var rows = Evaluate(people, law, today, query, options, problems);
        var quotas = await QuotasAsync(db, units, law, query.To.Year, ct);
        await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Viewed, "SalaryEligibility", $"{query.From:yyyy-MM-dd}..{query.To:yyyy-MM-dd}", ct,
            unitId: query.UnitId ?? scope.UnitId, detail: $"{rows.Count} dòng, {people.Count} người");
        return new EligibilityList(today, rows, quotas, problems);
    }

    /// <summary>
    /// The dashboard's glance: for each of the next <paramref name="months"/> months, how many regular raises, PCTNVK
    /// changes and retirements fall due, plus what is already due and undecided. Null when the scope is larger than
    /// <paramref name="maxStaff"/> (a Department's 100,000 people take seconds; they use the list and its filters).
    /// </summary>
    public async Task<SalaryGlance?> GlanceAsync(int months = 6, int maxStaff = 3_000, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var unitIds = scope.UnitIds(db);
        var staff = db.Staff.Where(s => unitIds.Contains(s.UnitId) && s.Status == StaffStatus.Active);
        if (await staff.CountAsync(ct) > maxStaff) return null;
        var today = clock.Today;
        var first = new DateOnly(today.Year, today.Month, 1);
        var law = await SalaryFactsLoader.LawAsync(db, ct);
        var units = await SalaryFactsLoader.UnitsAsync(db, unitIds, ct);
        var people = await SalaryFactsLoader.LoadAsync(db, staff, units, clock.Today, ct);
        var query = new EligibilityQuery(first, first.AddMonths(months).AddDays(-1));
        var rows = Evaluate(people, law, today, query with { }, options with { RetirementLookAheadMonths = 0 });
        var overdue = rows.Count(r => r.Overdue && r.Kind is EligibilityKind.RegularRaise or EligibilityKind.BeyondFrame);
        var monthly = Enumerable.Range(0, months).Select(i =>
        {
            var from = first.AddMonths(i);
            var inMonth = rows.Where(r => r.DueOn >= from && r.DueOn < from.AddMonths(1) && !(r.Overdue && r.Kind != EligibilityKind.Retirement)).ToList();
            return new SalaryMonth(from, inMonth.Count(r => r.Kind == EligibilityKind.RegularRaise), inMonth.Count(r => r.Kind == EligibilityKind.BeyondFrame),
                inMonth.Count(r => r.Kind == EligibilityKind.Retirement));
        }).ToList();
        return new SalaryGlance(overdue, monthly);
    }

    /// <summary>
    /// One person's salary today: the pay breakdown with its formulas, the next raise or PCTNVK change and why, the teacher
    /// seniority and the retirement day. Null when the record is not in the reader's scope.
    /// </summary>
    public async Task<SalaryOutlook?> OutlookAsync(Guid staffId, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = db.Staff.Where(s => s.Id == staffId && scope.UnitIds(db).Contains(s.UnitId));
        var law = await SalaryFactsLoader.LawAsync(db, ct);
        var units = await SalaryFactsLoader.UnitsAsync(db, staff.Select(s => s.UnitId), ct);
        if ((await SalaryFactsLoader.LoadAsync(db, staff, units, clock.Today, ct)).SingleOrDefault() is not { } person) return null;
        var today = clock.Today;
        var facts = person.Facts;
        // The explanation can cite discipline, detention or suspension: the read is logged like the discipline section's.
        await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Viewed, "SalaryOutlook", staffId.ToString(), ct, unitId: person.UnitId, subjectId: staffId,
            detail: $"{facts.Disciplines.Count} kỷ luật, {facts.Absences.Count} thời gian nghỉ");
        try
        {
            var regular = RaiseEngine.Regular(facts, law, Eligibility.JudgedOn(facts, today));
            var pay = facts.Steps.Count > 0 ? PayBreakdown.At(facts, law, today) : null;
            var seniority = facts.Teaching is { Teaches: true, InsuredTeachingSince: not null } t ? TeacherAllowances.Seniority(t, facts.Absences, law, today) : null;
            var retirement = RetirementOutlook.Of(facts, law, today, options.RetirementAlertMonths);
            return new SalaryOutlook(today, pay, regular, seniority, retirement, null);
        }
        catch (MissingLegalParameterException e)
        {
            // The admin must add the number; the record still shows, with what is missing.
            return new SalaryOutlook(today, null, null, null, null, string.Format(Resources.Strings.SalaryParameterMissing, e.Code, e.On.ToString("dd/MM/yyyy")));
        }
    }

    /// <summary>The schools the user may list, for the school filter.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> SchoolsAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var schools = await db.Units.AsNoTracking().Where(u => scope.UnitIds(db).Contains(u.Id) && u.Kind == Portal.Domain.Organisation.OrgUnitKind.School)
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return schools.Select(s => (s.Id, s.Name)).ToList();
    }

    /// <summary>The engine over loaded people, filtered and sorted by date then name. Pure: the benchmark calls it too.</summary>
    public static IReadOnlyList<EligibilityRow> Evaluate(IEnumerable<StaffSalaryCase> people, SalaryLaw law, DateOnly asOf, EligibilityQuery query, SalaryOptions options,
        ICollection<string>? problems = null)
    {
        var rows = new List<EligibilityRow>();
        foreach (var person in people)
        {
            IReadOnlyList<EligibilityRow> found;
            try
            {
                found = Eligibility.Of(person, law, asOf, query.From, query.To, options, query.ReviewYear);
            }
            catch (MissingLegalParameterException e) when (problems is not null)
            {
                // One person's dates reaching before a number's first day must not hide everyone else's raises.
                problems.Add(string.Format(Resources.Strings.SalaryPersonParameterMissing, person.Facts.FullName, e.Code, e.On.ToString("dd/MM/yyyy")));
                continue;
            }
            foreach (var row in found)
            {
                if (query.Kinds is { Count: > 0 } kinds && !kinds.Contains(row.Kind)) continue;
                if (query.OnlyNeedsReview && row.NeedsReview.Count == 0) continue;
                rows.Add(row);
            }
        }
        return rows.OrderBy(r => r.DueOn).ThenBy(r => r.FullName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList();
    }

    /// <summary>Slots per school for <paramref name="year"/>: payroll = active records; used = early-for-achievement raises decided that year.</summary>
    internal static async Task<IReadOnlyList<UnitQuota>> QuotasAsync(PortalDbContext db, IReadOnlyDictionary<Guid, UnitSalarySetting> units, SalaryLaw law,
        int year, CancellationToken ct)
    {
        var ids = units.Keys.ToList();
        var payroll = await db.Staff.Where(s => ids.Contains(s.UnitId) && s.Status == StaffStatus.Active)
            .GroupBy(s => s.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        // A slot belongs to the year its decision was signed in (the yearly review), whatever day the new step starts.
        var used = await (from r in db.SalaryRecords
                          join s in db.Staff on r.StaffMemberId equals s.Id
                          join d in db.Decisions on r.DecisionId equals d.Id
                          where ids.Contains(s.UnitId) && r.SupersededAt == null && !r.Withdrawn && r.Kind == RaiseKind.EarlyForAchievement
                                && d.SignedOn >= yearStart && d.SignedOn <= yearEnd
                          group r by s.UnitId into g
                          select new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return units.Values.Where(u => payroll.ContainsKey(u.UnitId)).Select(u =>
        {
            var (slots, remainder) = EarlyRaiseQuota.For(payroll[u.UnitId], law, yearEnd);
            return new UnitQuota(u.UnitId, u.Name, year, payroll[u.UnitId], slots, used.GetValueOrDefault(u.UnitId), remainder);
        }).OrderBy(q => q.UnitName).ToList();
    }
}
