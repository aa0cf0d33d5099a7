using Microsoft.Playwright;
using Portal.Web.Hosting;

namespace Portal.Tests.Browser;

/// <summary>When the database goes away, the user gets a Vietnamese message where they look, keeps what they typed, and
/// the Blazor error bar never shows; when it comes back, the same save goes through.</summary>
public sealed class DatabaseOutageTests(OutageFixture outage) : IClassFixture<OutageFixture>
{
    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await outage.Browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("#sign-in");
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
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
        await page.Locator("#full-name").WaitForAsync();
        await page.FillAsync("#full-name", "Kiều Thị Phương Thảo");
        await page.FillAsync("#date-of-birth", "03/03/1993");
        await page.ClickAsync("#gender");
        await page.GetByRole(AriaRole.Option, new() { Name = "Nữ" }).ClickAsync();
        await page.FillAsync("#citizen-id", "079193000777");
        await page.FillAsync("#professional-title", "Giáo viên tiểu học hạng III");
        await page.FillAsync("#decision-number", "77/QĐ-UBND");
        await page.FillAsync("#decision-date", "01/10/2026");
        await page.Keyboard.PressAsync("Tab");

        await outage.SetDatabaseReachableAsync(false);
        try
        {
            await page.ClickAsync("#save-staff");
            await Assertions.Expect(page.Locator("#form-error")).ToContainTextAsync("Chưa lưu được vì máy chủ đang gặp sự cố");
            Assert.Equal("Kiều Thị Phương Thảo", await page.InputValueAsync("#full-name"));
            Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), "the Blazor error bar appeared");

            await principal.ClickAsync("text=Tổng quan");
            await Assertions.Expect(principal.Locator("#page-error")).ToBeVisibleAsync();
            Assert.False(await principal.Locator("#blazor-error-ui").IsVisibleAsync(), "the Blazor error bar appeared");
        }
        finally
        {
            await outage.SetDatabaseReachableAsync(true);
        }

        await page.ClickAsync("#save-staff");
        await page.WaitForURLAsync("**/staff?created=**");
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), "the Blazor error bar appeared");
    }
}
