using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using static Portal.Infrastructure.Documents.DocumentText;

namespace Portal.Infrastructure.Documents;

/// <summary>
/// Writes the danh sách đề nghị nâng lương as an XLSX: the sheet "Đề nghị nâng lương" has the header in row 1 and one row
/// per person, with the DOCX's columns flattened ("Bậc, hệ số hiện hưởng" becomes "Bậc hiện hưởng", "Hệ số hiện hưởng",
/// "% VK hiện hưởng"; "Chức danh (mã số)" becomes "Chức danh" and "Mã số", so the sheet filters by code). The heading,
/// title, period, date and signer go on a second sheet "Thông tin" instead of rows above the header, which would break
/// the header row that the autofilter and <c>MiniExcel.Query</c> read.
/// </summary>
/// <remarks>
/// Dates are real dates shown as dd/mm/yyyy, not text: text "15/08/2022" sorts by day first, a date sorts by time and the
/// filter groups it by year and month. Coefficients are numbers shown with two decimals ("3,33" in a Vietnamese Excel).
/// </remarks>
public static class RaiseProposalWorkbook
{
    public const string SheetName = "Đề nghị nâng lương", InfoSheetName = "Thông tin";

    /// <summary>The list as XLSX bytes.</summary>
    public static byte[] Write(RaiseProposal proposal)
    {
        var rows = proposal.Lines.Select((l, i) => new Row(i + 1, l.FullName, l.BornOn, l.TitleName, l.TitleCode,
            l.CurrentStep, l.CurrentCoefficient, l.CurrentBeyondFramePercent, l.HeldSince,
            l.NewStep, l.NewCoefficient, l.NewBeyondFramePercent, l.NewFrom, l.Kind, l.Note));
        InfoRow[] info =
        [
            new("Cơ quan chủ quản", proposal.SuperiorBody),
            new("Đơn vị", proposal.UnitName),
            new("Tiêu đề", proposal.Title),
            new("Kỳ", proposal.PeriodLabel),
            new("Địa danh", proposal.Place),
            new("Ngày lập", Date(proposal.Date)),
            new("Người ký", string.Join(" ", new[] { proposal.SignerTitle, proposal.SignerName }.Where(s => !string.IsNullOrWhiteSpace(s)))),
            new("Tổng cộng", $"{proposal.Lines.Count} người"),
        ];
        using var stream = new MemoryStream();
        // A typed row, not a dictionary: MiniExcel takes the header from the type, so an empty list still has its header.
        stream.SaveAs(new Dictionary<string, object> { [SheetName] = rows, [InfoSheetName] = info });
        return stream.ToArray();
    }

    private sealed record Row(
        [property: ExcelColumn(Name = "STT", Width = 6)] int Number,
        [property: ExcelColumn(Name = "Họ và tên", Width = 28)] string FullName,
        [property: ExcelColumn(Name = "Ngày sinh", Format = "dd/mm/yyyy", Width = 12)] DateOnly BornOn,
        [property: ExcelColumn(Name = "Chức danh", Width = 30)] string TitleName,
        [property: ExcelColumn(Name = "Mã số", Width = 12)] string TitleCode,
        [property: ExcelColumn(Name = "Bậc hiện hưởng", Width = 9)] int CurrentStep,
        [property: ExcelColumn(Name = "Hệ số hiện hưởng", Format = "0.00", Width = 9)] decimal CurrentCoefficient,
        [property: ExcelColumn(Name = "% VK hiện hưởng", Width = 9)] decimal? CurrentBeyondFramePercent,
        [property: ExcelColumn(Name = "Thời điểm hưởng", Format = "dd/mm/yyyy", Width = 12)] DateOnly HeldSince,
        [property: ExcelColumn(Name = "Bậc mới", Width = 9)] int? NewStep,
        [property: ExcelColumn(Name = "Hệ số mới", Format = "0.00", Width = 9)] decimal? NewCoefficient,
        [property: ExcelColumn(Name = "% VK mới", Width = 9)] decimal? NewBeyondFramePercent,
        [property: ExcelColumn(Name = "Thời điểm hưởng mới", Format = "dd/mm/yyyy", Width = 12)] DateOnly NewFrom,
        [property: ExcelColumn(Name = "Hình thức", Width = 26)] string Kind,
        [property: ExcelColumn(Name = "Ghi chú", Width = 40)] string? Note);

    private sealed record InfoRow(
        [property: ExcelColumn(Name = "Mục", Width = 18)] string Item,
        [property: ExcelColumn(Name = "Nội dung", Width = 60)] string Value);
}
