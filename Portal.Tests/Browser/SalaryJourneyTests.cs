using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Portal.Domain.Staff;
using Portal.Tests.Testing;
using Portal.Web.Hosting;
using static Portal.Tests.Browser.PortalPage;

namespace Portal.Tests.Browser;

/// <summary>The principal's salary screen in Chromium: find who is due, read why, tick, record the decision, see the list empty.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SalaryJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_principal_sees_who_is_due_next_month_reads_why_and_records_the_raise_decision()
    {
        // The portal runs on the real clock: the raise falls due on the first of next month.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);
        var due = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        await using var portal = await PortalHarness.AttachAsync(browser.ConnectionString);
        var staffId = await SalaryRecords.CreateAsync(portal, DemoData.HoaSenId, "Quách Thị Bích Liên", new DateOnly(1991, 4, 9), Gender.Female,
            new SalaryRecords.Step(due.AddMonths(-36), "V.07.03.29", "A1", 3, 3.00m));

        var page = await browser.NewPageAsync();
        await SignInAsync(page, "hieutruong@hoasen.demo");
        await page.GotoAsync($"/salary?period={due:yyyy-MM}&q=quach thi bich");
        await WaitForCircuitAsync(page);
        var row = page.Locator($"tr.eligibility-row[data-staff='{staffId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync(due.ToString("dd/MM/yyyy"));
        await Assertions.Expect(row).ToContainTextAsync("3,33");

        await row.Locator(".explain").ClickAsync();
        await Assertions.Expect(page.Locator("tr.explanation")).ToContainTextAsync("36 tháng");

        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("#record-raise");
        await page.FillAsync("#raise-number", "88/QĐ-THHS");
        await page.FillAsync("#raise-signer", "Lâm Thị Hoa Sen");
        await page.FillAsync("#raise-body", "Trường Tiểu học Hoa Sen");
        await page.FillAsync("#raise-signed", today.ToString("dd/MM/yyyy"));
        await page.FillAsync("#raise-effective", today.AddDays(-1).ToString("dd/MM/yyyy"));
        await page.Keyboard.PressAsync("Tab");
        await page.ClickAsync("#raise-save");
        // Effective before signed: the message shows beside the field, nothing is saved.
        await Assertions.Expect(page.GetByText("Ngày hiệu lực không được trước ngày ký.")).ToBeVisibleAsync();
        await page.FillAsync("#raise-effective", today.ToString("dd/MM/yyyy"));
        await page.Keyboard.PressAsync("Tab");
        await page.Locator("#raise-scan").SetInputFilesAsync(new FilePayload { Name = "qd-88.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF"u8.ToArray() });
        await Assertions.Expect(page.Locator("#raise-scan-name")).ToHaveTextAsync("qd-88.pdf");
        await page.ClickAsync("#raise-save");

        await Assertions.Expect(page.GetByText("Đã ghi quyết định và cập nhật quá trình lương.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#eligibility-empty")).ToBeVisibleAsync();
        await AssertNoErrorBarAsync(page);
        await using var db = portal.ReadContext();
        var raised = await db.SalaryRecords.Where(r => r.StaffMemberId == staffId && r.DecisionId != null).SingleAsync();
        Assert.Equal((4, 3.33m, due), (raised.Step, raised.Coefficient, raised.ValidFrom!.Value));
    }
}
