using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Law;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.LegalParameters;

/// <summary>
/// Administration of the legal parameters (tham số pháp lý): every number the rules read (base salary, raise extensions,
/// allowance rates, the retirement road map …), dated, with its legal source. Rows are never deleted: a value the law
/// replaces ends the day before the new one starts, so a salary of 2025 is still computed with the base salary of 2025.
/// A code has at most one value on any day; the service says so on the field, and the exclusion constraint
/// <c>ex_legal_parameters_no_overlap</c> (migration LegalDataNoOverlap) holds it when two administrators save at once.
/// </summary>
public sealed class LegalParameterService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user)
{
    private static readonly string[] Admin = [PortalRoles.Admin];
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// Every row, by code then date; with <paramref name="search"/>, the codes whose code or title contains it, accents
    /// optional ("luong co so" finds "Mức lương cơ sở"), with all their rows.
    /// </summary>
    public async Task<IReadOnlyList<ParameterRow>> ListAsync(string? search = null, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.LegalParameters.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{EscapeLike(search.Trim())}%";
            rows = rows.Where(p => db.LegalParameters.Any(q => q.Code == p.Code
                && (EF.Functions.Like(PortalDbFunctions.Fold(q.Code), PortalDbFunctions.Fold(pattern))
                    || EF.Functions.Like(PortalDbFunctions.Fold(q.Title), PortalDbFunctions.Fold(pattern)))));
        }
        return await rows.OrderBy(p => p.Code).ThenBy(p => p.InForceFrom)
            .Select(p => new ParameterRow(p.Id, p.Code, p.Title, p.Value, p.InForceFrom, p.InForceUntil, p.LegalSource, p.Version))
            .ToListAsync(ct);
    }

    /// <summary>Corrects a row opened at <paramref name="version"/>; its period may not overlap another row of its code.</summary>
    public async Task<SaveResult> ChangeAsync(Guid id, ParameterChange change, uint version, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        var errors = Check(change.Value, change.LegalSource);
        if (string.IsNullOrWhiteSpace(change.Title)) errors["Title"] = Strings.ParameterTitleRequired;
        if (change.InForceUntil < change.InForceFrom) errors["InForceUntil"] = Strings.TitleEndBeforeStart;
        if (errors.Count > 0) return new SaveResult(null, errors, null);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.LegalParameters.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (row is null) return SaveResult.Failed(Strings.ParameterNotFound);
        if (ValueProblem(row.Code, change.Value!.Value) is { } problem) return SaveResult.Field("Value", problem);
        var others = await db.LegalParameters.AsNoTracking().Where(p => p.Code == row.Code && p.Id != id).ToListAsync(ct);
        if (others.OrderBy(p => p.InForceFrom).FirstOrDefault(p => p.Overlaps(change.InForceFrom, change.InForceUntil)) is { } other)
            // A later row is met by the end of the period, an earlier one by its start.
            return SaveResult.Field(other.InForceFrom > change.InForceFrom ? "InForceUntil" : "InForceFrom", OverlapMessage(other));

        db.Entry(row).Property(p => p.Version).OriginalValue = version;
        row.Apply(change.Title, change.Value!.Value, change.InForceFrom, change.InForceUntil, change.LegalSource);
        return await SaveAsync(db, id, ct);
    }

    /// <summary>
    /// A new value of <paramref name="code"/> from <see cref="NewParameterValue.InForceFrom"/>, open-ended; in the same
    /// transaction the code's open row, which the dialog saw as <paramref name="opened"/> (null: none was open), ends the day
    /// before. The title is the code's: the rules read the code, the title only explains it.
    /// </summary>
    public async Task<SaveResult> AddValueAsync(string code, NewParameterValue value, OpenedRow? opened, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        var errors = Check(value.Value, value.LegalSource);
        if (errors.Count > 0) return new SaveResult(null, errors, null);
        if (ValueProblem(code, value.Value!.Value) is { } problem) return SaveResult.Field("Value", problem);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = await db.LegalParameters.Where(p => p.Code == code).OrderBy(p => p.InForceFrom).ToListAsync(ct);
        if (rows.Count == 0) return SaveResult.Failed(Strings.ParameterNotFound);
        var open = rows.LastOrDefault(p => p.InForceUntil is null);
        // Someone added or ended a value since the dialog opened: ending what is open now could end their value, not the one shown.
        if (open?.Id != opened?.Id) return SaveResult.Failed(await ConflictAsync(db, open?.Id ?? opened!.Id, ct));
        if (open is not null && open.InForceFrom >= value.InForceFrom)
            return SaveResult.Field("InForceFrom", string.Format(Strings.ParameterNewFromNotAfterOpen, open.InForceFrom.ToString("dd/MM/yyyy")));
        if (rows.FirstOrDefault(p => p != open && p.Overlaps(value.InForceFrom, null)) is { } later)
            return SaveResult.Field("InForceFrom", OverlapMessage(later));

        var id = Guid.CreateVersion7();
        try
        {
            // Two saves in one transaction, ending the open row before the new one is inserted: the exclusion constraint
            // is checked row by row, and one save's statement order is EF Core's to choose.
            if (open is not null)
            {
                db.Entry(open).Property(p => p.Version).OriginalValue = opened!.Version;
                open.EndOn(value.InForceFrom.AddDays(-1));
                await db.SaveChangesAsync(ct);
            }
            db.LegalParameters.Add(new LegalParameter(id, code, (open ?? rows[^1]).Title, value.Value!.Value, value.InForceFrom, null,
                value.LegalSource.Trim()));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await ConflictAsync(db, open!.Id, ct));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
        {
            return SaveResult.Field("InForceFrom", Strings.ParameterOverlapsUnknown);
        }
    }

    /// <summary>
    /// What a code's value must be for the rules that read it: never negative; months, years, days and head counts whole;
    /// periods and the quota's "one per N people" at least 1 (0 would never end a period or divide the payroll by zero).
    /// </summary>
    internal static string? ValueProblem(string code, decimal value)
    {
        if (value < 0) return Strings.ParameterValueNegative;
        var counted = code.EndsWith("months", StringComparison.Ordinal) || code.EndsWith("years", StringComparison.Ordinal) || code.Contains("-years.", StringComparison.Ordinal)
            || code.EndsWith("-days", StringComparison.Ordinal) || code.EndsWith("-people", StringComparison.Ordinal) || code.EndsWith("from-year", StringComparison.Ordinal)
            || code.StartsWith("raise.extension.", StringComparison.Ordinal);
        if (counted && value != decimal.Truncate(value)) return Strings.ParameterValueWhole;
        var atLeastOne = code.EndsWith("-people", StringComparison.Ordinal) || code == "pctnvk.step-months"
            || code.EndsWith("base-months", StringComparison.Ordinal) || code.EndsWith("cap-months", StringComparison.Ordinal)
            || code.EndsWith("first-months", StringComparison.Ordinal) || code == "salary.base";
        return atLeastOne && value < 1 ? Strings.ParameterValueAtLeastOne : null;
    }

    private static Dictionary<string, string> Check(decimal? value, string? legalSource)
    {
        var errors = new Dictionary<string, string>();
        if (value is null) errors["Value"] = Strings.ParameterValueRequired;
        if (string.IsNullOrWhiteSpace(legalSource)) errors["LegalSource"] = Strings.LegalSourceRequired;
        return errors;
    }

    /// <summary>"Trùng thời gian hiệu lực với giá trị 2.340.000 (01/07/2024 – 30/06/2026) của cùng mã."</summary>
    private static string OverlapMessage(LegalParameter other) => string.Format(Strings.ParameterOverlaps, FormatValue(other.Value),
        other.InForceFrom.ToString("dd/MM/yyyy"), other.InForceUntil?.ToString("dd/MM/yyyy") ?? "…");

    /// <summary>A value as Vietnamese documents write it: 2.530.000, 0,35, 5.</summary>
    public static string FormatValue(decimal value) => value.ToString("#,0.####", Vietnamese);

    private async Task<SaveResult> SaveAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await ConflictAsync(db, id, ct));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
        {
            return SaveResult.Field("InForceFrom", Strings.ParameterOverlapsUnknown);
        }
    }

    private static Task<string> ConflictAsync(PortalDbContext db, Guid id, CancellationToken ct) =>
        Conflicts.MessageAsync(db, nameof(LegalParameter), id.ToString(), Strings.SettingChangedBy, Strings.SettingChangedUnknown, ct);

    private static string EscapeLike(string s) => s.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}

/// <summary>One dated value of a parameter, as the table shows it.</summary>
public sealed record ParameterRow(Guid Id, string Code, string Title, decimal Value, DateOnly InForceFrom, DateOnly? InForceUntil,
    string LegalSource, uint Version)
{
    public bool InForceOn(DateOnly date) => InForceFrom <= date && (InForceUntil is null || InForceUntil >= date);
}

/// <summary>What an administrator may correct on a row; the code is fixed, as the rules read it.</summary>
public sealed record ParameterChange(string Title, decimal? Value, DateOnly InForceFrom, DateOnly? InForceUntil, string LegalSource);

/// <summary>A value the law sets from a date (giá trị mới từ ngày).</summary>
public sealed record NewParameterValue(decimal? Value, DateOnly InForceFrom, string LegalSource);
