using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Domain.Salary;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Salary;

/// <summary>A school as its salary settings show it.</summary>
/// <remarks><see cref="LevelsStamp"/> names the school's own levels as they were read; a save over other ones is refused.</remarks>
public sealed record SchoolSetting(Guid Id, string Name, SchoolLevel? Level, SchoolArea? Area, int? SchoolClass, uint Version,
    bool OwnLevels, IReadOnlyList<LevelLine> Levels, string LevelsStamp);

/// <summary>One early-raise level as edited.</summary>
public sealed class LevelLine
{
    public string FormPrefix { get; set; } = "";
    public int MonthsEarly { get; set; } = 6;
    public int Rank { get; set; } = 1;
}

/// <summary>
/// What each school sets for the salary rules: its profile (level, area, class), which the teacher allowances read, and
/// its early-raise levels (its own regulation, or the portal's defaults). The principal sets their school's; the Admin any
/// school of their subtree. Every change is audited by the interceptor.
/// </summary>
public sealed class SalarySettingsService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user, SchoolClock clock)
{
    public async Task<IReadOnlyList<SchoolSetting>> SchoolsAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var schools = await db.Units.AsNoTracking().Where(u => scope.UnitIds(db).Contains(u.Id) && u.Kind == OrgUnitKind.School)
            .OrderBy(u => u.Name).ToListAsync(ct);
        var ids = schools.Select(s => s.Id).ToList();
        var levels = await db.EarlyRaiseLevels.AsNoTracking().Where(l => l.UnitId == null || ids.Contains(l.UnitId!.Value))
            .OrderBy(l => l.Rank).ThenByDescending(l => l.MonthsEarly).ThenBy(l => l.FormPrefix).ToListAsync(ct);
        var defaults = levels.Where(l => l.UnitId is null).ToList();
        return schools.Select(s =>
        {
            var own = levels.Where(l => l.UnitId == s.Id).ToList();
            var shown = (own.Count > 0 ? own : defaults).Select(l => new LevelLine { FormPrefix = l.FormPrefix, MonthsEarly = l.MonthsEarly, Rank = l.Rank }).ToList();
            return new SchoolSetting(s.Id, s.Name, s.SchoolLevel, s.SchoolArea, s.SchoolClass, s.Version, own.Count > 0, shown, Stamp(own));
        }).ToList();
    }

    public async Task<SaveResult> SaveProfileAsync(Guid unitId, uint version, SchoolLevel? level, SchoolArea? area, int? schoolClass, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        if (schoolClass is < 1 or > 3) return SaveResult.Field("SchoolClass", Strings.SchoolClassInvalid);
        if ((level is null) != (area is null)) return SaveResult.Field("Area", Strings.SchoolProfileIncomplete);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId && u.Kind == OrgUnitKind.School && scope.UnitIds(db).Contains(u.Id), ct)
            ?? throw new ForbiddenException(Strings.AccountUnitNotYours);
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        unit.ApplySchoolProfile(level, area, schoolClass);
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(unitId);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, nameof(OrgUnit), unitId.ToString(), Strings.SettingChangedBy, Strings.SettingChangedUnknown, ct));
        }
    }

    /// <summary>
    /// Replaces the school's own early-raise levels; an empty list returns it to the portal's defaults. <paramref name="source"/>
    /// names the unit's regulation (quy chế) the levels come from.
    /// </summary>
    public async Task<SaveResult> SaveLevelsAsync(Guid unitId, IReadOnlyList<LevelLine> lines, string? source, string readStamp, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(PortalRoles.Overseers, ct);
        var cleaned = lines.Where(l => !string.IsNullOrWhiteSpace(l.FormPrefix)).ToList();
        if (cleaned.Count > 0 && string.IsNullOrWhiteSpace(source)) return SaveResult.Field("Source", Strings.EarlyLevelsSourceRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The law caps the months early (TT 08/2013 Art. 3: up to 12); the cap is a dated parameter like every legal number.
        var law = await SalaryFactsLoader.LawAsync(db, ct);
        if (law.Find(SalaryCodes.EarlyMaxMonths, clock.Today) is not { } cap)
            return SaveResult.Failed(string.Format(Strings.SalaryParameterMissing, SalaryCodes.EarlyMaxMonths, clock.Today.ToString("dd/MM/yyyy")));
        var max = (int)cap.Value;
        if (cleaned.FirstOrDefault(l => l.MonthsEarly < 0 || l.MonthsEarly > max) is { } months)
            return SaveResult.Field("Levels", string.Format(Strings.EarlyLevelMonthsInvalid, months.FormPrefix, max));
        if (cleaned.FirstOrDefault(l => l.Rank < 1) is { } rank) return SaveResult.Field("Levels", string.Format(Strings.EarlyLevelRankInvalid, rank.FormPrefix));
        if (cleaned.GroupBy(l => Portal.Domain.Diacritics.Fold(l.FormPrefix)).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return SaveResult.Field("Levels", string.Format(Strings.EarlyLevelTwice, twice.First().FormPrefix));
        if (!await db.Units.AnyAsync(u => u.Id == unitId && u.Kind == OrgUnitKind.School && scope.UnitIds(db).Contains(u.Id), ct))
            throw new ForbiddenException(Strings.AccountUnitNotYours);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The school's row is the lock: two principals saving at once take turns, and the second finds the first's levels.
        await db.Database.SqlQuery<Guid>($"""SELECT "Id" AS "Value" FROM org_units WHERE "Id" = {unitId} FOR UPDATE""").ToListAsync(ct);
        var current = await db.EarlyRaiseLevels.Where(l => l.UnitId == unitId).ToListAsync(ct);
        if (Stamp(current) != readStamp) return SaveResult.Failed(Strings.EarlyLevelsChanged);
        db.EarlyRaiseLevels.RemoveRange(current);
        foreach (var l in cleaned)
            db.EarlyRaiseLevels.Add(new EarlyRaiseLevel(Guid.CreateVersion7(), unitId, l.FormPrefix, l.MonthsEarly, l.Rank, source!.Trim()));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return SaveResult.Saved(unitId);
    }

    /// <summary>The school's own levels as read: their ids and row versions (empty when it uses the defaults).</summary>
    private static string Stamp(IEnumerable<EarlyRaiseLevel> own) =>
        string.Join(";", own.OrderBy(l => l.Id).Select(l => $"{l.Id:N}:{l.Version}"));
}
