using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Portal.Infrastructure.Documents.DocumentText;
using static Portal.Infrastructure.Documents.WordLayout;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// Writes the danh sách đề nghị nâng lương of one period as a DOCX: A4 landscape, Times New Roman, the heading block of an
/// administrative document (NĐ 30/2020/NĐ-CP, Phụ lục I), the title and period, one table row per person, the total, and
/// the two signatures.
/// </summary>
/// <remarks>
/// The table has fourteen grid columns: "Bậc, hệ số hiện hưởng" and "Bậc, hệ số mới" each span "Bậc | Hệ số | % VK" in a
/// second header row, and the other headers are merged down across both rows. Both header rows repeat on every page.
/// A list without lines keeps the header and prints one merged row "Không có người nào trong kỳ này.".
/// The page, paragraph and table builders are shared with the other writers in <see cref="WordLayout"/>.
/// </remarks>
public static class RaiseProposalDocument
{
    /// <summary>
    /// Body 13 pt and title 14 pt, in half-points. The table is 12 pt: at 13 pt a date ("15/08/2022") no longer fits its
    /// column beside the thirteen others on a landscape page.
    /// </summary>
    private const int BodySize = 26, TitleSize = 28, TableSize = 24;

    /// <summary>
    /// A4 landscape (297 × 210 mm), margins in twentieths of a point (1 cm = 567). NĐ 30/2020 asks 2–2.5 cm top and bottom,
    /// 3–3.5 cm on the binding side and 1.5–2 cm opposite; a landscape page is bound along its top edge, so the 3 cm goes there.
    /// </summary>
    private const int Margin = 1134, TopMargin = 1701;
    private const int TextWidth = A4Long - 2 * Margin;
    /// <summary>Cell padding of 1 mm each side (Word's default is 1.9 mm), so the narrow columns keep their headers on one line.</summary>
    private const int CellPadding = 57;

    private const string EmptyList = "Không có người nào trong kỳ này.";
    private const string CurrentPay = "Bậc, hệ số hiện hưởng", NewPay = "Bậc, hệ số mới";

    /// <summary>
    /// The table's columns in print order, with widths in twips; a column with a <see cref="Column.Group"/> sits under that
    /// group's merged header. The widths fit a "dd/MM/yyyy" date and each header at 12 pt; "Ghi chú" takes the rest.
    /// </summary>
    private static readonly Column[] Columns =
    [
        new("STT", 600), new("Họ và tên", 2000, Left: true), new("Ngày sinh", 1250), new("Chức danh (mã số)", 1500, Left: true),
        new("Bậc", 560, CurrentPay), new("Hệ số", 700, CurrentPay), new("% VK", 800, CurrentPay),
        new("Thời điểm hưởng", 1250),
        new("Bậc", 560, NewPay), new("Hệ số", 700, NewPay), new("% VK", 800, NewPay),
        new("Thời điểm hưởng mới", 1250), new("Hình thức", 1450, Left: true), new("Ghi chú", 0, Left: true),
    ];

    /// <summary>Declared after <see cref="Columns"/>: static fields initialise in text order.</summary>
    private static readonly int[] Widths = [.. Columns[..^1].Select(c => c.Width), TextWidth - Columns[..^1].Sum(c => c.Width)];

    /// <summary>The list as DOCX bytes.</summary>
    public static byte[] Write(RaiseProposal proposal)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(BodySize);
            main.Document = new Document(new Body(
                [.. Content(proposal), Page(A4Long, A4Short, top: TopMargin, right: Margin, bottom: Margin, left: Margin)]));
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(RaiseProposal proposal) =>
    [
        Heading(proposal),
        Line(""),
        Line(proposal.Title, bold: true, size: TitleSize, align: JustificationValues.Center),
        Line(proposal.PeriodLabel, bold: true, align: JustificationValues.Center),
        Line(""),
        LinesTable(proposal.Lines),
        Line($"Tổng cộng: {proposal.Lines.Count} người", bold: true),
        Signatures(proposal),
        // Word expects the body to end with a paragraph, not a table.
        Line(""),
    ];

    /// <summary>
    /// The heading block (NĐ 30/2020, Phụ lục I): on the left the superior body in capitals and the unit in bold capitals,
    /// underlined; on the right the national name in bold capitals, the motto in bold, underlined, and below it the place
    /// and date in italics. The decree draws the rules as lines under the text; an underline of the run stands in for them.
    /// </summary>
    private static Table Heading(RaiseProposal proposal)
    {
        const int left = 5670;
        return Borderless([left, TextWidth - left], Row(
            Cell(left,
                Line(proposal.SuperiorBody.ToUpper(Vietnamese), align: JustificationValues.Center),
                Line(proposal.UnitName.ToUpper(Vietnamese), bold: true, underline: true, align: JustificationValues.Center)),
            Cell(TextWidth - left,
                Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, align: JustificationValues.Center),
                Line("Độc lập - Tự do - Hạnh phúc", bold: true, underline: true, align: JustificationValues.Center),
                Line($"{proposal.Place}, {DayMonthYear(proposal.Date)}", italic: true, align: JustificationValues.Center))));
    }

    /// <summary>
    /// "ngày 05 tháng 3 năm 2027": a leading zero on days below 10 and on months below 3 only, as NĐ 30/2020 (Phụ lục I,
    /// thời gian ban hành văn bản) writes the date of an administrative document.
    /// </summary>
    private static string DayMonthYear(DateOnly d) => string.Create(CultureInfo.InvariantCulture,
        $"ngày {d.Day:00} tháng {d.Month.ToString(d.Month < 3 ? "00" : "0", CultureInfo.InvariantCulture)} năm {d.Year}");

    private static Table LinesTable(IReadOnlyList<RaiseProposalLine> lines)
    {
        var table = Bordered(Widths, CellPadding);
        table.Append(HeaderRows());
        if (lines.Count == 0)
            table.Append(Row(GridCell(TextWidth, Line(EmptyList, italic: true, size: TableSize, align: JustificationValues.Center), span: Columns.Length)));
        table.Append(lines.Select((line, i) => BodyRow(Cells(line, i + 1))));
        return table;
    }

    /// <summary>
    /// Two header rows: a column without a group is one cell merged down across both; a group is one cell spanning its
    /// columns on top, with their own headers below.
    /// </summary>
    private static TableRow[] HeaderRows()
    {
        var top = new List<TableCell>();
        var bottom = new List<TableCell>();
        for (var i = 0; i < Columns.Length;)
        {
            var group = Columns[i].Group;
            if (group is null)
            {
                top.Add(HeaderCell(Widths[i], Columns[i].Header, merge: MergedCellValues.Restart));
                bottom.Add(HeaderCell(Widths[i], "", merge: MergedCellValues.Continue));
                i++;
                continue;
            }
            var span = Columns.Skip(i).TakeWhile(c => c.Group == group).Count();
            top.Add(HeaderCell(Widths[i..(i + span)].Sum(), group, span: span));
            for (var j = i; j < i + span; j++) bottom.Add(HeaderCell(Widths[j], Columns[j].Header));
            i += span;
        }
        return [HeaderRow(top), HeaderRow(bottom)];
    }

    private static TableCell HeaderCell(int width, string text, int span = 1, MergedCellValues? merge = null) =>
        GridCell(width, Line(text, bold: true, size: TableSize, align: JustificationValues.Center), span, merge, middle: true);

    /// <summary>STT, name, birth date, title (code), then the held and the proposed pay, the kind and the note.</summary>
    private static string?[] Cells(RaiseProposalLine line, int number) =>
    [
        number.ToString(CultureInfo.InvariantCulture), line.FullName, Date(line.BornOn), TitleWithCode(line.TitleName, line.TitleCode),
        line.CurrentStep.ToString(CultureInfo.InvariantCulture), Coefficient(line.CurrentCoefficient), Percent(line.CurrentBeyondFramePercent),
        Date(line.HeldSince),
        line.NewStep?.ToString(CultureInfo.InvariantCulture), Coefficient(line.NewCoefficient), Percent(line.NewBeyondFramePercent),
        Date(line.NewFrom), line.Kind, line.Note,
    ];

    /// <summary>A person's row does not split across pages.</summary>
    private static TableRow BodyRow(string?[] cells) => UnsplitRow(cells.Select((text, i) => GridCell(Widths[i],
        Line(text ?? "", size: TableSize, align: Columns[i].Left ? JustificationValues.Left : JustificationValues.Center))));

    /// <summary>"Người lập biểu" on the left; the signer's title, then space for signature and seal, then the name on the right.</summary>
    private static Table Signatures(RaiseProposal proposal)
    {
        var half = TextWidth / 2;
        return Borderless([half, TextWidth - half], UnsplitRow(
        [
            Cell(half,
                Line("NGƯỜI LẬP BIỂU", bold: true, align: JustificationValues.Center),
                Line("(Ký, ghi rõ họ tên)", italic: true, align: JustificationValues.Center)),
            Cell(TextWidth - half,
                Line(proposal.SignerTitle.ToUpper(Vietnamese), bold: true, align: JustificationValues.Center),
                Line("(Ký tên, đóng dấu)", italic: true, align: JustificationValues.Center),
                Line(""), Line(""), Line(""),
                Line(proposal.SignerName ?? "", bold: true, align: JustificationValues.Center)),
        ]));
    }

    private static string TitleWithCode(string name, string code) => string.IsNullOrWhiteSpace(code) ? name : $"{name} ({code})";

    /// <summary>
    /// A table column: its header, its width in twips, the merged header it sits under (if any), and whether its text is
    /// left-aligned (names and words) rather than centred (numbers and dates).
    /// </summary>
    private sealed record Column(string Header, int Width, string? Group = null, bool Left = false);
}
