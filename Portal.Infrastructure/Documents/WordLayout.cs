using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// The Open XML pieces the DOCX writers (<see cref="Form2CDocument"/>, <see cref="RaiseProposalDocument"/>,
/// <see cref="SalaryHistoryDocument"/>) build their pages from: document defaults, the A4 page, paragraphs, runs and
/// tables. Each writer keeps its own layout (page orientation, margins, column widths, font sizes) and passes it in.
/// Lengths are in twentieths of a point (twips, 1 cm = 567) and font sizes in half-points, as Open XML counts them.
/// </summary>
internal static class WordLayout
{
    private const string Font = "Times New Roman";

    /// <summary>A4 (210 × 297 mm): the short and the long side.</summary>
    public const int A4Short = 11906, A4Long = 16838;

    /// <summary>
    /// Times New Roman at <paramref name="bodySize"/> for every run, set once in the document defaults; Vietnamese for
    /// proofing; 3 pt after each paragraph and 1.1 lines between lines.
    /// </summary>
    public static Styles Styles(int bodySize) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = $"{bodySize}" },
                new FontSizeComplexScript { Val = $"{bodySize}" },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "60", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    /// <summary>
    /// The page that closes the body: landscape when <paramref name="width"/> exceeds <paramref name="height"/>, the given
    /// margins, and header and footer 1.25 cm from the edge.
    /// </summary>
    public static SectionProperties Page(int width, int height, int top, int right, int bottom, int left) => new(
        new PageSize
        {
            Width = (uint)width, Height = (uint)height,
            Orient = width > height ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
        },
        new PageMargin { Top = top, Bottom = bottom, Left = (uint)left, Right = (uint)right, Header = 709, Footer = 709, Gutter = 0 });

    /// <summary>A paragraph of one run; an empty text gives an empty paragraph (a blank line).</summary>
    public static Paragraph Line(string text, bool bold = false, bool italic = false, bool underline = false, int? size = null,
        JustificationValues? align = null)
    {
        var paragraph = new Paragraph();
        if (align is { } a) paragraph.Append(new ParagraphProperties(new Justification { Val = a }));
        if (text.Length > 0) paragraph.Append(TextRun(text, bold, italic, underline, size));
        return paragraph;
    }

    /// <summary>A run that keeps its spaces; <paramref name="size"/> overrides the body size from <see cref="Styles"/>.</summary>
    public static Run TextRun(string text, bool bold = false, bool italic = false, bool underline = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Bold = new Bold();
        if (italic) properties.Italic = new Italic();
        if (underline) properties.Underline = new Underline { Val = UnderlineValues.Single };
        if (size is { } s) (properties.FontSize, properties.FontSizeComplexScript) = (new FontSize { Val = $"{s}" }, new FontSizeComplexScript { Val = $"{s}" });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>A layout table without borders (heading blocks, photo and title, signatures).</summary>
    public static Table Borderless(int[] widths, TableRow row) => new(
        new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = $"{widths.Sum()}" },
            new TableLayout { Type = TableLayoutValues.Fixed }),
        Grid(widths),
        row);

    /// <summary>
    /// A table with single ½ pt lines around and between all cells and fixed column widths, without rows yet;
    /// <paramref name="cellPadding"/> replaces Word's default left and right cell padding.
    /// </summary>
    public static Table Bordered(int[] widths, int? cellPadding = null)
    {
        var properties = new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Dxa, Width = $"{widths.Sum()}" },
            new TableBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>(),
                Border<InsideHorizontalBorder>(), Border<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (cellPadding is { } padding)
            properties.Append(new TableCellMarginDefault(
                new TableCellLeftMargin { Width = (short)padding, Type = TableWidthValues.Dxa },
                new TableCellRightMargin { Width = (short)padding, Type = TableWidthValues.Dxa }));
        return new Table(properties, Grid(widths));
    }

    public static TableGrid Grid(int[] widths) => new(widths.Select(w => new GridColumn { Width = $"{w}" }));

    public static TableRow Row(params TableCell[] cells) => new(cells);

    /// <summary>A header row: it repeats at the top of every page and does not split across pages.</summary>
    public static TableRow HeaderRow(IEnumerable<TableCell> cells) =>
        new([new TableRowProperties(new TableHeader(), new CantSplit()), .. cells]);

    /// <summary>A row that does not split across pages (a person's line, a signature block).</summary>
    public static TableRow UnsplitRow(IEnumerable<TableCell> cells) =>
        new([new TableRowProperties(new CantSplit()), .. cells]);

    public static TableCell Cell(int width, params Paragraph[] paragraphs) =>
        new([new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = $"{width}" }), .. paragraphs]);

    /// <summary>
    /// A cell <paramref name="span"/> grid columns wide, optionally merged with the cell below or above it and centred
    /// vertically (<paramref name="middle"/>).
    /// </summary>
    public static TableCell GridCell(int width, Paragraph paragraph, int span = 1, MergedCellValues? merge = null, bool middle = false)
    {
        // Schema order: width, grid span, vertical merge, vertical alignment.
        var properties = new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = $"{width}" });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (merge is { } m) properties.Append(new VerticalMerge { Val = m });
        if (middle) properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableCell(properties, paragraph);
    }

    /// <summary>A single ½ pt (4 eighths of a point) line in the automatic colour.</summary>
    public static T Border<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "auto" };
}
