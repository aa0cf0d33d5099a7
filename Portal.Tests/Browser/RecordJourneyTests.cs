using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using static Portal.Tests.Browser.PortalPage;

namespace Portal.Tests.Browser;

/// <summary>The records officer builds a record: identity, a decision with its scan, salary history, then the Form 2C DOCX.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecordJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly byte[] PdfScan = [.. "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8];

    [Fact]
    public async Task The_officer_creates_a_record_with_a_decision_a_scan_and_salary_history_and_downloads_the_form_2c()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "hieutruong@hoasen.demo");
        await page.GotoAsync("/staff/new");
        await WaitForCircuitAsync(page);
        await FillStaffFormAsync(page, "Đoàn Thị Thanh Xuân", "079190765432", "88/QĐ-UBND", "01/11/2026");
        await page.ClickAsync("#save-staff");
        await SavedAsync(page);
        await Assertions.Expect(page.Locator("#record-status")).ToContainTextAsync("Đang lập");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Quyết định" }).ClickAsync();
        await page.ClickAsync("#decision-add");
        await page.FillAsync("#dec-number", "45/QĐ-UBND");
        await page.FillAsync("#dec-signer", "Lương Văn Tâm");
        await page.FillAsync("#dec-body", "Ủy ban nhân dân phường An Lạc");
        await page.FillAsync("#dec-signed", "20/08/2024");
        await page.FillAsync("#dec-effective", "15/08/2024");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("#decision-save");
        await Assertions.Expect(page.GetByText("Ngày hiệu lực không được trước ngày ký.")).ToBeVisibleAsync();
        await page.FillAsync("#dec-effective", "01/09/2024");
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("#decision-save");
        await Assertions.Expect(page.Locator("#decisions-table")).ToContainTextAsync("45/QĐ-UBND");

        var upload = page.Locator("#decisions-table input[type=file]").First;
        await upload.SetInputFilesAsync(new FilePayload { Name = "qd-45.exe", MimeType = "application/pdf", Buffer = [0x4D, 0x5A, 0x90, 0x00] });
        await Assertions.Expect(page.GetByText("Chỉ nhận tệp PDF, JPEG hoặc PNG", new() { Exact = false })).ToBeVisibleAsync();
        await upload.SetInputFilesAsync(new FilePayload { Name = "qd-45.pdf", MimeType = "application/pdf", Buffer = PdfScan });
        await Assertions.Expect(page.Locator("#decisions-table .attachment-link")).ToContainTextAsync("qd-45.pdf");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Lương, phụ cấp" }).ClickAsync();
        await AddSalaryAsync(page, "01/09/2021", step: "1");
        await AddSalaryAsync(page, "01/09/2024", step: "2");
        var salaryRows = page.Locator("#salary-table tbody tr");
        await Assertions.Expect(salaryRows).ToHaveCountAsync(2);
        await Assertions.Expect(salaryRows.Nth(1)).ToContainTextAsync("2,67");
        await Assertions.Expect(salaryRows.Nth(1)).ToContainTextAsync("45/QĐ-UBND");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-2c"));
        var path = Path.Combine(Path.GetTempPath(), $"form2c-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using (var document = WordprocessingDocument.Open(path, false))
        {
            var body = document.MainDocumentPart!.Document!.Body!;
            Assert.Contains("ĐOÀN THỊ THANH XUÂN", body.InnerText);
            var salaryTable = body.Descendants<Table>().Single(t => t.InnerText.Contains("Hệ số lương"));
            var dataRows = salaryTable.Elements<TableRow>().Skip(1).Select(r => r.InnerText).ToList();
            Assert.Equal(2, dataRows.Count);
            Assert.Contains(dataRows, r => r.Contains("09/2021") && r.Contains("V.07.03.29") && r.Contains("2,34"));
            Assert.Contains(dataRows, r => r.Contains("09/2024") && r.Contains("2,67"));
        }
        File.Delete(path);
        await AssertNoErrorBarAsync(page);
    }

    private static async Task AddSalaryAsync(IPage page, string from, string step)
    {
        await page.ClickAsync("#salary-add");
        await page.FillAsync("#row-from", from);
        await page.Keyboard.PressAsync("Tab");
        await ChooseAsync(page, "#row-title", "V.07.03.29 — Giáo viên tiểu học hạng III");
        await page.FillAsync("#row-step", step);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#row-group")).ToHaveValueAsync("A1");
        await ChooseAsync(page, "#row-decision", "45/QĐ-UBND — Khác (20/08/2024)");
        await page.ClickAsync("#row-save");
        await Assertions.Expect(page.Locator("#row-form")).ToHaveCountAsync(0);
    }
}
