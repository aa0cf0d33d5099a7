using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using static Portal.Infrastructure.Documents.DocumentText;
using static Portal.Infrastructure.Documents.WordLayout;

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
/// <remarks>The page, paragraph and table builders are shared with the other writers in <see cref="WordLayout"/>.</remarks>
public static class SalaryHistoryDocument
{
    /// <summary>
    /// Body 13 pt and title 14 pt, in half-points. The table is 11 pt: ten columns share 16 cm, and at 12 pt a title code
    /// ("V.07.03.29") or a date no longer fits its column.
    /// </summary>
    private const int BodySize = 26, TitleSize = 28, TableSize = 22;
    private const string EmptyHistory = "Chưa có quá trình lương.";

    /// <summary>A4 portrait with margins of 2 cm (3 cm on the binding side), in twentieths of a point (1 cm = 567).</summary>
    private const int Margin = 1134, LeftMargin = 1701;
    private const int TextWidth = A4Short - LeftMargin - Margin;
    /// <summary>Cell padding of 1 mm each side (Word's default is 1.9 mm), so the narrow columns keep their headers whole.</summary>
    private const int CellPadding = 57;

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
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(BodySize);
            main.Document = new Document(new Body(
                [.. Content(sheet), Page(A4Short, A4Long, top: Margin, right: Margin, bottom: Margin, left: LeftMargin)]));
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
        Line($"Số hiệu: {OrBlank(sheet.StaffCode)}"),
        HistoryTable(sheet.Lines),
        Line($"Ngày in: {Date(sheet.PrintedOn)}", italic: true, align: JustificationValues.Right),
    ];

    /// <summary>A bordered table whose bold header row repeats on every page.</summary>
    private static Table HistoryTable(IReadOnlyList<SalaryHistoryLine> lines)
    {
        var table = Bordered(Widths, CellPadding);
        table.Append(HeaderRow(Columns.Select((c, i) =>
            GridCell(Widths[i], Line(c.Header, bold: true, size: TableSize, align: JustificationValues.Center), middle: true))));
        if (lines.Count == 0)
            table.Append(Row(GridCell(TextWidth, Line(EmptyHistory, italic: true, size: TableSize, align: JustificationValues.Center), span: Columns.Length)));
        table.Append(lines.Select(line => UnsplitRow(Cells(line).Select((text, i) => GridCell(Widths[i],
            Line(text ?? "", size: TableSize, align: Columns[i].Left ? JustificationValues.Left : JustificationValues.Center))))));
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

    /// <summary>A table column: its header, its width in twips, and whether its text is left-aligned rather than centred.</summary>
    private sealed record Column(string Header, int Width, bool Left = false);
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
            new("Ngày sinh", Date(sheet.BornOn)),
            new("Số hiệu", sheet.StaffCode ?? ""),
            new("Ngày in", Date(sheet.PrintedOn)),
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
