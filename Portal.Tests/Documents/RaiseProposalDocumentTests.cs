using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Infrastructure.Documents;

namespace Portal.Tests.Documents;

/// <summary>
/// The danh sách đề nghị nâng lương as DOCX, read back with the Open XML SDK. Every person, school and body below is invented.
/// </summary>
public sealed class RaiseProposalDocumentTests
{
    [Fact]
    public void The_page_is_A4_landscape()
    {
        using var doc = Open(Sample());

        var size = Body(doc).GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;

        Assert.Equal(PageOrientationValues.Landscape, size.Orient!.Value);
        Assert.True(size.Width!.Value > size.Height!.Value, $"width {size.Width.Value} should exceed height {size.Height.Value}");
        Assert.Equal((16838u, 11906u), (size.Width.Value, size.Height.Value));
    }

    [Fact]
    public void The_heading_block_puts_the_bodies_left_and_the_national_name_right()
    {
        using var doc = Open(Sample());

        var heading = Body(doc).Elements<Table>().First().Elements<TableRow>().Single().Elements<TableCell>().ToList();
        var left = heading[0].Elements<Paragraph>().ToList();
        var right = heading[1].Elements<Paragraph>().ToList();

        Assert.Equal(["UBND PHƯỜNG HÒA BÌNH", "TRƯỜNG TIỂU HỌC HOA SEN"], left.Select(p => p.InnerText));
        Assert.True(IsBold(left[1]) && IsUnderlined(left[1]), "the unit name is bold and underlined");
        Assert.False(IsBold(left[0]), "the superior body is not bold");
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Thành phố Hoa Sen, ngày 15 tháng 12 năm 2026"],
            right.Select(p => p.InnerText));
        Assert.True(IsBold(right[0]), "the national name is bold");
        Assert.True(IsBold(right[1]) && IsUnderlined(right[1]), "the motto is bold and underlined");
        Assert.True(Run(right[2]).RunProperties!.Italic is not null, "the place and date are italic");
    }

    [Theory]
    [InlineData(2026, 12, 15, "ngày 15 tháng 12 năm 2026")]
    [InlineData(2027, 1, 5, "ngày 05 tháng 01 năm 2027")]
    [InlineData(2028, 2, 29, "ngày 29 tháng 02 năm 2028")]
    [InlineData(2027, 3, 9, "ngày 09 tháng 3 năm 2027")]
    [InlineData(2026, 10, 1, "ngày 01 tháng 10 năm 2026")]
    public void The_date_has_a_leading_zero_only_on_days_below_10_and_months_below_3(int year, int month, int day, string expected)
    {
        using var doc = Open(Sample() with { Date = new DateOnly(year, month, day) });

        Assert.Contains(Body(doc).Descendants<Paragraph>(), p => p.InnerText == $"Thành phố Hoa Sen, {expected}");
    }

    [Fact]
    public void The_title_and_the_period_are_bold_and_centred_above_the_table()
    {
        using var doc = Open(Sample());

        var paragraphs = Body(doc).Elements<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();

        Assert.Equal("DANH SÁCH ĐỀ NGHỊ NÂNG BẬC LƯƠNG THƯỜNG XUYÊN", paragraphs[0].InnerText);
        Assert.Equal("Tháng 12 năm 2026", paragraphs[1].InnerText);
        Assert.All(paragraphs[..2], p => Assert.True(IsBold(p)));
        Assert.All(paragraphs[..2], p => Assert.Equal(JustificationValues.Center, p.ParagraphProperties!.Justification!.Val!.Value));
    }

    [Fact]
    public void The_header_has_two_rows_with_the_pay_groups_over_three_sub_columns()
    {
        using var doc = Open(Sample());

        var rows = LinesTable(doc).Elements<TableRow>().ToList();

        Assert.Equal(["STT", "Họ và tên", "Ngày sinh", "Chức danh (mã số)", "Bậc, hệ số hiện hưởng", "Thời điểm hưởng",
            "Bậc, hệ số mới", "Thời điểm hưởng mới", "Hình thức", "Ghi chú"], Cells(rows[0]));
        Assert.Equal(["", "", "", "", "Bậc", "Hệ số", "% VK", "", "Bậc", "Hệ số", "% VK", "", "", ""], Cells(rows[1]));
        var top = rows[0].Elements<TableCell>().ToList();
        Assert.Equal([1, 1, 1, 1, 3, 1, 3, 1, 1, 1], top.Select(c => c.TableCellProperties!.GridSpan?.Val?.Value ?? 1));
        Assert.All(top.Where(c => c.TableCellProperties!.GridSpan is null),
            c => Assert.Equal(MergedCellValues.Restart, c.TableCellProperties!.VerticalMerge!.Val!.Value));
        Assert.All(rows[1].Elements<TableCell>().Where(c => c.InnerText == ""),
            c => Assert.Equal(MergedCellValues.Continue, c.TableCellProperties!.VerticalMerge!.Val?.Value ?? MergedCellValues.Continue));
        Assert.All(rows[..2], r => Assert.NotNull(r.TableRowProperties!.GetFirstChild<TableHeader>()));
    }

    [Fact]
    public void The_grid_fills_the_text_width_and_every_row_covers_the_grid()
    {
        using var doc = Open(Sample());

        var table = LinesTable(doc);
        var grid = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!)).ToList();

        Assert.Equal(14, grid.Count);
        Assert.Equal(16838 - 2 * 1134, grid.Sum());
        Assert.All(table.Elements<TableRow>(), row =>
            Assert.Equal(14, row.Elements<TableCell>().Sum(c => c.TableCellProperties!.GridSpan?.Val?.Value ?? 1)));
    }

    [Fact]
    public void A_row_prints_the_person_with_diacritics_dd_MM_yyyy_dates_and_vi_VN_coefficients()
    {
        using var doc = Open(Sample());

        var rows = LinesTable(doc).Elements<TableRow>().Skip(2).Select(Cells).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["1", "Trần Thị Bích Ngọc", "09/04/1988", "Giáo viên tiểu học hạng III (V.07.03.29)", "4", "3,33", "", "15/12/2023",
            "5", "3,66", "", "15/12/2026", "Thường xuyên", "Đủ 36 tháng giữ bậc 4"], rows[0]);
    }

    [Fact]
    public void A_beyond_frame_row_prints_the_percent_and_leaves_the_unchanged_step_blank()
    {
        using var doc = Open(Sample());

        var row = Cells(LinesTable(doc).Elements<TableRow>().Last());

        Assert.Equal(["3", "Phạm Quốc Hưng", "02/11/1970", "Giáo viên tiểu học hạng III (V.07.03.29)", "9", "4,98", "5%", "01/03/2026",
            "", "", "6%", "01/03/2027", "PCTNVK", "Thêm 1% sau 12 tháng"], row);
    }

    [Fact]
    public void The_total_line_counts_the_people()
    {
        using var doc = Open(Sample());

        var total = Body(doc).Elements<Paragraph>().Single(p => p.InnerText.StartsWith("Tổng cộng", StringComparison.Ordinal));

        Assert.Equal("Tổng cộng: 3 người", total.InnerText);
        Assert.IsType<Table>(total.PreviousSibling());
    }

    [Fact]
    public void An_empty_list_keeps_the_header_and_prints_one_merged_row()
    {
        using var doc = Open(Sample() with { Lines = [] });

        var rows = LinesTable(doc).Elements<TableRow>().ToList();

        Assert.Equal(3, rows.Count);
        var only = Assert.Single(rows[2].Elements<TableCell>());
        Assert.Equal("Không có người nào trong kỳ này.", only.InnerText);
        Assert.Equal(14, only.TableCellProperties!.GridSpan!.Val!.Value);
        Assert.Contains(Body(doc).Elements<Paragraph>(), p => p.InnerText == "Tổng cộng: 0 người");
    }

    [Fact]
    public void The_preparer_signs_left_and_the_signer_right_with_the_name()
    {
        using var doc = Open(Sample());

        var cells = Body(doc).Elements<Table>().Last().Descendants<TableCell>().ToList();
        var left = cells[0].Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0);
        var right = cells[1].Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0);

        Assert.Equal(["NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)"], left);
        Assert.Equal(["HIỆU TRƯỞNG", "(Ký tên, đóng dấu)", "Lê Minh Khoa"], right);
    }

    [Fact]
    public void Without_a_signer_name_the_space_is_left_for_the_hand()
    {
        using var doc = Open(Sample() with { SignerName = null });

        var right = Body(doc).Elements<Table>().Last().Descendants<TableCell>().Last();

        Assert.Equal(["HIỆU TRƯỞNG", "(Ký tên, đóng dấu)"], right.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0));
    }

    [Fact]
    public void Every_run_is_Times_New_Roman_from_the_document_defaults()
    {
        using var doc = Open(Sample());

        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("26", defaults.FontSize!.Val!.Value);
        Assert.Empty(Body(doc).Descendants<RunFonts>());
    }

    [Fact]
    public void The_document_is_valid_Open_XML()
    {
        foreach (var proposal in new[] { Sample(), Sample() with { Lines = [], SignerName = null } })
        {
            using var doc = Open(proposal);

            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }
    }

    private static WordprocessingDocument Open(RaiseProposal proposal) =>
        WordprocessingDocument.Open(new MemoryStream(RaiseProposalDocument.Write(proposal)), false);

    private static Body Body(WordprocessingDocument doc) => doc.MainDocumentPart!.Document!.Body!;

    private static Table LinesTable(WordprocessingDocument doc) =>
        Body(doc).Elements<Table>().Single(t => Cells(t.Elements<TableRow>().First())[0] == "STT");

    private static string[] Cells(TableRow row) => [.. row.Elements<TableCell>().Select(c => c.InnerText)];

    private static Run Run(Paragraph p) => p.Elements<Run>().Single();

    private static bool IsBold(Paragraph p) => Run(p).RunProperties?.Bold is not null;

    private static bool IsUnderlined(Paragraph p) => Run(p).RunProperties?.Underline?.Val?.Value == UnderlineValues.Single;

    /// <summary>A regular raise, an early raise before retirement, and a beyond-frame allowance going from 5% to 6%.</summary>
    internal static RaiseProposal Sample() => new(
        "UBND phường Hòa Bình",
        "Trường Tiểu học Hoa Sen",
        "DANH SÁCH ĐỀ NGHỊ NÂNG BẬC LƯƠNG THƯỜNG XUYÊN",
        "Tháng 12 năm 2026",
        "Thành phố Hoa Sen",
        new DateOnly(2026, 12, 15),
        "Hiệu trưởng",
        "Lê Minh Khoa",
        [
            new("Trần Thị Bích Ngọc", new DateOnly(1988, 4, 9), "Giáo viên tiểu học hạng III", "V.07.03.29",
                4, 3.33m, new DateOnly(2023, 12, 15), null, 5, 3.66m, null, new DateOnly(2026, 12, 15),
                "Thường xuyên", "Đủ 36 tháng giữ bậc 4"),
            new("Nguyễn Văn Đức", new DateOnly(1966, 7, 20), "Giáo viên tiểu học hạng II", "V.07.03.28",
                6, 5.02m, new DateOnly(2024, 9, 1), null, 7, 5.36m, null, new DateOnly(2026, 12, 1),
                "Trước thời hạn (nghỉ hưu)", "Có thông báo nghỉ hưu"),
            new("Phạm Quốc Hưng", new DateOnly(1970, 11, 2), "Giáo viên tiểu học hạng III", "V.07.03.29",
                9, 4.98m, new DateOnly(2026, 3, 1), 5m, null, null, 6m, new DateOnly(2027, 3, 1),
                "PCTNVK", "Thêm 1% sau 12 tháng"),
        ]);
}
