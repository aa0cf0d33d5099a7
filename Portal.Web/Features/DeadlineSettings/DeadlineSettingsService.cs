using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Deadlines;
using Portal.Domain.Mail;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Deadlines;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.DeadlineSettings;

/// <summary>
/// The Admin's settings of the deadline engine (cấu hình thời hạn): the dated rules and the rule sets each unit applies,
/// the yearly calendar adjustments, and the mail templates. Rules are never deleted, because obligations name them: a rule
/// ends by its last day in force.
/// </summary>
public sealed class DeadlineSettingsService(IDbContextFactory<PortalDbContext> contexts, CurrentUser user)
{
    private static readonly string[] Admin = [PortalRoles.Admin];

    /// <summary>Years the calendar is kept for; the lunar holidays are computed for 1900–2199.</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    public async Task<IReadOnlyList<RuleRow>> RulesAsync(CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.DeadlineRules.AsNoTracking().OrderBy(r => r.RuleSet).ThenBy(r => r.Code)
            .Select(r => new RuleRow(r.Id, r.Code, new RuleChange(r.Title, r.RuleSet, r.Trigger, r.Awaits, r.Responsible, r.Days, r.Counting,
                r.FixedMonth, r.FixedDay, r.LegalSource, r.InForceFrom, r.InForceUntil), r.Version))
            .ToListAsync(ct);
    }

    public async Task<SaveResult> AddRuleAsync(string code, RuleChange rule, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        var errors = Check(rule);
        code = code?.Trim() ?? "";
        if (code.Length == 0) errors["Code"] = Strings.CodeRequired;
        else if (code.Length > 100) errors["Code"] = Strings.TooLong;
        if (errors.Count > 0) return new SaveResult(null, errors, null);

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.DeadlineRules.AnyAsync(r => r.Code == code, ct)) return SaveResult.Field("Code", Strings.CodeTaken);
        var id = Guid.CreateVersion7();
        db.DeadlineRules.Add(new LegalDeadlineRule(id, code, rule.Title.Trim(), rule.RuleSet.Trim(), rule.Trigger, rule.Responsible, rule.Days,
            rule.Counting, rule.LegalSource.Trim(), rule.InForceFrom, rule.InForceUntil, rule.FixedMonth, rule.FixedDay, rule.Awaits));
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
        // Two administrators adding the same code at once: the unique index decides, and the second sees it on the field.
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Field("Code", Strings.CodeTaken);
        }
    }

    /// <summary>Changes a rule opened at <paramref name="version"/>; setting its last day in force ends it.</summary>
    public async Task<SaveResult> ChangeRuleAsync(Guid id, RuleChange rule, uint version, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        var errors = Check(rule);
        if (errors.Count > 0) return new SaveResult(null, errors, null);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var saved = await db.DeadlineRules.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (saved is null) return SaveResult.Failed(Strings.RuleNotFound);
        db.Entry(saved).Property(r => r.Version).OriginalValue = version;
        saved.Change(rule.Title.Trim(), rule.RuleSet.Trim(), rule.Trigger, rule.Responsible, rule.Days, rule.Counting, rule.LegalSource.Trim(),
            rule.InForceFrom, rule.InForceUntil, rule.FixedMonth, rule.FixedDay, rule.Awaits);
        return await SaveAsync(db, nameof(LegalDeadlineRule), id.ToString(), id, ct);
    }

    /// <summary>The field messages for a rule the domain would refuse, all at once, in Vietnamese.</summary>
    private static Dictionary<string, string> Check(RuleChange rule)
    {
        var errors = new Dictionary<string, string>();
        Text(errors, "Title", rule.Title, 300, Strings.RuleTitleRequired);
        Text(errors, "RuleSet", rule.RuleSet, 50, Strings.RuleSetRequired);
        Text(errors, "LegalSource", rule.LegalSource, 500, Strings.LegalSourceRequired);
        if (!Enum.IsDefined(rule.Trigger)) errors["Trigger"] = Strings.ChooseValue;
        if (!Enum.IsDefined(rule.Awaits)) errors["Awaits"] = Strings.ChooseValue;
        if (!Enum.IsDefined(rule.Responsible)) errors["Responsible"] = Strings.ChooseValue;
        if (!Enum.IsDefined(rule.Counting)) errors["Counting"] = Strings.ChooseValue;
        if (rule.Days < 0) errors["Days"] = Strings.RuleDaysNegative;
        if (rule.InForceUntil < rule.InForceFrom) errors["InForceUntil"] = Strings.TitleEndBeforeStart;
        if (!LegalDeadlineRule.IsYearlyTrigger(rule.Trigger))
        {
            if (rule.FixedMonth is not null || rule.FixedDay is not null) errors["FixedDay"] = Strings.RuleFixedDayForEvent;
        }
        else if (rule.FixedMonth is not (>= 1 and <= 12)) errors["FixedMonth"] = Strings.RuleFixedMonthInvalid;
        else if (rule.FixedDay is not { } day || !LegalDeadlineRule.IsDayOfEveryYear(rule.FixedMonth.Value, day))
            errors["FixedDay"] = Strings.RuleFixedDayInvalid;
        return errors;
    }

    private static void Text(Dictionary<string, string> errors, string field, string? value, int length, string required)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = required;
        else if (value.Trim().Length > length) errors[field] = Strings.TooLong;
    }

    /// <summary>
    /// The units of the Admin's subtree in tree order (each under its parent, siblings by name) with the rule sets they
    /// apply, and the sets there are to choose from: those the rules name, and any a unit still applies.
    /// </summary>
    public async Task<UnitRuleSets> UnitRuleSetsAsync(CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(Admin, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Path.StartsWith(scope.UnitPath))
            .Select(u => new { u.Id, u.ParentId, u.Name, u.DeadlineRuleSets, u.Version }).ToListAsync(ct);
        var sets = await db.DeadlineRules.AsNoTracking().Where(r => r.RuleSet != "").Select(r => r.RuleSet).Distinct().ToListAsync(ct);

        var children = units.ToLookup(u => u.ParentId);
        var byName = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        var rows = new List<UnitSetsRow>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var unit in children[parent].OrderBy(u => u.Name, byName))
            {
                rows.Add(new UnitSetsRow(unit.Id, unit.Name, depth, unit.DeadlineRuleSets, unit.Version));
                Walk(unit.Id, depth + 1);
            }
        }
        var ids = units.Select(u => u.Id).ToHashSet();
        foreach (var top in units.Where(u => u.ParentId is not { } p || !ids.Contains(p)).Select(u => u.ParentId).Distinct()) Walk(top, 0);
        var columns = sets.Concat(units.SelectMany(u => u.DeadlineRuleSets)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new UnitRuleSets(columns, rows);
    }

    /// <summary>The rule sets a unit of the Admin's subtree applies, opened at <paramref name="version"/>; at least one.</summary>
    public async Task<SaveResult> ApplyRuleSetsAsync(Guid unitId, IReadOnlyCollection<string> sets, uint version, CancellationToken ct = default)
    {
        var scope = await user.RequireAsync(Admin, ct);
        var chosen = sets.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0) return SaveResult.Field("RuleSets", Strings.UnitRuleSetsRequired);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Id == unitId && u.Path.StartsWith(scope.UnitPath), ct)
            ?? throw new ForbiddenException(Strings.AccountUnitNotYours);
        var known = await db.DeadlineRules.Where(r => chosen.Contains(r.RuleSet)).Select(r => r.RuleSet).Distinct().ToListAsync(ct);
        if (chosen.FirstOrDefault(s => !known.Contains(s) && !unit.DeadlineRuleSets.Contains(s)) is { } unknown)
            return SaveResult.Field("RuleSets", string.Format(Strings.RuleSetUnknown, unknown));
        db.Entry(unit).Property(u => u.Version).OriginalValue = version;
        unit.ApplyRuleSets(chosen);
        return await SaveAsync(db, nameof(OrgUnit), unitId.ToString(), unitId, ct);
    }

    /// <summary>
    /// A year of the working calendar as the deadlines count it: the named days off and working days, the holiday
    /// definitions, and the year's adjustments.
    /// </summary>
    public async Task<CalendarYear> CalendarAsync(int year, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, LastYear);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var calendar = await WorkingCalendars.LoadAsync(db, year, year, ct);
        var holidays = await db.PublicHolidays.AsNoTracking().OrderBy(h => h.Calendar).ThenBy(h => h.Month).ThenBy(h => h.Day).ThenBy(h => h.InForceFrom)
            .Select(h => new HolidayRow(h.Code, h.Name, h.Calendar, h.Month, h.Day, h.OffsetDays, h.Days, h.CompensationSource, h.LegalSource,
                h.InForceFrom, h.InForceUntil))
            .ToListAsync(ct);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var adjustments = await db.CalendarAdjustments.AsNoTracking().Where(a => a.Date >= first && a.Date <= last).OrderBy(a => a.Date).ToListAsync(ct);
        return new CalendarYear(year, calendar.DaysIn(year), holidays, adjustments);
    }

    /// <summary>Records a day the yearly decision makes off or working; one per date.</summary>
    public async Task<SaveResult> AddAdjustmentAsync(CalendarAdjustment adjustment, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        var errors = new Dictionary<string, string>();
        if (adjustment.Date.Year is < FirstYear or > LastYear) errors["Date"] = string.Format(Strings.AdjustmentYearOutOfRange, FirstYear, LastYear);
        if (!Enum.IsDefined(adjustment.Kind)) errors["Kind"] = Strings.ChooseValue;
        Text(errors, "Reason", adjustment.Reason, 300, Strings.ReasonRequired);
        Text(errors, "LegalSource", adjustment.LegalSource, 500, Strings.LegalSourceRequired);
        if (errors.Count > 0) return new SaveResult(null, errors, null);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var taken = Strings.AdjustmentDateTaken;
        if (await db.CalendarAdjustments.AnyAsync(a => a.Date == adjustment.Date, ct)) return SaveResult.Field("Date", taken);
        db.CalendarAdjustments.Add(adjustment with { Reason = adjustment.Reason.Trim(), LegalSource = adjustment.LegalSource!.Trim() });
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(Guid.Empty);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Field("Date", taken);
        }
    }

    /// <summary>Removes an adjustment entered by mistake or revoked; the log keeps what it said.</summary>
    public async Task<SaveResult> RemoveAdjustmentAsync(DateOnly date, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var adjustment = await db.CalendarAdjustments.SingleOrDefaultAsync(a => a.Date == date, ct);
        if (adjustment is null) return SaveResult.Failed(Strings.AdjustmentNotFound);
        db.CalendarAdjustments.Remove(adjustment);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(Guid.Empty);
    }

    public async Task<IReadOnlyList<TemplateRow>> TemplatesAsync(CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MailTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateRow(t.Key, t.Name, t.Subject, t.Body, t.Placeholders, t.Version)).ToListAsync(ct);
    }

    /// <summary>Rewords a mail opened at <paramref name="version"/>; a placeholder it does not offer is refused on its field.</summary>
    public async Task<SaveResult> SaveTemplateAsync(string key, string subject, string body, uint version, CancellationToken ct = default)
    {
        await user.RequireAsync(Admin, ct);
        var errors = new Dictionary<string, string>();
        Text(errors, "Subject", subject, 300, Strings.MailSubjectRequired);
        Text(errors, "Body", body, int.MaxValue, Strings.MailBodyRequired);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var template = await db.MailTemplates.SingleOrDefaultAsync(t => t.Key == key, ct);
        if (template is null) return SaveResult.Failed(Strings.MailTemplateNotFound);
        foreach (var (field, text) in new[] { ("Subject", subject), ("Body", body) })
            if (text is not null && template.UnknownPlaceholders(text).ToList() is { Count: > 0 } unknown)
                errors.TryAdd(field, UnknownMessage(unknown));
        if (errors.Count > 0) return new SaveResult(null, errors, null);

        db.Entry(template).Property(t => t.Version).OriginalValue = version;
        template.Change(subject, body);
        return await SaveAsync(db, nameof(MailTemplate), key, Guid.Empty, ct);
    }

    /// <summary>"Không có chỗ điền {{HoTenn}} trong mẫu thư này", the same words in the editor and on saving.</summary>
    public static string UnknownMessage(IEnumerable<string> placeholders) =>
        string.Format(Strings.MailUnknownPlaceholders, string.Join(", ", placeholders.Select(p => "{{" + p + "}}")));

    /// <summary>Saves an edit of a row opened at a version; a stale version names who changed it since.</summary>
    private static async Task<SaveResult> SaveAsync(PortalDbContext db, string entity, string key, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Saved(id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Failed(await Conflicts.MessageAsync(db, entity, key, Strings.SettingChangedBy, Strings.SettingChangedUnknown, ct));
        }
    }
}

/// <summary>What an administrator may set on a rule; the code is fixed once obligations cite it.</summary>
public sealed record RuleChange(string Title, string RuleSet, DeadlineTrigger Trigger, RuleAwaits Awaits, ResponsibleParty Responsible,
    int Days, DayCounting Counting, int? FixedMonth, int? FixedDay, string LegalSource, DateOnly InForceFrom, DateOnly? InForceUntil);

public sealed record RuleRow(Guid Id, string Code, RuleChange Rule, uint Version);

public sealed record UnitSetsRow(Guid Id, string Name, int Depth, IReadOnlyList<string> Sets, uint Version);

public sealed record UnitRuleSets(IReadOnlyList<string> Sets, IReadOnlyList<UnitSetsRow> Units);

public sealed record HolidayRow(string Code, string Name, CalendarSystem Calendar, int Month, int Day, int OffsetDays, int Days,
    string? CompensationSource, string LegalSource, DateOnly InForceFrom, DateOnly? InForceUntil);

public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Days, IReadOnlyList<HolidayRow> Holidays,
    IReadOnlyList<CalendarAdjustment> Adjustments);

public sealed record TemplateRow(string Key, string Name, string Subject, string Body, IReadOnlyList<string> Placeholders, uint Version);
