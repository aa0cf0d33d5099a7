using Microsoft.Playwright;
using Portal.Web.Hosting;

namespace Portal.Tests.Browser;

/// <summary>What a user does on the portal's pages, in the steps a browser test needs.</summary>
internal static class PortalPage
{
    public static async Task WaitForCircuitAsync(IPage page)
    {
        await page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await AssertNoErrorBarAsync(page);
    }

    public static async Task AssertNoErrorBarAsync(IPage page) =>
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), "the Blazor error bar appeared");

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoData.Password);
        await page.ClickAsync("#sign-in");
        await WaitForCircuitAsync(page);
    }

    /// <summary>Picks an option of a MudSelect and waits for its list to close, so the next field is typed into a settled form.</summary>
    public static async Task ChooseAsync(IPage page, string select, string option)
    {
        await page.ClickAsync(select);
        var item = page.GetByRole(AriaRole.Option, new() { Name = option });
        await item.ClickAsync();
        await Assertions.Expect(item).ToBeHiddenAsync();
    }

    /// <summary>Fills the new-staff form field by field, as the records officer would, with dd/MM/yyyy dates.</summary>
    public static async Task FillStaffFormAsync(IPage page, string fullName, string citizenId, string decisionNumber, string decisionDate)
    {
        await page.Locator("#full-name").WaitForAsync();
        await page.FillAsync("#full-name", fullName);
        await page.FillAsync("#date-of-birth", "17/05/1990");
        await ChooseAsync(page, "#gender", "Nữ");
        await page.FillAsync("#citizen-id", citizenId);
        await page.FillAsync("#professional-title", "Giáo viên tiểu học hạng III");
        await page.FillAsync("#decision-number", decisionNumber);
        await page.FillAsync("#decision-date", decisionDate);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("#citizen-id")).ToHaveValueAsync(citizenId);
    }

    /// <summary>Waits for the save to land on the list; if it does not, fails with what the form says instead.</summary>
    public static async Task SavedAsync(IPage page)
    {
        try
        {
            await page.Locator("#record-name").WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "portal-save-timeout.png") });
            Assert.Fail("the save did not land on the list; the page says: " + await page.InnerTextAsync("body"));
        }
    }
}
