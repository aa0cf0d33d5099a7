using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Deadlines;
using Portal.Domain.Dossier;
using Portal.Domain.Law;
using Portal.Domain.Mail;
using Portal.Domain.Reference;
using Portal.Domain.Salary;

namespace Portal.Infrastructure.Data.Seed;

/// <summary>
/// Legal reference data shipped with the portal (deadline rules with their sources and dates). Seeded once by id;
/// an administrator's later edits in the database are never overwritten by a restart.
/// </summary>
public static class ReferenceData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct = default)
    {
        var existing = await db.DeadlineRules.Select(r => r.Id).ToListAsync(ct);
        foreach (var rule in Load<RuleSeed>("deadline-rules.json").Where(r => !existing.Contains(r.Id)))
            db.DeadlineRules.Add(new LegalDeadlineRule(rule.Id, rule.Code, rule.Title, rule.RuleSet, rule.Trigger, rule.Responsible, rule.Days,
                rule.Counting, rule.LegalSource, rule.InForceFrom, rule.InForceUntil, rule.FixedMonth, rule.FixedDay, rule.Awaits));
        await SeedHolidaysAsync(db, ct);
        await SeedMailTemplatesAsync(db, ct);
        await db.SaveChangesAsync(ct);

        await SeedListsAsync(db, ct);
        await SeedTitlesAsync(db, ct);
        await SeedSalaryScaleAsync(db, ct);
        await SeedDossierItemsAsync(db, ct);
        await SeedLegalParametersAsync(db, ct);
        await SeedEarlyRaiseLevelsAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The portal's default early-raise levels (no unit): units with rules of their own use theirs instead.</summary>
    private static async Task SeedEarlyRaiseLevelsAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.EarlyRaiseLevels.Select(l => l.Id).ToListAsync(ct);
        foreach (var l in Load<EarlyRaiseSeed>("early-raise-levels.json").Where(l => !existing.Contains(l.Id)))
            db.EarlyRaiseLevels.Add(new EarlyRaiseLevel(l.Id, null, l.FormPrefix, l.MonthsEarly, l.Rank, l.Source));
    }

    /// <summary>Labour Code holidays and the Prime Minister's yearly adjustments (holidays.json); admins add later years' adjustments.</summary>
    private static async Task SeedHolidaysAsync(PortalDbContext db, CancellationToken ct)
    {
        var seed = LoadOne<HolidaySeed>("holidays.json");
        var holidays = await db.PublicHolidays.Select(h => h.Id).ToListAsync(ct);
        foreach (var h in seed.Definitions.Where(h => !holidays.Contains(h.Id)))
            db.PublicHolidays.Add(new PublicHoliday(h.Id, h.Code, h.Name, h.Calendar, h.Month, h.Day, h.OffsetDays, h.Days,
                h.CompensationSource, h.LegalSource, h.InForceFrom, h.InForceUntil));
        var adjusted = await db.CalendarAdjustments.Select(a => a.Date).ToListAsync(ct);
        // A shipped adjustment the Admin removed stays removed: the log remembers the removal, which a restart must not undo.
        var removed = await db.AuditEntries.Where(a => a.Entity == nameof(CalendarAdjustment) && a.Action == AuditAction.Deleted)
            .Select(a => a.EntityKey).Distinct().ToListAsync(ct);
        foreach (var a in seed.Adjustments.Where(a => !adjusted.Contains(a.Date)
                     && !removed.Contains(a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))
            db.CalendarAdjustments.Add(new CalendarAdjustment(a.Date, a.Kind, a.Reason, a.LegalSource));
    }

    private static async Task SeedMailTemplatesAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.MailTemplates.Select(t => t.Key).ToListAsync(ct);
        foreach (var t in Load<TemplateSeed>("mail-templates.json").Where(t => !existing.Contains(t.Key)))
            db.MailTemplates.Add(new MailTemplate(t.Key, t.Name, t.Subject, string.Join("\n", t.Body), t.Placeholders));
    }

    private static readonly string[] ListFiles =
        ["ethnic-groups.json", "religions.json", "qualification-levels.json", "political-theory-levels.json", "state-management-levels.json", "provinces.json"];

    private static async Task SeedListsAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = (await db.ReferenceItems.Select(r => new { r.Kind, r.Code }).ToListAsync(ct)).Select(r => (r.Kind, r.Code)).ToHashSet();
        foreach (var file in ListFiles)
        {
            var list = LoadOne<ListSeed>(file);
            var order = 0;
            foreach (var item in list.Items)
            {
                order += 10;
                if (existing.Add((list.Kind, item.Code))) db.ReferenceItems.Add(new ReferenceItem(list.Kind, item.Code, item.Name, order));
            }
        }
    }

    private static async Task SeedTitlesAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.TitleDefinitions.Select(t => t.Code).ToListAsync(ct);
        foreach (var t in Load<TitleSeed>("professional-titles.json").Where(t => !existing.Contains(t.Code)))
            db.TitleDefinitions.Add(new TitleDefinition(t.Code, t.Name, t.SalaryGroup, t.InForceFrom, t.InForceUntil, t.ReplacedBy, t.LegalSource));
    }

    private static async Task SeedSalaryScaleAsync(PortalDbContext db, CancellationToken ct)
    {
        if (await db.SalaryScale.AnyAsync(ct)) return;
        foreach (var g in Load<ScaleSeed>("salary-scales.json"))
            for (var i = 0; i < g.Coefficients.Count; i++)
                db.SalaryScale.Add(new SalaryScaleStep(Guid.CreateVersion7(), g.Group, i + 1, g.Coefficients[i], g.RaiseIntervalMonths,
                    g.InForceFrom, g.InForceUntil, g.LegalSource));
    }

    private static async Task SeedDossierItemsAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.DossierItemTypes.Select(t => t.Code).ToListAsync(ct);
        foreach (var d in Load<DossierSeed>("dossier-items.json").Where(d => !existing.Contains(d.Code)))
            db.DossierItemTypes.Add(new DossierItemType(d.Code, d.Name, d.RequiredAtRecruitment, d.SortOrder, d.LegalSource));
    }

    /// <summary>
    /// Shipped rows are added by id, each as a new value from its date: the code's open value that started before it ends the
    /// day before, as the Admin's "Giá trị mới từ ngày" does (a release shipping the base salary of 01/07/2028 ends the open
    /// one on 30/06/2028). A shipped row whose period the Admin has already covered otherwise (the same base salary entered
    /// before the release shipped it) is left out: the Admin's rows win, and <c>ex_legal_parameters_no_overlap</c> refuses
    /// two values of one code on one day.
    /// </summary>
    private static async Task SeedLegalParametersAsync(PortalDbContext db, CancellationToken ct)
    {
        var rows = await db.LegalParameters.ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToHashSet();
        var added = new List<LegalParameter>();
        foreach (var p in Load<ParameterSeed>("legal-parameters.json").Where(p => !ids.Contains(p.Id)).OrderBy(p => p.Code).ThenBy(p => p.InForceFrom))
        {
            var open = rows.LastOrDefault(r => r.Code == p.Code && r.InForceUntil is null && r.InForceFrom < p.InForceFrom);
            if (rows.Any(r => r.Code == p.Code && r != open && r.Overlaps(p.InForceFrom, p.InForceUntil))) continue;
            open?.EndOn(p.InForceFrom.AddDays(-1));
            var row = new LegalParameter(p.Id, p.Code, p.Title, p.Value, p.InForceFrom, p.InForceUntil, p.LegalSource);
            rows.Add(row);
            added.Add(row);
        }
        // The ended rows are saved before the new ones are inserted: the exclusion constraint is checked row by row.
        if (db.ChangeTracker.Entries<LegalParameter>().Any(e => e.State == EntityState.Modified)) await db.SaveChangesAsync(ct);
        db.LegalParameters.AddRange(added);
    }

    private static List<T> Load<T>(string name) => LoadOne<List<T>>(name);

    private static T LoadOne<T>(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Portal.Infrastructure.Data.Seed.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"{name} is empty.");
    }

    private sealed record ListSeed(ReferenceKind Kind, string LegalSource, List<ListItemSeed> Items);
    private sealed record ListItemSeed(string Code, string Name);
    private sealed record TitleSeed(string Code, string Name, string? SalaryGroup, DateOnly InForceFrom, DateOnly? InForceUntil, string? ReplacedBy, string LegalSource);
    private sealed record ScaleSeed(string Group, int RaiseIntervalMonths, List<decimal> Coefficients, DateOnly InForceFrom, DateOnly? InForceUntil, string LegalSource);
    private sealed record DossierSeed(string Code, string Name, bool RequiredAtRecruitment, int SortOrder, string LegalSource);
    private sealed record EarlyRaiseSeed(Guid Id, string FormPrefix, int MonthsEarly, int Rank, string Source);
    private sealed record ParameterSeed(Guid Id, string Code, string Title, decimal Value, DateOnly InForceFrom, DateOnly? InForceUntil, string LegalSource);

    private sealed record RuleSeed(Guid Id, string Code, string Title, string RuleSet, DeadlineTrigger Trigger, RuleAwaits Awaits,
        ResponsibleParty Responsible, int Days, DayCounting Counting, string LegalSource, DateOnly InForceFrom, DateOnly? InForceUntil,
        int? FixedMonth, int? FixedDay);

    private sealed record TemplateSeed(string Key, string Name, string Subject, List<string> Body, List<string> Placeholders);

    private sealed record HolidaySeed(List<HolidayDefinitionSeed> Definitions, List<AdjustmentSeed> Adjustments);
    private sealed record HolidayDefinitionSeed(Guid Id, string Code, string Name, CalendarSystem Calendar, int Month, int Day, int OffsetDays, int Days,
        string? CompensationSource, string LegalSource, DateOnly InForceFrom, DateOnly? InForceUntil);
    private sealed record AdjustmentSeed(DateOnly Date, CalendarAdjustmentKind Kind, string Reason, string? LegalSource);
}
