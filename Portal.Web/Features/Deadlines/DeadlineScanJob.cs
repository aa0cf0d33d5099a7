using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Audit;
using Portal.Domain.Deadlines;
using Portal.Domain.Mail;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Deadlines;

/// <summary>
/// The daily deadline scan (Hangfire "deadlines.daily"). It holds no clock of its own: every run looks at the state of
/// all open obligations on its day, so a run after five missed days finds everything that fell due meanwhile.
/// <list type="number">
/// <item>Opens the yearly obligations whose opening day has come (each active staff member's supplementary declaration,
/// each school's two reports), in bulk and idempotently (unique rule + source).</item>
/// <item>On working days, queues one digest per recipient: the responsible person's due-soon and overdue items, the
/// principal's overdue items past the first threshold, the supervising body's past the second, and the report reminders
/// 14 and 3 days ahead (each sent once, even when runs were missed). The outbox key (recipient, day) and a database
/// lock make a rerun, a retry after a crash, or a second instance send nothing twice.</item>
/// </list>
/// </summary>
public sealed class DeadlineScanJob(IDbContextFactory<PortalDbContext> contexts, SchoolClock clock, DeadlineOptions options,
    ObligationOpener opener, IConfiguration configuration, ILogger<DeadlineScanJob> log)
{
    /// <summary>pg_advisory_xact_lock key of the digest: one composer at a time across instances.</summary>
    private const long DigestLock = 7_420_260_529;
    public const string TemplateKey = "deadline-digest";
    /// <summary>Lines listed per section of a digest; the rest are counted and linked.</summary>
    public const int MaxLinesPerSection = 50;

    public async Task<DeadlineScanResult> RunAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var opened = await OpenYearlyAsync(today, ct) + await OpenMissingAsync(ct);
        var (digests, items) = await QueueDigestsAsync(today, ct);
        log.LogInformation("Deadline scan {Day}: {Opened} yearly obligation(s) opened, {Digests} digest(s) with {Items} item(s) queued.",
            today, opened, digests, items);
        return new DeadlineScanResult(opened, digests, items);
    }

    /// <summary>
    /// Opens the year's declarations and reports whose opening day has come, up to a month after their due date (a run
    /// missed across New Year still opens December's; a fresh installation does not open years long past).
    /// </summary>
    public async Task<int> OpenYearlyAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rules = await db.DeadlineRules.AsNoTracking().Where(r => r.FixedMonth != null).OrderBy(r => r.Code).ToListAsync(ct);
        var calendar = await WorkingCalendars.LoadAsync(db, today.Year - 1, today.Year + 1, ct);
        var opened = 0;
        foreach (var rule in rules)
            foreach (var year in new[] { today.Year - 1, today.Year })
            {
                var (opens, due) = (rule.OpensIn(year, calendar), rule.DueDateIn(year, calendar));
                if (today < opens || today > due.AddMonths(1) || !rule.IsInForceOn(new DateOnly(year, rule.FixedMonth!.Value, rule.FixedDay!.Value)))
                    continue;
                var count = await InsertYearlyAsync(db, rule, year, opens, due, ct);
                if (count == 0) continue;
                opened += count;
                // The bulk insert bypasses the interceptor; one row says what the system opened and why.
                await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Added, nameof(Obligation), $"{rule.Code}:{year}", ct, "Opened", null,
                    $"Mở {count} nghĩa vụ \"{rule.Title}\" năm {year}, hạn {due:dd/MM/yyyy} ({rule.LegalSource})");
            }
        return opened;
    }

    /// <summary>
    /// "Expected but missing": a decision with neither an obligation nor a row citing it (entered before the engine, or
    /// imported) gets its obligation now, under the rules of its own dates, so it shows as overdue instead of nowhere.
    /// </summary>
    public async Task<int> OpenMissingAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var cited = DecisionCitations.Query(db);
        var missing = await db.Decisions
            .Where(d => d.Kind != Portal.Domain.Decisions.DecisionKind.Recruitment)
            .Where(d => !db.Obligations.Any(o => o.DecisionId == d.Id) && !cited.Contains(d.Id))
            .OrderBy(d => d.SignedOn).Take(5_000).ToListAsync(ct);
        var opened = 0;
        foreach (var decision in missing)
            if (await opener.OpenForDecisionAsync(db, decision, ct) is not null) opened++;
        if (opened > 0) await db.SaveChangesAsync(ct);
        return opened;
    }

    private const string Columns = """
        INSERT INTO obligations ("Id", "UnitId", "StaffMemberId", "RuleId", "RuleCode", "Title", "LegalSource", "Trigger", "Awaits",
                                 "Responsible", "SourceKey", "EventDate", "DueOn")
        """;

    /// <summary>One declaration per active staff member of the units applying the rule's set.</summary>
    private const string DeclarationsSql = Columns + """
        SELECT gen_random_uuid(), s."UnitId", s."Id", @rule, @code, @title, @legal, @trigger, @awaits, @responsible,
               'declaration:' || s."Id" || ':' || @year, @opens, @due
        FROM staff_members s JOIN org_units u ON u."Id" = s."UnitId"
        WHERE s."Status" = @active AND @set = ANY(u."DeadlineRuleSets")
        ON CONFLICT ("RuleId", "SourceKey") DO NOTHING
        """;

    /// <summary>One report per school applying the rule's set.</summary>
    private const string ReportsSql = Columns + """
        SELECT gen_random_uuid(), u."Id", NULL, @rule, @code, @title, @legal, @trigger, @awaits, @responsible,
               'report:' || u."Id" || ':' || @year, @opens, @due
        FROM org_units u
        WHERE u."Kind" = @school AND @set = ANY(u."DeadlineRuleSets")
        ON CONFLICT ("RuleId", "SourceKey") DO NOTHING
        """;

    private static Task<int> InsertYearlyAsync(PortalDbContext db, LegalDeadlineRule rule, int year, DateOnly opens, DateOnly due, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(rule.Awaits == RuleAwaits.Declaration ? DeclarationsSql : ReportsSql, [
            new NpgsqlParameter("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new NpgsqlParameter("active", (int)StaffStatus.Active), new NpgsqlParameter("school", (int)OrgUnitKind.School),
            new NpgsqlParameter("rule", rule.Id), new NpgsqlParameter("code", rule.Code), new NpgsqlParameter("title", rule.Title),
            new NpgsqlParameter("legal", rule.LegalSource), new NpgsqlParameter("trigger", (int)rule.Trigger),
            new NpgsqlParameter("awaits", (int)rule.Awaits), new NpgsqlParameter("responsible", (int)rule.Responsible),
            new NpgsqlParameter("opens", opens), new NpgsqlParameter("due", due), new NpgsqlParameter("set", rule.RuleSet),
        ], ct);

    /// <summary>Queues today's digests (working days only; a weekend's items wait for Monday's digest, nothing is lost).</summary>
    public async Task<(int Digests, int Items)> QueueDigestsAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var calendar = await WorkingCalendars.LoadAsync(db, today.Year, today.Year, ct);
        if (!calendar.IsWorkingDay(today)) return (0, 0);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({DigestLock})", ct);

        var horizon = today.AddDays(Math.Max(options.DueSoonDays, options.ReportReminderDays.DefaultIfEmpty(0).Max()));
        // Read without tracking (about 95,000 rows at 100,000 staff); only the few that get a mark are loaded to change.
        var pending = await (from o in db.Obligations.AsNoTracking()
                             where o.CompletedOn == null && o.DueOn <= horizon
                             join u in db.Units on o.UnitId equals u.Id
                             join s in db.Staff on o.StaffMemberId equals s.Id into staff
                             from s in staff.DefaultIfEmpty()
                             orderby o.DueOn, u.Name
                             select new Pending(o, s == null ? null : s.FullName, u.Name, u.Path)).ToListAsync(ct);
        if (pending.Count == 0) return (0, 0);

        var people = await PeopleAsync(db, today, ct);
        var sentToday = (await db.Outbox.Where(m => m.DeduplicationKey.StartsWith("deadline-digest:") && m.DeduplicationKey.EndsWith($":{today:yyyy-MM-dd}"))
            .Select(m => m.DeduplicationKey).ToListAsync(ct)).ToHashSet();
        var digests = new Dictionary<string, Digest>();
        Digest For(Recipient r) => digests.TryGetValue(r.UserId, out var d) ? d : digests[r.UserId] = new Digest(r);

        var reminded = new Dictionary<Obligation, int>();
        foreach (var item in pending)
        {
            var o = item.Obligation;
            var overdue = o.DaysOverdue(today);
            var owed = o.Awaits == RuleAwaits.Report
                ? (overdue > 0 || o.ReminderDue(today, options.ReportReminderDays) is not null)
                : o.DueOn.DayNumber - today.DayNumber <= options.DueSoonDays;
            if (owed)
            {
                if (o.ReminderDue(today, options.ReportReminderDays) is { } stage && o.Awaits == RuleAwaits.Report) reminded[o] = stage;
                foreach (var r in people.Responsible(o)) For(r).Own.Add(item);
            }
            if (overdue > 0 && overdue >= options.EscalateToPrincipalAfterDays)
                foreach (var r in people.Principals(o.UnitId)) For(r).Unit.Add(item);
            if (overdue > 0 && overdue >= options.EscalateUpAfterDays)
                foreach (var r in people.Supervisors(item.UnitPath)) For(r).Below.Add(item);
        }

        var template = await db.MailTemplates.AsNoTracking().SingleAsync(t => t.Key == TemplateKey, ct);
        var link = (configuration["Portal:PublicUrl"] ?? "http://127.0.0.1:5000").TrimEnd('/') + "/deadlines";
        var queued = 0;
        var toldPrincipal = new HashSet<Guid>();
        var toldAbove = new HashSet<Guid>();
        foreach (var digest in digests.Values)
        {
            var key = $"deadline-digest:{digest.To.UserId}:{today:yyyy-MM-dd}";
            if (sentToday.Contains(key)) continue;
            var (subject, body) = template.Render(Values(digest, today, link));
            db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), key, digest.To.UnitId, digest.To.Email, subject, body, clock.Now));
            queued++;
            toldPrincipal.UnionWith(digest.Unit.Where(i => i.Obligation.OverdueNotifiedAt is null).Select(i => i.Obligation.Id));
            toldAbove.UnionWith(digest.Below.Where(i => i.Obligation.EscalatedUpAt is null).Select(i => i.Obligation.Id));
        }
        // The marks (load → change → save, audited like any change): only obligations told for the first time.
        var stages = reminded.ToDictionary(r => r.Key.Id, r => r.Value);
        var marked = toldPrincipal.Union(toldAbove).Union(stages.Keys).ToList();
        foreach (var chunk in marked.Chunk(5_000))
            foreach (var obligation in await db.Obligations.Where(o => chunk.Contains(o.Id)).ToListAsync(ct))
            {
                if (toldPrincipal.Contains(obligation.Id)) obligation.MarkOverdueNotified(clock.Now);
                if (toldAbove.Contains(obligation.Id)) obligation.MarkEscalatedUp(clock.Now);
                if (stages.TryGetValue(obligation.Id, out var stage)) obligation.MarkReminded(stage);
            }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (queued, digests.Values.Sum(d => d.Own.Count + d.Unit.Count + d.Below.Count));
    }

    private static Dictionary<string, string> Values(Digest digest, DateOnly today, string link)
    {
        // A ward's supervisor may have thousands of items: the most overdue first, up to a page, and the rest by link.
        string Section(string title, List<Pending> items) => items.Count == 0 ? "" :
            $"{title}\n" + string.Concat(items.OrderBy(i => i.Obligation.DueOn).Take(MaxLinesPerSection).Select(i => Line(i, today)))
            + (items.Count > MaxLinesPerSection ? $"- … và {items.Count - MaxLinesPerSection} việc khác: xem đầy đủ tại {link}\n" : "") + "\n";
        var count = digest.Own.Count + digest.Unit.Count + digest.Below.Count;
        var overdueOwn = digest.Own.Count(i => i.Obligation.DaysOverdue(today) > 0);
        return new()
        {
            ["HoTen"] = digest.To.FullName,
            ["Ngay"] = today.ToString("dd/MM/yyyy"),
            ["SoViec"] = count.ToString(),
            ["ViecCuaBan"] = Section("Việc bạn phụ trách (sắp đến hạn hoặc đã quá hạn):", digest.Own),
            ["QuaHanDonVi"] = Section("Việc đã quá hạn trong đơn vị của bạn:", digest.Unit),
            ["QuaHanCapDuoi"] = Section("Việc quá hạn kéo dài ở các đơn vị trực thuộc, cần đôn đốc:", digest.Below),
            ["TomTat"] = $"Tóm tắt: {digest.Own.Count} việc của bạn ({overdueOwn} quá hạn), {digest.Unit.Count} việc quá hạn trong đơn vị, " +
                         $"{digest.Below.Count} việc quá hạn ở đơn vị trực thuộc.",
            ["DuongDan"] = link,
        };
    }

    private static string Line(Pending item, DateOnly today)
    {
        var o = item.Obligation;
        var overdue = o.DaysOverdue(today);
        var when = overdue > 0 ? $"quá hạn {overdue} ngày" : o.DueOn == today ? "hết hạn hôm nay" : $"còn {o.DueOn.DayNumber - today.DayNumber} ngày";
        return $"- {item.StaffName ?? item.UnitName}: {o.Title} — hạn {o.DueOn:dd/MM/yyyy} ({when}); căn cứ: {o.LegalSource}\n";
    }

    private static async Task<People> PeopleAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var accounts = await (from u in db.Users
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              join unit in db.Units on u.UnitId equals unit.Id
                              where !u.IsDisabled && (u.AccessUntil == null || u.AccessUntil >= today) && u.Email != null
                                    && (r.Name == PortalRoles.RecordsOfficer || r.Name == PortalRoles.Principal || r.Name == PortalRoles.Supervisor
                                        || u.StaffMemberId != null)
                              select new { Recipient = new Recipient(u.Id, u.Email!, u.FullName, u.UnitId), Role = r.Name, unit.Path, u.StaffMemberId })
                             .ToListAsync(ct);
        return new People(
            accounts.Where(a => a.Role == PortalRoles.RecordsOfficer).ToLookup(a => a.Recipient.UnitId, a => a.Recipient),
            accounts.Where(a => a.Role == PortalRoles.Principal).ToLookup(a => a.Recipient.UnitId, a => a.Recipient),
            accounts.Where(a => a.Role == PortalRoles.Supervisor).Select(a => (a.Path, a.Recipient)).ToList(),
            accounts.Where(a => a.StaffMemberId != null).GroupBy(a => a.StaffMemberId!.Value).ToDictionary(g => g.Key, g => g.First().Recipient));
    }

    private sealed record Pending(Obligation Obligation, string? StaffName, string UnitName, string UnitPath);

    private sealed record Digest(Recipient To)
    {
        public List<Pending> Own { get; } = [];
        public List<Pending> Unit { get; } = [];
        public List<Pending> Below { get; } = [];
    }

    /// <summary>Who answers for what: officers and principals of a unit, supervisors above it, and each person for their own record.</summary>
    private sealed record People(ILookup<Guid, Recipient> Officers, ILookup<Guid, Recipient> PrincipalsOf,
        List<(string Path, Recipient Recipient)> SupervisorAccounts, Dictionary<Guid, Recipient> Owners)
    {
        public IEnumerable<Recipient> Principals(Guid unit) => PrincipalsOf[unit];

        /// <summary>Supervising accounts of the units above (never the unit's own).</summary>
        public IEnumerable<Recipient> Supervisors(string unitPath) =>
            SupervisorAccounts.Where(s => unitPath.StartsWith(s.Path, StringComparison.Ordinal) && unitPath != s.Path).Select(s => s.Recipient);

        /// <summary>
        /// The responsible people of an obligation. A staff member without an account is covered by the unit's officers,
        /// so a declaration nobody can be told about still reaches someone who can ask for it.
        /// </summary>
        public IEnumerable<Recipient> Responsible(Obligation o) => o.Responsible switch
        {
            ResponsibleParty.StaffMember when o.StaffMemberId is { } s && Owners.TryGetValue(s, out var owner) => [owner],
            ResponsibleParty.Principal => PrincipalsOf[o.UnitId],
            ResponsibleParty.Unit => PrincipalsOf[o.UnitId].Concat(Officers[o.UnitId]).DistinctBy(r => r.UserId),
            _ => Officers[o.UnitId],
        };
    }
}

public sealed record DeadlineScanResult(int ObligationsOpened, int DigestsQueued, int ItemsListed);
