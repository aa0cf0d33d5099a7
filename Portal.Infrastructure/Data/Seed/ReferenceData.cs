using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Deadlines;

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
            db.DeadlineRules.Add(new LegalDeadlineRule(rule.Id, rule.Code, rule.Title, rule.Trigger, rule.Days, rule.Counting,
                rule.LegalSource, rule.InForceFrom, rule.InForceUntil));
        await db.SaveChangesAsync(ct);
    }

    private static List<T> Load<T>(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Portal.Infrastructure.Data.Seed.{name}")
            ?? throw new InvalidOperationException($"{name} is not embedded.");
        return JsonSerializer.Deserialize<List<T>>(stream, Json) ?? [];
    }

    private sealed record RuleSeed(Guid Id, string Code, string Title, DeadlineTrigger Trigger, int Days, DayCounting Counting,
        string LegalSource, DateOnly InForceFrom, DateOnly? InForceUntil);
}
