using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Features.Staff;
using Portal.Web.Shared;

namespace Portal.Tests.Integration;

public sealed class StaffExportTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_export_holds_exactly_the_filtered_view_of_the_users_scope_and_is_audited_with_its_filter()
    {
        await using var portal = await PortalHarness.CreateAsync(postgres);
        var schoolA = await portal.CreateUnitAsync("Trường Tiểu học Cẩm Tú", OrgUnitKind.School, null);
        var schoolB = await portal.CreateUnitAsync("Trường Tiểu học Lộc Phát", OrgUnitKind.School, null);
        var officerA = await portal.CreateUserAsync(schoolA, PortalRoles.RecordsOfficer, "Hà Thị Xuân");
        var officerB = await portal.CreateUserAsync(schoolB, PortalRoles.RecordsOfficer, "Kha Văn Lực");
        foreach (var name in new[] { "Nguyễn Thị Thu Hà", "Nguyễn Thị Thu Thảo", "Trịnh Văn Bảo" })
            await portal.AsAsync<SaveResult, StaffService>(officerA, s => s.CreateAsync(StaffForms.Valid(name)));
        await portal.AsAsync<SaveResult, StaffService>(officerB, s => s.CreateAsync(StaffForms.Valid("Nguyễn Thị Thu Hằng")));

        var bytes = await portal.AsAsync<byte[], StaffExport>(officerA,
            e => e.XlsxAsync(new StaffListQuery("nguyen thi thu", null, null, null, null, null, null, null), Ct));

        var rows = ReadSheet(bytes);
        Assert.Equal("Họ và tên", rows[0][1]);
        Assert.Equal(["Nguyễn Thị Thu Hà", "Nguyễn Thị Thu Thảo"], rows.Skip(1).Select(r => r[1]).Order());
        Assert.All(rows.Skip(1), r => Assert.Contains("Cẩm Tú", string.Join("|", r)));
        await using var db = portal.ReadContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Exported && a.Entity == "StaffList", Ct);
        Assert.Contains("2 dòng", audit.NewValue);
        Assert.Contains("nguyen thi thu", audit.NewValue);
    }

    /// <summary>The first sheet as text rows, shared strings resolved.</summary>
    private static List<List<string>> ReadSheet(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.First().Worksheet;
        return sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(c =>
            c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text)]
            : c.DataType?.Value == CellValues.InlineString ? c.InnerText
            : c.CellValue?.Text ?? "").ToList()).ToList();
    }
}
