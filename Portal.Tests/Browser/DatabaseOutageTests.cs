using Microsoft.Playwright;
using static Portal.Tests.Browser.PortalPage;

namespace Portal.Tests.Browser;

/// <summary>When the database goes away, the user gets a Vietnamese message where they look, keeps what they typed, and
/// the Blazor error bar never shows; when it comes back, the same save goes through.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DatabaseOutageTests(OutageFixture outage) : IClassFixture<OutageFixture>
{
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await outage.Browser.NewPageAsync();
        await SignInAsync(page, email);
        return page;
    }

    [Fact]
    public async Task A_save_during_a_database_outage_keeps_the_form_and_succeeds_once_the_database_is_back()
    {
        var page = await SignedInAsync("vanthu@hoasen.demo");
        var principal = await SignedInAsync("hieutruong@hoasen.demo");
        await principal.ClickAsync("text=Hồ sơ viên chức");
        await principal.Locator("#staff-grid").WaitForAsync();
        await page.ClickAsync("text=Hồ sơ viên chức");
        await page.ClickAsync("#new-staff");
        await FillStaffFormAsync(page, "Kiều Thị Phương Thảo", "079193000777", "77/QĐ-UBND", "01/10/2026");

        await outage.SetDatabaseReachableAsync(false);
        try
        {
            await page.ClickAsync("#save-staff");
            await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("Chưa lưu được vì máy chủ đang gặp sự cố");
            Assert.Equal("Kiều Thị Phương Thảo", await page.InputValueAsync("#full-name"));
            await AssertNoErrorBarAsync(page);

            await principal.ClickAsync("text=Tổng quan");
            await Assertions.Expect(principal.Locator("#page-error")).ToBeVisibleAsync();
            await AssertNoErrorBarAsync(principal);
        }
        finally
        {
            await outage.SetDatabaseReachableAsync(true);
        }

        await page.ClickAsync("#save-staff");
        await SavedAsync(page);
        await AssertNoErrorBarAsync(page);
    }
}
