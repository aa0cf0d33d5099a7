using MiniExcelLibs;
using Portal.Web.Resources;
using Portal.Web.Shared;

namespace Portal.Web.Features.Audit;

/// <summary>The log rows as a spreadsheet, with the same labels and local times as the screen.</summary>
public static class AuditExport
{
    public static byte[] Xlsx(IReadOnlyList<AuditRow> rows, TimeZoneInfo zone)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [Strings.When] = TimeZoneInfo.ConvertTime(r.At, zone).ToString("dd/MM/yyyy HH:mm:ss"),
            [Strings.Who] = r.UserName,
            [Strings.Role] = r.UserRole,
            [Strings.Ip] = r.ClientIp,
            [Strings.Action] = AuditLabels.Of(r.Action),
            [Strings.Entity] = AuditLabels.Entity(r.Entity),
            [Strings.RecordKey] = r.EntityKey,
            [Strings.Field] = FieldLabels.Of(r.Field),
            [Strings.OldValue] = AuditLabels.Value(r.Field, r.OldValue, zone),
            [Strings.NewValue] = AuditLabels.Value(r.Field, r.NewValue, zone),
            [Strings.Browser] = r.UserAgent,
        });
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: Strings.NavAudit);
        return stream.ToArray();
    }
}
