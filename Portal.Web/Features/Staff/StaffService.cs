using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Deadlines;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Staff;

/// <summary>Staff records: listing within the user's unit subtree, creating, and editing with optimistic concurrency.</summary>
public sealed class StaffService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, ObligationOpener obligations, SchoolClock clock)
{
    public async Task<PageOf<StaffRow>> ListAsync(StaffQuery query, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = from s in InScope(db, scope).AsNoTracking()
                   join u in db.Units on s.UnitId equals u.Id
                   select new { s, UnitName = u.Name };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Both sides folded by portal_fold (lower case, no diacritics), which the trigram index is built on.
            var term = query.Search.Trim();
            var pattern = $"%{EscapeLike(term)}%";
            rows = term.All(char.IsAsciiDigit)
                ? rows.Where(r => r.s.CitizenId.StartsWith(term))
                : rows.Where(r => EF.Functions.Like(PortalDbFunctions.Fold(r.s.FullName), PortalDbFunctions.Fold(pattern)));
        }
        if (query.UnitId is { } unitId)
        {
            var unitPath = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            // The chosen unit and everything below it; the scope above already keeps it inside the user's subtree.
            rows = rows.Where(r => db.Units.Any(u => u.Id == r.s.UnitId && u.Path.StartsWith(unitPath)));
        }
        if (query.Gender is { } gender) rows = rows.Where(r => r.s.Gender == gender);
        if (query.AgeBand is { } band)
        {
            var (bornAfter, bornOnOrBefore) = Age.BirthDates(band.MinAge, band.MaxAge, clock.Today);
            rows = rows.Where(r => r.s.DateOfBirth <= bornOnOrBefore && (bornAfter == null || r.s.DateOfBirth > bornAfter));
        }
        var total = await rows.CountAsync(ct);
        rows = (query.SortBy, query.Descending) switch
        {
            (nameof(StaffRow.DateOfBirth), false) => rows.OrderBy(r => r.s.DateOfBirth).ThenBy(r => r.s.Id),
            (nameof(StaffRow.DateOfBirth), true) => rows.OrderByDescending(r => r.s.DateOfBirth).ThenBy(r => r.s.Id),
            (nameof(StaffRow.RecruitmentDecisionDate), false) => rows.OrderBy(r => r.s.RecruitmentDecisionDate).ThenBy(r => r.s.Id),
            (nameof(StaffRow.RecruitmentDecisionDate), true) => rows.OrderByDescending(r => r.s.RecruitmentDecisionDate).ThenBy(r => r.s.Id),
            (nameof(StaffRow.ProfessionalTitle), false) => rows.OrderBy(r => r.s.ProfessionalTitle).ThenBy(r => r.s.Id),
            (nameof(StaffRow.ProfessionalTitle), true) => rows.OrderByDescending(r => r.s.ProfessionalTitle).ThenBy(r => r.s.Id),
            (_, true) => rows.OrderByDescending(r => r.s.FullName).ThenBy(r => r.s.Id),
            _ => rows.OrderBy(r => r.s.FullName).ThenBy(r => r.s.Id),
        };
        var items = await rows.Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(r => new StaffRow(r.s.Id, r.s.FullName, r.s.DateOfBirth, r.s.Gender, r.s.CitizenId, r.s.ProfessionalTitle,
                r.s.RecruitmentDecisionNumber, r.s.RecruitmentDecisionDate, r.UnitName))
            .ToListAsync(ct);
        return new PageOf<StaffRow>(items, total);
    }

    /// <summary>The units the user may filter by: their own and every unit below it, in tree order.</summary>
    public async Task<IReadOnlyList<UnitChoice>> UnitsAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(scope.UnitPath)).OrderBy(u => u.Path)
            .Select(u => new UnitChoice(u.Id, u.Name, u.Kind)).ToListAsync(ct);
    }

    public async Task<StaffFormModel?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordReaders, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await InScope(db, scope).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        return staff is null ? null : StaffFormModel.From(staff);
    }

    /// <summary>Saves a new staff member and, in the same transaction, opens the new-record obligation (Art. 8.1).</summary>
    public async Task<SaveResult> CreateAsync(StaffFormModel form, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        if (CheckDates(form) is { } invalid) return invalid;
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.Staff.AnyAsync(s => s.CitizenId == form.CitizenId.Trim(), ct))
            return SaveResult.Field(nameof(StaffFormModel.CitizenId), Strings.CitizenIdTaken);
        var staff = new StaffMember(Guid.CreateVersion7(), scope.UnitId, form.ToIdentity(), form.ToRecruitment());
        db.Staff.Add(staff);
        await obligations.OpenForRecruitmentAsync(db, staff, ct);
        return await SaveAsync(db, staff.Id, ct);
    }

    public async Task<SaveResult> UpdateAsync(Guid id, StaffFormModel form, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.RecordWriters, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var staff = await InScope(db, scope).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (staff is null) return SaveResult.Failed(Strings.StaffNotFound);
        if (CheckDates(form) is { } invalid) return invalid;
        if (await db.Staff.AnyAsync(s => s.CitizenId == form.CitizenId.Trim() && s.Id != id, ct))
            return SaveResult.Field(nameof(StaffFormModel.CitizenId), Strings.CitizenIdTaken);
        // The concurrency check compares the row's xmin with the version the form was loaded with.
        db.Entry(staff).Property(s => s.Version).OriginalValue = form.Version ?? 0;
        staff.Apply(form.ToIdentity());
        staff.Apply(form.ToRecruitment());
        return await SaveAsync(db, id, ct);
    }

    /// <summary>Dates the form cannot judge alone, because they need the school's "today".</summary>
    private SaveResult? CheckDates(StaffFormModel form)
    {
        var today = clock.Today;
        if (DateOnly.FromDateTime(form.RecruitmentDecisionDate!.Value) > today)
            return SaveResult.Field(nameof(StaffFormModel.RecruitmentDecisionDate), Strings.DecisionDateInFuture);
        if (DateOnly.FromDateTime(form.DateOfBirth!.Value) > today)
            return SaveResult.Field(nameof(StaffFormModel.DateOfBirth), Strings.DateOfBirthInFuture);
        return null;
    }

    private static IQueryable<StaffMember> InScope(PortalDbContext db, UserScope scope) =>
        db.Staff.Where(s => scope.UnitIds(db).Contains(s.UnitId));

    private static async Task<SaveResult> SaveAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await ConflictMessageAsync(db, id, ct));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Field(nameof(StaffFormModel.CitizenId), Strings.CitizenIdTaken);
        }
    }

    /// <summary>Says who changed the record since it was opened, and which fields, from the audit log.</summary>
    private static async Task<string> ConflictMessageAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        var key = id.ToString();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == nameof(StaffMember) && a.EntityKey == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.CorrelationId, a.UserName, a.At })
            .FirstOrDefaultAsync(ct);
        if (last is null) return Strings.ConflictUnknown;
        var fields = await db.AuditEntries.AsNoTracking().Where(a => a.CorrelationId == last.CorrelationId && a.EntityKey == key)
            .Select(a => a.Field).ToListAsync(ct);
        return string.Format(Strings.ConflictBy, last.UserName, last.At.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm"),
            string.Join(", ", fields.Select(FieldLabels.Of)));
    }

    private static string EscapeLike(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

public sealed record StaffQuery(string? Search, int Page, int PageSize, string? SortBy, bool Descending,
    Guid? UnitId = null, Gender? Gender = null, AgeBand? AgeBand = null);

public sealed record UnitChoice(Guid Id, string Name, OrgUnitKind Kind);

/// <summary>An age band of the staff list's filter (a grouping for the office, not a legal threshold).</summary>
public sealed record AgeBand(string Code, int MinAge, int? MaxAge)
{
    public static readonly IReadOnlyList<AgeBand> All =
        [new("u30", 0, 29), new("30-39", 30, 39), new("40-49", 40, 49), new("50-59", 50, 59), new("60+", 60, null)];

    public static AgeBand? Parse(string? code) => All.FirstOrDefault(b => b.Code == code);

    public string Label => MaxAge switch
    {
        null => string.Format(Strings.AgeFrom, MinAge),
        _ when MinAge == 0 => string.Format(Strings.AgeUnder, MaxAge + 1),
        _ => $"{MinAge}–{MaxAge}",
    };
}

public sealed record StaffRow(Guid Id, string FullName, DateOnly DateOfBirth, Gender Gender, string CitizenId, string ProfessionalTitle,
    string RecruitmentDecisionNumber, DateOnly RecruitmentDecisionDate, string UnitName);
