using MiniExcelLibs;
using Portal.Infrastructure.Documents;

namespace Portal.Tests.Documents;

/// <summary>A person's quá trình lương as XLSX, read back with MiniExcel. The person is that of <see cref="SalaryHistoryDocumentTests.Sample"/>.</summary>
public sealed class SalaryHistoryWorkbookTests
{
    private static readonly string[] Header =
        ["Từ ngày", "Mã số", "Chức danh", "Nhóm", "Bậc", "Hệ số", "% hưởng", "% VK", "Số quyết định", "Ngày quyết định", "Hình thức"];

    [Fact]
    public void Row_1_is_the_header_on_the_first_sheet()
    {
        using var stream = Write(SalaryHistoryDocumentTests.Sample());

        var first = (IDictionary<string, object?>)MiniExcel.Query(stream).First();

        Assert.Equal(["Quá trình lương", "Thông tin"], MiniExcel.GetSheetNames(new MemoryStream(stream.ToArray())));
        Assert.Equal(Header, first.Values.Cast<string>());
    }

    [Fact]
    public void A_row_keeps_dates_as_dates_and_splits_the_decision_into_number_and_date()
    {
        using var stream = Write(SalaryHistoryDocumentTests.Sample());

        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: SalaryHistoryWorkbook.SheetName).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(3, rows.Count);
        var first = rows[0];
        Assert.Equal(new DateTime(2012, 8, 20), first["Từ ngày"]);
        Assert.Equal("V.07.03.29", first["Mã số"]);
        Assert.Equal("Giáo viên tiểu học hạng III", first["Chức danh"]);
        Assert.Equal("A1", first["Nhóm"]);
        Assert.Equal(1d, first["Bậc"]);
        Assert.Equal(2.34d, first["Hệ số"]);
        Assert.Equal(85d, first["% hưởng"]);
        Assert.Null(first["% VK"]);
        Assert.Equal("57/QĐ-UBND", first["Số quyết định"]);
        Assert.Equal(new DateTime(2012, 8, 20), first["Ngày quyết định"]);
        Assert.Equal("Xếp lương lần đầu", first["Hình thức"]);
        Assert.Equal((null, null), (rows[2]["Số quyết định"], rows[2]["Ngày quyết định"]));
    }

    [Fact]
    public void An_empty_history_still_has_its_header()
    {
        using var stream = Write(SalaryHistoryDocumentTests.Sample() with { Lines = [] });

        var all = MiniExcel.Query(stream, sheetName: SalaryHistoryWorkbook.SheetName).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(Header, Assert.Single(all).Values.Cast<string>());
    }

    [Fact]
    public void The_information_sheet_names_the_person()
    {
        using var stream = Write(SalaryHistoryDocumentTests.Sample());

        var info = MiniExcel.Query(stream, useHeaderRow: true, sheetName: SalaryHistoryWorkbook.InfoSheetName)
            .Cast<IDictionary<string, object?>>().ToDictionary(r => (string)r["Mục"]!, r => r["Nội dung"]);

        Assert.Equal("Trần Thị Bích Ngọc", info["Họ và tên"]);
        Assert.Equal("09/04/1988", info["Ngày sinh"]);
        Assert.Equal("HS-0312", info["Số hiệu"]);
        Assert.Equal("29/11/2026", info["Ngày in"]);
    }

    private static MemoryStream Write(SalaryHistorySheet sheet) => new(SalaryHistoryWorkbook.Write(sheet));
}
