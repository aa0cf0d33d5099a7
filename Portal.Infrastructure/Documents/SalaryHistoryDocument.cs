using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// One person's quá trình lương, already loaded and checked for permission by the caller. The writers print the lines
/// in the given order (oldest first, as the salary history is kept).
/// </summary>
public sealed record SalaryHistorySheet(
    string UnitName,
    string FullName,
    DateOnly BornOn,
    /// <summary>Số hiệu cán bộ, viên chức; null prints a dotted leader.</summary>
    string? StaffCode,
    DateOnly PrintedOn,
    IReadOnlyList<SalaryHistoryLine> Lines);

/// <summary>One salary row: the step held from <see cref="From"/> (ngày hưởng) and the decision it rests on.</summary>
public sealed record SalaryHistoryLine(
    DateOnly From,
    /// <summary>Mã số ngạch or chức danh nghề nghiệp, e.g. "V.07.03.29".</summary>
    string TitleCode,
    string TitleName,
    /// <summary>Nhóm ngạch on the salary scale, e.g. "A1".</summary>
    string? Group,
    int Step,
    decimal Coefficient,
    /// <summary>Phần trăm hưởng: 85 during probation, else 100.</summary>
    decimal PercentReceived,
    /// <summary>Phụ cấp thâm niên vượt khung in percent; null when none.</summary>
    decimal? BeyondFramePercent,
    string? DecisionNumber,
    DateOnly? DecisionSignedOn,
    /// <summary>Hình thức, e.g. "Thường xuyên", "Trước thời hạn (thành tích)", "PCTNVK".</summary>
    string? Kind);

/// <summary>
/// Writes a person's quá trình lương as a DOCX: A4 portrait, Times New Roman 13 pt (the table 11 pt), the unit, the title
/// "QUÁ TRÌNH LƯƠNG", name, birth date and staff code, one table row per salary row, and the print date. A history
/// without rows keeps the header and prints one merged row "Chưa có quá trình lương.".
/// </summary>
/// <remarks>The page and run helpers are the same as <see cref="Form2CDocument"/>'s.</remarks>
public static class SalaryHistoryDocument
{
    private const string Font = "Times New Roman";
    /// <summary>
    /// Body 13 pt and title 14 pt, in half-points. The table is 11 pt: ten columns share 16 cm, and at 12 pt a title code
    /// ("V.07.03.29") or a date no longer fits its column.
    /// </summary>
    private const int BodySize = 26, TitleSize = 28, TableSize = 22;
    private const string Blank = "………………";
    private const string EmptyHistory = "Chưa có quá trình lương.";

    /// <summary>A4 (210 × 297 mm) and margins of 2 cm (3 cm on the binding side), in twentieths of a point (1 cm = 567).</summary>
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134, LeftMargin = 1701;
    private const int TextWidth = PageWidth - LeftMargin - Margin;
    /// <summary>Cell padding of 1 mm each side (Word's default is 1.9 mm), so the narrow columns keep their headers whole.</summary>
    private const int CellPadding = 57;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The columns in print order with widths in twips (fitting a date, a title code and each header at 11 pt); "Hình thức" takes the rest.</summary>
    private static readonly Column[] Columns =
    [
        new("Từ ngày", 1150), new("Mã số", 1150), new("Chức danh", 1150, Left: true), new("Nhóm", 720), new("Bậc", 520),
        new("Hệ số", 650), new("% hưởng", 700), new("% VK", 750), new("Quyết định (số, ngày)", 1200, Left: true),
        new("Hình thức", 0, Left: true),
    ];

    /// <summary>Declared after <see cref="Columns"/>: static fields initialise in text order.</summary>
    private static readonly int[] Widths = [.. Columns[..^1].Select(c => c.Width), TextWidth - Columns[..^1].Sum(c => c.Width)];

    /// <summary>The history as DOCX bytes.</summary>
    public static byte[] Write(SalaryHistorySheet sheet)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.Document = new Document(new Body([.. Content(sheet), Page()]));
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(SalaryHistorySheet sheet) =>
    [
        Line(sheet.UnitName.ToUpper(Vietnamese), bold: true),
        Line(""),
        Line("QUÁ TRÌNH LƯƠNG", bold: true, size: TitleSize, align: JustificationValues.Center),
        Line(""),
        Line($"Họ và tên: {sheet.FullName}"),
        Line($"Ngày sinh: {Date(sheet.BornOn)}"),
        Line($"Số hiệu: {(string.IsNullOrWhiteSpace(sheet.StaffCode) ? Blank : sheet.StaffCode)}"),
        HistoryTable(sheet.Lines),
        Line($"Ngày in: {Date(sheet.PrintedOn)}", italic: true, align: JustificationValues.Right),
    ];

    /// <summary>Times New Roman 13 pt for every run, set once in the document defaults; Vietnamese for proofing.</summary>
    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = $"{BodySize}" },
                new FontSizeComplexScript { Val = $"{BodySize}" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "60", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    private static SectionProperties Page() => new(
        new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
        new PageMargin { Top = Margin, Bottom = Margin, Left = LeftMargin, Right = Margin, Header = 709, Footer = 709, Gutter = 0 });

    /// <summary>A bordered table whose bold header row repeats on every page.</summary>
    private static Table HistoryTable(IReadOnlyList<SalaryHistoryLine> lines)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = $"{TextWidth}" },
                new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                    Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TableCellLeftMargin { Width = CellPadding, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = CellPadding, Type = TableWidthValues.Dxa })),
            new TableGrid(Widths.Select(w => new GridColumn { Width = $"{w}" })),
            new TableRow(
                [
                    new TableRowProperties(new TableHeader(), new CantSplit()),
                    .. Columns.Select((c, i) => Cell(Widths[i], Line(c.Header, bold: true, size: TableSize, align: JustificationValues.Center), middle: true)),
                ]));
        if (lines.Count == 0)
            table.Append(new TableRow(Cell(TextWidth, Line(EmptyHistory, italic: true, size: TableSize, align: JustificationValues.Center), span: Columns.Length)));
        table.Append(lines.Select(line => new TableRow(
            [
                new TableRowProperties(new CantSplit()),
                .. Cells(line).Select((text, i) => Cell(Widths[i],
                    Line(text ?? "", size: TableSize, align: Columns[i].Left ? JustificationValues.Left : JustificationValues.Center))),
            ])));
        return table;
    }

    private static string?[] Cells(SalaryHistoryLine line) =>
    [
        Date(line.From), line.TitleCode, line.TitleName, line.Group, line.Step.ToString(CultureInfo.InvariantCulture),
        Coefficient(line.Coefficient), Percent(line.PercentReceived), Percent(line.BeyondFramePercent),
        Decision(line.DecisionNumber, line.DecisionSignedOn), line.Kind,
    ];

    /// <summary>"57/QĐ-UBND ngày 20/08/2015"; either part alone when the other is not recorded.</summary>
    private static string? Decision(string? number, DateOnly? signedOn) => (string.IsNullOrWhiteSpace(number), signedOn) switch
    {
        (false, { } d) => $"{number} ngày {Date(d)}",
        (false, null) => number,
        (true, { } d) => $"ngày {Date(d)}",
        (true, null) => null,
    };

    private static string Date(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Hệ số "3,33".</summary>
    private static string Coefficient(decimal c) => c.ToString("0.00", Vietnamese);

    /// <summary>"100%", "7,5%".</summary>
    private static string? Percent(decimal? p) => p is null ? null : $"{p.Value.ToString("0.##", Vietnamese)}%";

    private static Paragraph Line(string text, bool bold = false, bool italic = false, int? size = null, JustificationValues? align = null)
    {
        var paragraph = new Paragraph();
        if (align is { } a) paragraph.Append(new ParagraphProperties(new Justification { Val = a }));
        if (text.Length > 0) paragraph.Append(TextRun(text, bold, italic, size));
        return paragraph;
    }

    private static Run TextRun(string text, bool bold, bool italic, int? size)
    {
        var properties = new RunProperties();
        if (bold) properties.Bold = new Bold();
        if (italic) properties.Italic = new Italic();
        if (size is { } s) (properties.FontSize, properties.FontSizeComplexScript) = (new FontSize { Val = $"{s}" }, new FontSizeComplexScript { Val = $"{s}" });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A table column: its header, its width in twips, and whether its text is left-aligned rather than centred.</summary>
    private sealed record Column(string Header, int Width, bool Left = false);

    /// <summary>A cell <paramref name="span"/> grid columns wide.</summary>
    private static TableCell Cell(int width, Paragraph paragraph, int span = 1, bool middle = false)
    {
        // Schema order: width, grid span, vertical alignment.
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = $"{width}" });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (middle) properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(properties, paragraph);
    }

    private static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" };
}

/// <summary>
/// Writes a person's quá trình lương as an XLSX: the sheet "Quá trình lương" has the DOCX's columns with the header in
/// row 1 ("Quyết định (số, ngày)" split into "Số quyết định" and "Ngày quyết định"); the person and the print date go on
/// a second sheet "Thông tin". Dates are real dates shown as dd/mm/yyyy so they sort by time (text "15/08/2022" sorts by
/// day); coefficients are numbers shown with two decimals.
/// </summary>
public static class SalaryHistoryWorkbook
{
    public const string SheetName = "Quá trình lương", InfoSheetName = "Thông tin";

    /// <summary>The history as XLSX bytes.</summary>
    public static byte[] Write(SalaryHistorySheet sheet)
    {
        var rows = sheet.Lines.Select(l => new Row(l.From, l.TitleCode, l.TitleName, l.Group, l.Step, l.Coefficient,
            l.PercentReceived, l.BeyondFramePercent, l.DecisionNumber, l.DecisionSignedOn, l.Kind));
        InfoRow[] info =
        [
            new("Đơn vị", sheet.UnitName),
            new("Họ và tên", sheet.FullName),
            new("Ngày sinh", sheet.BornOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
            new("Số hiệu", sheet.StaffCode ?? ""),
            new("Ngày in", sheet.PrintedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
        ];
        using var stream = new MemoryStream();
        // A typed row, not a dictionary: MiniExcel takes the header from the type, so an empty history still has its header.
        stream.SaveAs(new Dictionary<string, object> { [SheetName] = rows, [InfoSheetName] = info });
        return stream.ToArray();
    }

    private sealed record Row(
        [property: ExcelColumn(Name = "Từ ngày", Format = "dd/mm/yyyy", Width = 12)] DateOnly From,
        [property: ExcelColumn(Name = "Mã số", Width = 12)] string TitleCode,
        [property: ExcelColumn(Name = "Chức danh", Width = 30)] string TitleName,
        [property: ExcelColumn(Name = "Nhóm", Width = 8)] string? Group,
        [property: ExcelColumn(Name = "Bậc", Width = 6)] int Step,
        [property: ExcelColumn(Name = "Hệ số", Format = "0.00", Width = 8)] decimal Coefficient,
        [property: ExcelColumn(Name = "% hưởng", Width = 9)] decimal PercentReceived,
        [property: ExcelColumn(Name = "% VK", Width = 7)] decimal? BeyondFramePercent,
        [property: ExcelColumn(Name = "Số quyết định", Width = 18)] string? DecisionNumber,
        [property: ExcelColumn(Name = "Ngày quyết định", Format = "dd/mm/yyyy", Width = 12)] DateOnly? DecisionSignedOn,
        [property: ExcelColumn(Name = "Hình thức", Width = 26)] string? Kind);

    private sealed record InfoRow(
        [property: ExcelColumn(Name = "Mục", Width = 14)] string Item,
        [property: ExcelColumn(Name = "Nội dung", Width = 40)] string Value);
}
