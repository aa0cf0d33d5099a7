using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Reference;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.SalaryScale;

/// <summary>
/// Administration of the salary scale (bảng hệ số lương, NĐ 204/2004 Bảng 3): each group's coefficient per step and the
/// months a regular raise needs, dated. A new scale replaces a group's rows as a whole from a date: the rows in force end
/// the day before and the new rows start, so past salaries keep the coefficients of their time. A step has at most one
/// coefficient on any day; the exclusion constraint <c>ex_salary_scale_steps_no_overlap</c> holds it when two saves race.
/// </summary>
public sealed class SalaryScaleService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user)
{
    private static readonly string[] Admin = [PortalRoles.Admin];

    /// <summary>The most steps a group may have; the longest groups of Bảng 3 (B, C) have 12.</summary>
    public const int MaxSteps = 20;

    /// <summary>The order Bảng 3 of NĐ 204/2004 lists the groups in; a group it does not list comes after, by name.</summary>
    private static readonly string[] TableOrder = ["A3.1", "A3.2", "A2.1", "A2.2", "A1", "A0", "B", "C1", "C2", "C3"];

    /// <summary>Each group's steps as in force on <paramref name="on"/>, in the order of the table.</summary>
    public async Task<IReadOnlyList<ScaleGroup>> OnAsync(DateOnly on, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var steps = await Rows(db.SalaryScale.AsNoTracking().Where(s => s.InForceFrom <= on && (s.InForceUntil == null || s.InForceUntil >= on)), ct);
        return [.. steps.GroupBy(s => s.Group).Select(g => Group([.. g]))
            .OrderBy(g => Array.IndexOf(TableOrder, g.Group) is var i and >= 0 ? i : TableOrder.Length).ThenBy(g => g.Group, StringComparer.Ordinal)];
    }

    /// <summary>The group's open rows (no end date), which a new scale ends; null when the group has none.</summary>
    public async Task<ScaleGroup?> OpenAsync(string group, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var steps = await Rows(db.SalaryScale.AsNoTracking().Where(s => s.Group == group && s.InForceUntil == null), ct);
        return steps.Count == 0 ? null : Group(steps);
    }

    /// <summary>
    /// A new scale for a group from a date (bảng hệ số mới từ ngày), in one transaction: the group's open rows, which the dialog
    /// saw as <paramref name="opened"/>, end the day before, and one row per step starts. Field keys of the messages:
    /// <c>Coefficients[i]</c> for step i + 1, and the names of <see cref="NewScale"/>.
    /// </summary>
    public async Task<SaveResult> NewScaleAsync(NewScale scale, IReadOnlyList<OpenedRow> opened, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        var errors = Check(scale);
        if (errors.Count > 0) return new SaveResult(null, errors, null);
        var coefficients = scale.Coefficients.Select(c => c!.Value).ToList();

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.SalaryScale.Where(s => s.Group == scale.Group).ToListAsync(ct);
        if (rows.Count == 0) return SaveResult.Failed(Strings.SalaryGroupUnknown);
        var open = rows.Where(s => s.InForceUntil is null).ToList();
        var versions = opened.ToDictionary(o => o.Id, o => o.Version);
        // Someone saved a scale for this group since the dialog opened: ending the rows open now would end theirs.
        var changed = open.Select(s => s.Id).Where(id => !versions.ContainsKey(id))
            .Concat(versions.Keys.Where(id => open.All(s => s.Id != id))).Select(id => (Guid?)id).FirstOrDefault();
        if (changed is { } changedId) return SaveResult.Failed(await ConflictAsync(db, changedId, ct));
        if (open.Count > 0 && open.Max(s => s.InForceFrom) is var current && scale.InForceFrom <= current)
            return SaveResult.Field(nameof(NewScale.InForceFrom), string.Format(Strings.ScaleFromNotAfterCurrent, current.ToString("dd/MM/yyyy")));
        if (rows.Except(open).OrderBy(s => s.Step).FirstOrDefault(s => s.Step <= coefficients.Count && s.InForceUntil >= scale.InForceFrom) is { } later)
            return SaveResult.Field(nameof(NewScale.InForceFrom), string.Format(Strings.ScaleOverlaps, later.Step, later.InForceFrom.ToString("dd/MM/yyyy")));

        try
        {
            // Two saves in one transaction, the old rows ended before the new ones are inserted: the exclusion constraint
            // is checked row by row, and one save's statement order is EF Core's to choose.
            foreach (var step in open)
            {
                db.Entry(step).Property(s => s.Version).OriginalValue = versions[step.Id];
                step.EndOn(scale.InForceFrom.AddDays(-1));
            }
            if (open.Count > 0) await db.SaveChangesAsync(ct);
            for (var i = 0; i < coefficients.Count; i++)
                db.SalaryScale.Add(new SalaryScaleStep(Guid.CreateVersion7(), scale.Group, i + 1, coefficients[i], scale.RaiseIntervalMonths,
                    scale.InForceFrom, null, scale.LegalSource.Trim()));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SaveResult.Saved(Guid.Empty);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var step = e.Entries.Select(x => x.Entity).OfType<SalaryScaleStep>().FirstOrDefault() ?? open[0];
            return SaveResult.Failed(await ConflictAsync(db, step.Id, ct));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException
                                          { SqlState: PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Field(nameof(NewScale.InForceFrom), Strings.ScaleOverlapsUnknown);
        }
    }

    /// <summary>
    /// Every step has a coefficient above 0 that fits numeric(5,2) and pays more than the step before (A1: 2,34 → 2,67 → …);
    /// a raise needs 1 to 120 months; the source is named.
    /// </summary>
    private static Dictionary<string, string> Check(NewScale scale)
    {
        var errors = new Dictionary<string, string>();
        if (scale.Coefficients.Count is 0 or > MaxSteps) errors[nameof(NewScale.Coefficients)] = Strings.StepInvalid;
        for (var i = 0; i < scale.Coefficients.Count; i++)
            if (scale.Coefficients[i] is not { } c || c <= 0 || c >= 1000 || decimal.Round(c, 2) != c)
                errors[$"{nameof(NewScale.Coefficients)}[{i}]"] = Strings.ScaleCoefficientInvalid;
        if (errors.Count == 0 && SalaryScaleStep.FirstNotIncreasing([.. scale.Coefficients.Select(c => c!.Value)]) is { } bad)
            errors[$"{nameof(NewScale.Coefficients)}[{bad}]"] = string.Format(Strings.ScaleCoefficientNotIncreasing, Money.Coefficient(scale.Coefficients[bad - 1]!.Value));
        if (scale.RaiseIntervalMonths is < 1 or > 120) errors[nameof(NewScale.RaiseIntervalMonths)] = Strings.ScaleRaiseIntervalInvalid;
        if (string.IsNullOrWhiteSpace(scale.LegalSource)) errors[nameof(NewScale.LegalSource)] = Strings.LegalSourceRequired;
        return errors;
    }

    private static Task<List<ScaleStepRow>> Rows(IQueryable<SalaryScaleStep> steps, CancellationToken ct) =>
        steps.OrderBy(s => s.Group).ThenBy(s => s.Step)
            .Select(s => new ScaleStepRow(s.Id, s.Group, s.Step, s.Coefficient, s.RaiseIntervalMonths, s.InForceFrom, s.InForceUntil, s.LegalSource, s.Version))
            .ToListAsync(ct);

    /// <summary>A group's steps, dated and sourced as its first step is (a scale is entered for a whole group at once).</summary>
    private static ScaleGroup Group(List<ScaleStepRow> steps) =>
        new(steps[0].Group, steps[0].RaiseIntervalMonths, steps[0].InForceFrom, steps[0].InForceUntil, steps[0].LegalSource, steps);

    private static Task<string> ConflictAsync(PortalDbContext db, Guid id, CancellationToken ct) =>
        Conflicts.MessageAsync(db, nameof(SalaryScaleStep), id.ToString(), Strings.SettingChangedBy, Strings.SettingChangedUnknown, ct);
}

public sealed record ScaleStepRow(Guid Id, string Group, int Step, decimal Coefficient, int RaiseIntervalMonths, DateOnly InForceFrom,
    DateOnly? InForceUntil, string LegalSource, uint Version);

/// <summary>A group's steps over one period (nhóm ngạch), with the months a regular raise needs.</summary>
public sealed record ScaleGroup(string Group, int RaiseIntervalMonths, DateOnly InForceFrom, DateOnly? InForceUntil, string LegalSource,
    IReadOnlyList<ScaleStepRow> Steps);

/// <summary>The coefficients of steps 1, 2, … of a group from a date, as the admin typed them.</summary>
public sealed record NewScale(string Group, IReadOnlyList<decimal?> Coefficients, int RaiseIntervalMonths, DateOnly InForceFrom, string LegalSource);
