using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Infrastructure.Documents;

namespace Portal.Tests.Documents;

/// <summary>A person's quá trình lương as DOCX, read back with the Open XML SDK. The person and the school are invented.</summary>
public sealed class SalaryHistoryDocumentTests
{
    [Fact]
    public void The_page_is_A4_portrait()
    {
        using var doc = Open(Sample());

        var size = Body(doc).GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;

        Assert.Equal(PageOrientationValues.Portrait, size.Orient!.Value);
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
    }

    [Fact]
    public void The_title_and_the_person_come_before_the_table()
    {
        using var doc = Open(Sample());

        var before = Body(doc).Elements<Table>().Single().ElementsBefore().OfType<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0);

        Assert.Equal(["TRƯỜNG TIỂU HỌC HOA SEN", "QUÁ TRÌNH LƯƠNG", "Họ và tên: Trần Thị Bích Ngọc", "Ngày sinh: 09/04/1988", "Số hiệu: HS-0312"], before);
    }

    [Fact]
    public void A_missing_staff_code_prints_a_dotted_leader()
    {
        using var doc = Open(Sample() with { StaffCode = null });

        Assert.Contains(Body(doc).Elements<Paragraph>(), p => p.InnerText == "Số hiệu: ………………");
    }

    [Fact]
    public void The_header_row_names_the_ten_columns_and_repeats_on_each_page()
    {
        using var doc = Open(Sample());

        var header = Body(doc).Elements<Table>().Single().Elements<TableRow>().First();

        Assert.Equal(["Từ ngày", "Mã số", "Chức danh", "Nhóm", "Bậc", "Hệ số", "% hưởng", "% VK", "Quyết định (số, ngày)", "Hình thức"], Cells(header));
        Assert.NotNull(header.TableRowProperties!.GetFirstChild<TableHeader>());
    }

    [Fact]
    public void Rows_print_in_the_given_order_with_dd_MM_yyyy_dates_and_vi_VN_numbers()
    {
        using var doc = Open(Sample());

        var rows = Body(doc).Elements<Table>().Single().Elements<TableRow>().Skip(1).Select(Cells).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["20/08/2012", "V.07.03.29", "Giáo viên tiểu học hạng III", "A1", "1", "2,34", "85%", "", "57/QĐ-UBND ngày 20/08/2012", "Xếp lương lần đầu"], rows[0]);
        Assert.Equal(["20/08/2022", "V.07.03.29", "Giáo viên tiểu học hạng III", "A1", "4", "3,33", "100%", "", "", "Thường xuyên"], rows[2]);
    }

    public static TheoryData<string, string?, DateOnly?, string> Decisions => new()
    {
        { "number and date", "112/QĐ-UBND", new DateOnly(2021, 8, 5), "112/QĐ-UBND ngày 05/08/2021" },
        { "number only", "112/QĐ-UBND", null, "112/QĐ-UBND" },
        { "date only", null, new DateOnly(2021, 8, 5), "ngày 05/08/2021" },
        { "blank number, no date", " ", null, "" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_decision_cell_prints_what_is_recorded(string _, string? number, DateOnly? signedOn, string expected)
    {
        var line = Sample().Lines[0] with { DecisionNumber = number, DecisionSignedOn = signedOn };
        using var doc = Open(Sample() with { Lines = [line] });

        var row = Body(doc).Elements<Table>().Single().Elements<TableRow>().ElementAt(1);

        Assert.Equal(expected, Cells(row)[8]);
    }

    [Fact]
    public void The_print_date_follows_the_table()
    {
        using var doc = Open(Sample());

        var after = Body(doc).Elements<Table>().Single().NextSibling<Paragraph>()!;

        Assert.Equal("Ngày in: 29/11/2026", after.InnerText);
    }

    [Fact]
    public void An_empty_history_keeps_the_header_and_prints_one_merged_row()
    {
        using var doc = Open(Sample() with { Lines = [] });

        var rows = Body(doc).Elements<Table>().Single().Elements<TableRow>().ToList();

        Assert.Equal(2, rows.Count);
        var only = Assert.Single(rows[1].Elements<TableCell>());
        Assert.Equal("Chưa có quá trình lương.", only.InnerText);
        Assert.Equal(10, only.TableCellProperties!.GridSpan!.Val!.Value);
    }

    [Fact]
    public void The_grid_fills_the_text_width()
    {
        using var doc = Open(Sample());

        var grid = Body(doc).Elements<Table>().Single().GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();

        Assert.Equal(10, grid.Count);
        Assert.Equal(11906 - 1701 - 1134, grid.Sum());
    }

    [Fact]
    public void The_document_is_valid_Open_XML()
    {
        foreach (var sheet in new[] { Sample(), Sample() with { Lines = [], StaffCode = null } })
        {
            using var doc = Open(sheet);

            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }
    }

    private static WordprocessingDocument Open(SalaryHistorySheet sheet) =>
        WordprocessingDocument.Open(new MemoryStream(SalaryHistoryDocument.Write(sheet)), false);

    private static Body Body(WordprocessingDocument doc) => doc.MainDocumentPart!.Document!.Body!;

    private static string[] Cells(TableRow row) => [.. row.Elements<TableCell>().Select(c => c.InnerText)];

    /// <summary>Placement on probation at 85%, full pay a year later, then a regular raise with no decision on file yet.</summary>
    internal static SalaryHistorySheet Sample() => new(
        "Trường Tiểu học Hoa Sen",
        "Trần Thị Bích Ngọc",
        new DateOnly(1988, 4, 9),
        "HS-0312",
        new DateOnly(2026, 11, 29),
        [
            new(new DateOnly(2012, 8, 20), "V.07.03.29", "Giáo viên tiểu học hạng III", "A1", 1, 2.34m, 85m, null,
                "57/QĐ-UBND", new DateOnly(2012, 8, 20), "Xếp lương lần đầu"),
            new(new DateOnly(2013, 8, 20), "V.07.03.29", "Giáo viên tiểu học hạng III", "A1", 1, 2.34m, 100m, null,
                "88/QĐ-UBND", new DateOnly(2013, 8, 15), "Hết tập sự"),
            new(new DateOnly(2022, 8, 20), "V.07.03.29", "Giáo viên tiểu học hạng III", "A1", 4, 3.33m, 100m, null,
                null, null, "Thường xuyên"),
        ]);
}
