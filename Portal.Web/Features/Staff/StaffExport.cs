using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Infrastructure.Data;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Staff;

/// <summary>The staff list's current view (same filters, same scope) as an XLSX file. Exports are audited with their filter.</summary>
public sealed class StaffExport(StaffService staff, IDbContextFactory<PortalDbContext> contexts, SchoolClock clock)
{
    /// <summary>More rows than any unit has; a guard against an export that would not fit in memory.</summary>
    private const int MaxRows = 200_000;

    public async Task<byte[]> XlsxAsync(StaffListQuery filter, CancellationToken ct = default)
    {
        var page = await staff.ListAsync(filter.ToQuery(0, MaxRows), ct);
        await using (var db = await contexts.CreateDbContextAsync(ct))
            await AuditTrail.RecordAsync(db, clock.Now, AuditAction.Exported, "StaffList", "xlsx", ct, detail: $"{page.Total} dòng; {filter}");
        var rows = page.Items.Select((r, i) => new Dictionary<string, object?>
        {
            [Strings.Number] = i + 1,
            [Strings.FullName] = r.FullName,
            [Strings.DateOfBirth] = r.DateOfBirth.ToString("dd/MM/yyyy"),
            [Strings.Gender] = GenderLabels.Of(r.Gender),
            [Strings.CitizenId] = r.CitizenId,
            [Strings.TitleCode] = r.TitleCode,
            [Strings.ProfessionalTitle] = r.ProfessionalTitle,
            [Strings.RecruitmentDecisionDate] = r.RecruitmentDecisionDate.ToString("dd/MM/yyyy"),
            [Strings.Unit] = r.UnitName,
            [Strings.Status] = EnumLabels.Of(r.Status),
            [Strings.Completeness] = r.CompletenessPercent,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: Strings.NavStaff, cancellationToken: ct);
        return stream.ToArray();
    }
}

/// <summary>The staff list's filters as they appear in the URL (q, unit, gender, age, status, title, qual, party).</summary>
public sealed record StaffListQuery(string? Search, Guid? Unit, string? Gender, string? Age, string? Status, string? Title, string? Qualification, string? Party)
{
    public static StaffListQuery Parse(IQueryCollection query) => new(query["q"], Guid.TryParse(query["unit"], out var unit) ? unit : null,
        query["gender"], query["age"], query["status"], query["title"], query["qual"], query["party"]);

    public StaffQuery ToQuery(int page, int pageSize, string? sortBy = null, bool descending = false) => new(
        Search, page, pageSize, sortBy, descending, Unit,
        Enum.TryParse<Domain.Staff.Gender>(Gender, out var g) ? g : null,
        AgeBand.Parse(Age),
        Enum.TryParse<Domain.Staff.StaffStatus>(Status, out var s) ? s : null,
        string.IsNullOrWhiteSpace(Title) ? null : Title,
        string.IsNullOrWhiteSpace(Qualification) ? null : Qualification,
        Party switch { "yes" => true, "no" => false, _ => null });

    public bool IsFiltered => new[] { Search, Gender, Age, Status, Title, Qualification, Party }.Any(v => !string.IsNullOrWhiteSpace(v)) || Unit is not null;

    /// <summary>The query string, for the export link.</summary>
    public string ToQueryString()
    {
        var pairs = new (string Key, string? Value)[]
            { ("q", Search), ("unit", Unit?.ToString()), ("gender", Gender), ("age", Age), ("status", Status), ("title", Title), ("qual", Qualification), ("party", Party) };
        return string.Join("&", pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
    }
}
