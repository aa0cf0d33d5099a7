using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using Portal.Infrastructure.Documents;

namespace Portal.Tests.Documents;

/// <summary>The danh sách đề nghị nâng lương as XLSX, read back with MiniExcel. The people are those of <see cref="RaiseProposalDocumentTests.Sample"/>.</summary>
public sealed class RaiseProposalWorkbookTests
{
    private static readonly string[] Header =
    [
        "STT", "Họ và tên", "Ngày sinh", "Chức danh", "Mã số", "Bậc hiện hưởng", "Hệ số hiện hưởng", "% VK hiện hưởng", "Thời điểm hưởng",
        "Bậc mới", "Hệ số mới", "% VK mới", "Thời điểm hưởng mới", "Hình thức", "Ghi chú",
    ];

    [Fact]
    public void The_list_sheet_comes_first_and_the_heading_goes_on_its_own_sheet()
    {
        using var stream = Write(RaiseProposalDocumentTests.Sample());

        Assert.Equal(["Đề nghị nâng lương", "Thông tin"], MiniExcel.GetSheetNames(stream));
    }

    [Fact]
    public void Row_1_is_the_flat_header()
    {
        using var stream = Write(RaiseProposalDocumentTests.Sample());

        var first = (IDictionary<string, object?>)MiniExcel.Query(stream, sheetName: RaiseProposalWorkbook.SheetName).First();

        Assert.Equal(Header, first.Values.Cast<string>());
    }

    [Fact]
    public void A_row_keeps_the_name_dates_as_dates_and_coefficients_as_numbers()
    {
        using var stream = Write(RaiseProposalDocumentTests.Sample());

        var rows = Rows(stream);

        Assert.Equal(3, rows.Count);
        var ngoc = rows[0];
        Assert.Equal(1d, ngoc["STT"]);
        Assert.Equal("Trần Thị Bích Ngọc", ngoc["Họ và tên"]);
        Assert.Equal(new DateTime(1988, 4, 9), ngoc["Ngày sinh"]);
        Assert.Equal("Giáo viên tiểu học hạng III", ngoc["Chức danh"]);
        Assert.Equal("V.07.03.29", ngoc["Mã số"]);
        Assert.Equal(4d, ngoc["Bậc hiện hưởng"]);
        Assert.Equal(3.33d, ngoc["Hệ số hiện hưởng"]);
        Assert.Null(ngoc["% VK hiện hưởng"]);
        Assert.Equal(new DateTime(2023, 12, 15), ngoc["Thời điểm hưởng"]);
        Assert.Equal(5d, ngoc["Bậc mới"]);
        Assert.Equal(3.66d, ngoc["Hệ số mới"]);
        Assert.Equal(new DateTime(2026, 12, 15), ngoc["Thời điểm hưởng mới"]);
        Assert.Equal("Thường xuyên", ngoc["Hình thức"]);
        Assert.Equal("Đủ 36 tháng giữ bậc 4", ngoc["Ghi chú"]);
        var hung = rows[2];
        Assert.Equal((5d, null, null, 6d), (hung["% VK hiện hưởng"], hung["Bậc mới"], hung["Hệ số mới"], hung["% VK mới"]));
    }

    [Fact]
    public void Dates_show_as_dd_mm_yyyy_and_coefficients_with_two_decimals()
    {
        var bytes = RaiseProposalWorkbook.Write(RaiseProposalDocumentTests.Sample());
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

        Assert.Equal("dd/mm/yyyy", FormatOf(xlsx, "C2"));
        Assert.Equal("dd/mm/yyyy", FormatOf(xlsx, "M2"));
        Assert.Equal("0.00", FormatOf(xlsx, "G2"));
    }

    [Fact]
    public void An_empty_list_still_has_its_header()
    {
        using var stream = Write(RaiseProposalDocumentTests.Sample() with { Lines = [] });

        var all = MiniExcel.Query(stream, sheetName: RaiseProposalWorkbook.SheetName).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(Header, Assert.Single(all).Values.Cast<string>());
    }

    [Fact]
    public void The_information_sheet_carries_the_heading_period_and_total()
    {
        using var stream = Write(RaiseProposalDocumentTests.Sample());

        var info = MiniExcel.Query(stream, useHeaderRow: true, sheetName: RaiseProposalWorkbook.InfoSheetName)
            .Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Mục"]!, r => r["Nội dung"]);

        Assert.Equal("Trường Tiểu học Hoa Sen", info["Đơn vị"]);
        Assert.Equal("DANH SÁCH ĐỀ NGHỊ NÂNG BẬC LƯƠNG THƯỜNG XUYÊN", info["Tiêu đề"]);
        Assert.Equal("Tháng 12 năm 2026", info["Kỳ"]);
        Assert.Equal("15/12/2026", info["Ngày lập"]);
        Assert.Equal("Hiệu trưởng Lê Minh Khoa", info["Người ký"]);
        Assert.Equal("3 người", info["Tổng cộng"]);
    }

    private static MemoryStream Write(RaiseProposal proposal) => new(RaiseProposalWorkbook.Write(proposal));

    private static List<IDictionary<string, object?>> Rows(Stream stream) =>
        [.. MiniExcel.Query(stream, useHeaderRow: true, sheetName: RaiseProposalWorkbook.SheetName).Cast<IDictionary<string, object?>>()];

    /// <summary>The number format code of a cell on the first sheet, through its style.</summary>
    private static string? FormatOf(SpreadsheetDocument xlsx, string reference)
    {
        var workbook = xlsx.WorkbookPart!;
        var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook!.Sheets!.Elements<Sheet>().First().Id!.Value!);
        var cell = sheet.Worksheet!.Descendants<Cell>().Single(c => c.CellReference?.Value == reference);
        var styles = workbook.WorkbookStylesPart!.Stylesheet!;
        var format = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
        return styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == format.NumberFormatId!.Value)?.FormatCode?.Value;
    }
}
