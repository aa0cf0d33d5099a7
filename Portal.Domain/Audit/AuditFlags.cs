namespace Portal.Domain.Audit;

/// <summary>What in the log deserves the principal's look (dấu hiệu cần xem xét).</summary>
public enum AuditFlagKind
{
    /// <summary>A change outside working hours or on a weekend.</summary>
    OutsideWorkingHours = 1,
    /// <summary>Many changes by one person in a short time.</summary>
    Burst = 2,
    /// <summary>A change to salary or to a CCCD number.</summary>
    SensitiveField = 3,
    /// <summary>A change to a record of a unit outside the actor's own.</summary>
    OtherUnit = 4,
    /// <summary>A regulated row (salary, position, allowance, discipline) saved without its decision.</summary>
    WithoutDecision = 5,
    /// <summary>A change to the actor's own staff record (their account is linked to it).</summary>
    OwnRecord = 6,
}

/// <summary>
/// One audit row as the flag rules need it; <see cref="LocalAt"/> is the school's local time; <see cref="ActorIsSubject"/>
/// says the row changes the staff record of the person who made the change.
/// </summary>
public sealed record AuditFlagInput(long Id, Guid CorrelationId, DateTime LocalAt, string? UserId, string UserName, AuditAction Action,
    string Entity, string Field, bool ActorOwnsDataUnit, bool ActorIsSubject = false);

/// <summary>The thresholds, from configuration (they are the school's habits, not law).</summary>
public sealed record AuditFlagRules(TimeOnly WorkStart, TimeOnly WorkEnd, int BurstChanges, TimeSpan BurstWindow)
{
    public static readonly AuditFlagRules Default = new(new TimeOnly(7, 0), new TimeOnly(18, 0), 100, TimeSpan.FromMinutes(10));
}

/// <summary>A flag on one save (correlation), with the row that raised it.</summary>
public sealed record AuditFlag(AuditFlagKind Kind, Guid CorrelationId, long RowId, string UserName, DateTime LocalAt, string Detail);

/// <summary>
/// Flags over a stretch of the log, as pure rules. Only changes count (reads and sign-ins are not flagged here); each
/// save is flagged at most once per kind, so one large save does not bury the list.
/// </summary>
public static class AuditFlags
{
    private static readonly HashSet<string> Regulated = ["SalaryRecord", "PositionRecord", "AllowanceRecord", "DisciplineRecord"];

    public static IReadOnlyList<AuditFlag> Evaluate(IReadOnlyList<AuditFlagInput> rows, AuditFlagRules rules)
    {
        var changes = rows.Where(r => r.Action is AuditAction.Added or AuditAction.Modified or AuditAction.Deleted).ToList();
        var flags = new List<AuditFlag>();
        foreach (var save in changes.GroupBy(r => r.CorrelationId))
        {
            var first = save.First();
            var time = TimeOnly.FromDateTime(first.LocalAt);
            if (first.LocalAt.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || time < rules.WorkStart || time >= rules.WorkEnd)
                flags.Add(new(AuditFlagKind.OutsideWorkingHours, save.Key, first.Id, first.UserName, first.LocalAt, first.LocalAt.ToString("dddd HH:mm")));
            if (save.FirstOrDefault(r => r.Field == "CitizenId" || r.Entity == "SalaryRecord") is { } sensitive)
                flags.Add(new(AuditFlagKind.SensitiveField, save.Key, sensitive.Id, sensitive.UserName, sensitive.LocalAt, $"{sensitive.Entity}.{sensitive.Field}"));
            if (save.FirstOrDefault(r => r.ActorIsSubject) is { } own)
                flags.Add(new(AuditFlagKind.OwnRecord, save.Key, own.Id, own.UserName, own.LocalAt, $"{own.Entity}.{own.Field}"));
            if (save.FirstOrDefault(r => !r.ActorOwnsDataUnit) is { } foreign)
                flags.Add(new(AuditFlagKind.OtherUnit, save.Key, foreign.Id, foreign.UserName, foreign.LocalAt, foreign.Entity));
            foreach (var row in save.Where(r => r.Action == AuditAction.Added && Regulated.Contains(r.Entity)).GroupBy(r => r.Entity))
                if (row.All(r => r.Field != "DecisionId"))
                    flags.Add(new(AuditFlagKind.WithoutDecision, save.Key, row.First().Id, row.First().UserName, row.First().LocalAt, row.Key));
        }
        // A burst: more than the threshold of changed fields by one person inside any window of the given length.
        foreach (var person in changes.Where(r => r.UserId is not null).GroupBy(r => r.UserId))
        {
            var ordered = person.OrderBy(r => r.LocalAt).ToList();
            for (int start = 0, end = 0; end < ordered.Count; end++)
            {
                while (ordered[end].LocalAt - ordered[start].LocalAt > rules.BurstWindow) start++;
                if (end - start + 1 <= rules.BurstChanges) continue;
                var at = ordered[start];
                flags.Add(new(AuditFlagKind.Burst, at.CorrelationId, at.Id, at.UserName, at.LocalAt, $"{end - start + 1}"));
                // Skip past this burst so it is reported once.
                start = end + 1;
                end = start - 1;
            }
        }
        return flags.OrderByDescending(f => f.LocalAt).ThenBy(f => f.Kind).ToList();
    }
}

/// <summary>
/// The principal's sign-off (xác nhận đã rà soát): the log of their unit up to <see cref="Until"/> has been reviewed.
/// Flags after it stay on the list until the next sign-off. The row is audited like any other change.
/// </summary>
public sealed class AuditReview
{
    public Guid Id { get; set; }
    public Guid UnitId { get; set; }
    public DateTimeOffset? From { get; set; }
    public DateTimeOffset Until { get; set; }
    public string ReviewedBy { get; set; } = "";
    public string? Comment { get; set; }
    public int FlagCount { get; set; }
}
