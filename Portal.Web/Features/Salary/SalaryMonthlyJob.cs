using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Mail;
using Portal.Domain.Organisation;
using Portal.Domain.Staff;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Shared;

namespace Portal.Web.Features.Salary;

/// <summary>
/// The principal's monthly salary letter (Quyết định ban hành quy chế, Art. 2: the principal is told who is eligible):
/// who becomes due a raise or a PCTNVK change next month, who retires within twelve months, and in the fourth quarter the
/// early-raise quota. It runs every day and keeps no memory of its own: the outbox key (one per principal per month)
/// says whether this month's letter is queued, so a day missed is caught up the next day and a rerun sends nothing twice.
/// </summary>
public sealed class SalaryMonthlyJob(IDbContextFactory<PortalDbContext> contexts, SchoolClock clock, SalaryOptions options, IConfiguration configuration,
    ILogger<SalaryMonthlyJob> logger)
{
    public const string TemplateKey = "salary-monthly";
    /// <summary>One composer at a time across instances.</summary>
    private const long MonthlyLock = 7420261201;
    /// <summary>
    /// Schools are read this many at a time, so a city of 100,000 staff never sits in memory at once. Each batch reads the
    /// history tables once more, so fewer, larger batches cost PostgreSQL less (bench: 8 batches of 50 cost 3.7 times one
    /// whole-city read); 100 schools are about 25,000 people, some 250 MB while composed.
    /// </summary>
    private const int SchoolsPerBatch = 100;

    public async Task RunAsync(CancellationToken ct) => await QueueAsync(clock.Today, ct);

    public async Task<int> QueueAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({MonthlyLock})", ct);

        var principals = await Recipients.WithRoleAsync(db, PortalRoles.Principal, null, today, ct);
        var month = $"{today:yyyy-MM}";
        var queuedKeys = (await db.Outbox.AsNoTracking().Where(m => m.DeduplicationKey.StartsWith(TemplateKey + ":") && m.DeduplicationKey.EndsWith(":" + month))
            .Select(m => m.DeduplicationKey).ToListAsync(ct)).ToHashSet();
        var waiting = principals.Where(p => !queuedKeys.Contains(Key(p, month))).ToList();
        if (waiting.Count == 0) return 0;

        var schoolIds = waiting.Select(p => p.UnitId).Distinct().ToList();
        var template = await db.MailTemplates.AsNoTracking().SingleAsync(t => t.Key == TemplateKey, ct);
        var law = await SalaryFactsLoader.LawAsync(db, ct);
        var next = SalaryPeriod.Month(today.AddMonths(1).Year, today.AddMonths(1).Month);
        var link = (configuration["Portal:PublicUrl"] ?? "http://127.0.0.1:5000").TrimEnd('/') + "/salary?period=" + next.Code;
        var queued = 0;
        foreach (var batch in schoolIds.Chunk(SchoolsPerBatch))
        {
            var unitIds = db.Units.Where(u => batch.Contains(u.Id) && u.Kind == OrgUnitKind.School).Select(u => u.Id);
            var units = await SalaryFactsLoader.UnitsAsync(db, unitIds, ct);
            var people = await SalaryFactsLoader.LoadAsync(db, db.Staff.Where(s => unitIds.Contains(s.UnitId) && s.Status == StaffStatus.Active), units, today, ct);
            var quotas = today.Month >= 10 ? (await EligibilityService.QuotasAsync(db, units, law, today.Year, ct)).ToDictionary(q => q.UnitId) : [];
            // Early-raise candidacy is judged for this year's review, also in December when next month is in the new year.
            var query = new EligibilityQuery(next.From, next.To, ReviewYear: today.Year);
            var problems = new List<string>();
            var rows = EligibilityService.Evaluate(people, law, today, query, options, problems).ToLookup(r => r.UnitId);
            foreach (var problem in problems) logger.LogWarning("Monthly salary letter: {Problem}", problem);
            foreach (var principal in waiting.Where(p => units.ContainsKey(p.UnitId)))
            {
                var letter = Compose(rows[principal.UnitId].ToList(), next, today, quotas.GetValueOrDefault(principal.UnitId));
                if (letter is null) continue;
                var values = new Dictionary<string, string>
                {
                    ["HoTen"] = principal.FullName, ["DonVi"] = units[principal.UnitId].Name, ["Thang"] = next.Label, ["NangLuong"] = letter.Raises,
                    ["VuotKhung"] = letter.BeyondFrame, ["NghiHuu"] = letter.Retirements, ["TruocThoiHan"] = letter.Early, ["DuongDan"] = link,
                };
                var (subject, body) = template.Render(values);
                db.Outbox.Add(new OutboxMessage(Guid.CreateVersion7(), Key(principal, month), principal.UnitId, principal.Email, subject, body, clock.Now));
                queued++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Queued {Count} monthly salary letters for {Month}", queued, month);
        return queued;
    }

    private static string Key(Recipient principal, string month) => $"{TemplateKey}:{principal.UserId}:{month}";

    private sealed record Letter(string Raises, string BeyondFrame, string Retirements, string Early);

    /// <summary>The letter's sections, or null when none has anything to say.</summary>
    private static Letter? Compose(IReadOnlyList<EligibilityRow> rows, SalaryPeriod next, DateOnly today, UnitQuota? quota)
    {
        string Section(string title, IEnumerable<EligibilityRow> lines, Func<EligibilityRow, string> line)
        {
            var list = lines.ToList();
            if (list.Count == 0) return "";
            var sb = new StringBuilder().Append(title).Append(" (").Append(list.Count).AppendLine("):");
            foreach (var r in list) sb.Append("- ").AppendLine(line(r));
            return sb.AppendLine().ToString();
        }
        var raises = Section($"Đến hạn nâng bậc lương thường xuyên trong {next.Label.ToLowerInvariant()}",
            rows.Where(r => r.Kind == EligibilityKind.RegularRaise && r.DueOn >= next.From),
            r => $"{r.FullName}: bậc {r.Current?.Step} ({Money.Coefficient(r.Current?.Coefficient ?? 0)}) lên bậc {r.NextStep} ({Money.Coefficient(r.NextCoefficient ?? 0)}) từ {r.DueOn:dd/MM/yyyy}"
                 + (r.NeedsReview.Count > 0 ? " — cần xem xét" : ""));
        var overdue = Section("Đã đến hạn nhưng chưa có quyết định",
            rows.Where(r => r.Kind is EligibilityKind.RegularRaise or EligibilityKind.BeyondFrame && r.DueOn < next.From),
            r => $"{r.FullName}: {Shared.EnumLabels.Of(r.Kind).ToLowerInvariant()} từ {r.DueOn:dd/MM/yyyy}");
        var beyond = Section($"Phụ cấp thâm niên vượt khung thay đổi trong {next.Label.ToLowerInvariant()}",
            rows.Where(r => r.Kind == EligibilityKind.BeyondFrame && r.DueOn >= next.From),
            r => $"{r.FullName}: {r.Current?.BeyondFramePercent ?? 0:0.##}% lên {r.NextBeyondFramePercent:0.##}% từ {r.DueOn:dd/MM/yyyy}");
        var retirements = Section("Nghỉ hưu trong 12 tháng tới",
            rows.Where(r => r.Kind == EligibilityKind.Retirement),
            r => $"{r.FullName}: nghỉ hưu từ {r.DueOn.AddDays(1):dd/MM/yyyy} (còn {MonthsBetween(today, r.DueOn)} tháng)"
                 + (rows.Any(o => o.StaffId == r.StaffId && o.Kind == EligibilityKind.EarlyBeforeRetirement) ? " — đủ điều kiện nâng bậc trước thời hạn" : ""));
        var early = "";
        if (quota is not null)
        {
            var candidates = rows.Count(r => r.Kind == EligibilityKind.EarlyForAchievement);
            early = $"Nâng bậc lương trước thời hạn năm {quota.Year}: {quota.Slots} suất ({quota.Payroll} người), đã dùng {quota.Used}, "
                    + $"{candidates} người đủ điều kiện đề nghị." + (quota.Remainder > 0 ? $" Số dư {quota.Remainder} người báo cáo cấp trên trong quý IV." : "") + "\n";
        }
        if (raises.Length + overdue.Length + beyond.Length + retirements.Length + early.Length == 0) return null;
        return new Letter(raises + overdue, beyond, retirements, early);
    }

    private static int MonthsBetween(DateOnly from, DateOnly to) => Math.Max(0, (to.Year - from.Year) * 12 + to.Month - from.Month);
}
