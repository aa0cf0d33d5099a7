using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Law;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Deadlines;
using Portal.Web.Features.Records;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Staff;

/// <summary>Staff records: listing within the user's unit subtree, creating, and editing with optimistic concurrency.</summary>
public sealed class StaffService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, ObligationOpener obligations, SchoolClock clock,
    RecordRefresher refresher)
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
            var code = term.ToUpperInvariant();
            // Names hold no digits: a term with digits is a CCCD (prefix) or a staff code, and is looked up by their indexes only.
            rows = term.All(char.IsAsciiDigit) ? rows.Where(r => r.s.CitizenId.StartsWith(term) || r.s.StaffCode == code)
                : term.Any(char.IsAsciiDigit) ? rows.Where(r => r.s.StaffCode == code)
                : rows.Where(r => EF.Functions.Like(PortalDbFunctions.Fold(r.s.FullName), PortalDbFunctions.Fold(pattern)));
        }
        if (query.UnitId is { } unitId)
        {
            var unitPath = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            // The chosen unit and everything below it; the scope above already keeps it inside the user's subtree.
            rows = rows.Where(r => db.Units.Any(u => u.Id == r.s.UnitId && u.Path.StartsWith(unitPath)));
        }
        if (query.Gender is { } gender) rows = rows.Where(r => r.s.Gender == gender);
        // Leavers stay searchable, but only when asked for: the default view is the people in post (and drafts).
        rows = query.Status is { } status ? rows.Where(r => r.s.Status == status)
            : rows.Where(r => r.s.Status == StaffStatus.Active || r.s.Status == StaffStatus.Draft);
        if (!string.IsNullOrEmpty(query.TitleCode)) rows = rows.Where(r => r.s.TitleCode == query.TitleCode);
        if (!string.IsNullOrEmpty(query.QualificationCode)) rows = rows.Where(r => r.s.HighestQualificationCode == query.QualificationCode);
        if (query.PartyMember is { } party) rows = rows.Where(r => (r.s.PartyJoinedOn != null) == party);
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
            (nameof(StaffRow.CompletenessPercent), false) => rows.OrderBy(r => r.s.CompletenessPercent).ThenBy(r => r.s.Id),
            (nameof(StaffRow.CompletenessPercent), true) => rows.OrderByDescending(r => r.s.CompletenessPercent).ThenBy(r => r.s.Id),
            (nameof(StaffRow.ProfessionalTitle), false) => rows.OrderBy(r => r.s.ProfessionalTitle).ThenBy(r => r.s.Id),
            (nameof(StaffRow.ProfessionalTitle), true) => rows.OrderByDescending(r => r.s.ProfessionalTitle).ThenBy(r => r.s.Id),
            (_, true) => rows.OrderByDescending(r => r.s.FullName).ThenBy(r => r.s.Id),
            _ => rows.OrderBy(r => r.s.FullName).ThenBy(r => r.s.Id),
        };
        var items = await rows.Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(r => new StaffRow(r.s.Id, r.s.FullName, r.s.DateOfBirth, r.s.Gender, r.s.CitizenId, r.s.ProfessionalTitle,
                r.s.RecruitmentDecisionNumber, r.s.RecruitmentDecisionDate, r.UnitName, r.s.Status, r.s.CompletenessPercent, r.s.TitleCode))
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
        if (await CheckRecruitmentAgeAsync(db, form, ct) is { } tooYoungOrOld) return tooYoungOrOld;
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
        if (await CheckRecruitmentAgeAsync(db, form, ct) is { } tooYoungOrOld) return tooYoungOrOld;
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

    /// <summary>The age limits at recruitment are dated legal parameters (Luật Viên chức 2010 Art. 22), read for the recruitment date.</summary>
    private static async Task<SaveResult?> CheckRecruitmentAgeAsync(PortalDbContext db, StaffFormModel form, CancellationToken ct)
    {
        var born = DateOnly.FromDateTime(form.DateOfBirth!.Value);
        var recruited = DateOnly.FromDateTime(form.RecruitmentDecisionDate!.Value);
        var limits = await db.LegalParameters.AsNoTracking()
            .Where(p => p.Code == LegalParameterCodes.RecruitmentMinAge || p.Code == LegalParameterCodes.RecruitmentMaxAge).ToListAsync(ct);
        return RecruitmentAge.Violation(born, recruited, limits) is { } broken
            ? SaveResult.Field(nameof(StaffFormModel.DateOfBirth), string.Format(Strings.RecruitmentAgeInvalid,
                Age.On(born, recruited), broken.Min?.ToString() ?? "—", broken.Max?.ToString() ?? "—"))
            : null;
    }

    private static IQueryable<StaffMember> InScope(PortalDbContext db, UserScope scope) =>
        db.Staff.Where(s => scope.UnitIds(db).Contains(s.UnitId));

    private async Task<SaveResult> SaveAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await refresher.SaveAndRefreshAsync(db, id, ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, nameof(StaffMember), id, ct));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Field(nameof(StaffFormModel.CitizenId), Strings.CitizenIdTaken);
        }
    }

    private static string EscapeLike(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

public sealed record StaffQuery(string? Search, int Page, int PageSize, string? SortBy, bool Descending,
    Guid? UnitId = null, Gender? Gender = null, AgeBand? AgeBand = null, StaffStatus? Status = null, string? TitleCode = null,
    string? QualificationCode = null, bool? PartyMember = null);

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
    string RecruitmentDecisionNumber, DateOnly RecruitmentDecisionDate, string UnitName, StaffStatus Status, int CompletenessPercent,
    string? TitleCode);
