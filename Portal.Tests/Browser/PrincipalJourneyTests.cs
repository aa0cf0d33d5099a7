using Microsoft.Playwright;
using Portal.Infrastructure.Identity;
using Portal.Tests.Testing;
using Portal.Web.Hosting;
using static Portal.Tests.Browser.PortalPage;

namespace Portal.Tests.Browser;

/// <summary>The thin slice as the demo principal walks it: sign in, dashboard, new staff member, list, audit row.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrincipalJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_principal_signs_in_creates_a_staff_member_finds_them_and_sees_the_audit_row()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "hieutruong@hoasen.demo");

        Assert.Equal("Tổng quan", await page.TitleAsync());
        Assert.Equal("28", await page.Locator("#staff-count").InnerTextAsync());
        Assert.NotEqual("0", await page.Locator("#overdue-count").InnerTextAsync());

        await page.ClickAsync("text=Hồ sơ viên chức");
        await WaitForCircuitAsync(page);
        await page.ClickAsync("#new-staff");
        await page.Locator("#full-name").WaitForAsync();
        await page.ClickAsync("#save-staff");
        await Assertions.Expect(page.GetByText("Vui lòng nhập họ và tên.")).ToBeVisibleAsync();

        await FillStaffFormAsync(page, "Nguyễn Thị Ngọc Lan", "079190123456", "125/QĐ-UBND", "02/11/2026");
        await page.ClickAsync("#save-staff");

        await SavedAsync(page);
        await page.GotoAsync("/staff");
        await WaitForCircuitAsync(page);
        await page.FillAsync("#staff-search", "nguyen thi ngoc lan");
        var link = page.Locator("#staff-grid a", new() { HasTextString = "Nguyễn Thị Ngọc Lan" });
        await Assertions.Expect(page.Locator("#staff-grid tbody tr")).ToHaveCountAsync(1);

        // The grid may still re-render after the search settles; following the found link's address cannot be lost to that.
        await page.GotoAsync(await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The name is not a link."));
        await WaitForCircuitAsync(page);
        await page.GetByText("Xem lịch sử thay đổi").ClickAsync();
        var creation = page.Locator(".change-set", new() { HasTextString = "Nguyễn Thị Ngọc Lan" });
        await creation.WaitForAsync();
        var text = await creation.InnerTextAsync();
        Assert.Contains("hieutruong@hoasen.demo", text);
        Assert.Contains("127.0.0.1", text);
        Assert.Contains("Họ và tên", text);
        Assert.Contains("Thêm mới", text);
        await AssertNoErrorBarAsync(page);
    }

    [Fact]
    public async Task The_dashboard_charts_the_on_time_rate_and_an_overdue_item_leads_to_the_deadlines_list()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "hieutruong@hoasen.demo");

        // The demo's older records were completed in their time, some late: the chart has bars, the table their figures.
        var chart = page.Locator("#on-time-chart svg.mud-chart-bar");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.Locator("rect, path").CountAsync() > 0);
        var overdueRow = page.Locator("#upcoming tr.overdue").First;
        await Assertions.Expect(overdueRow).ToBeVisibleAsync();
        var name = (await overdueRow.Locator("td").First.InnerTextAsync()).Trim();

        await page.ClickAsync("#overdue-count + a, a[href='deadlines?state=Overdue']");
        await page.WaitForURLAsync("**/deadlines?state=Overdue");
        await WaitForCircuitAsync(page);
        var listed = page.Locator("#obligations-table tbody tr", new() { HasTextString = name });
        await Assertions.Expect(listed.First).ToBeVisibleAsync();
        Assert.Contains("Quá hạn", await listed.First.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await AssertNoErrorBarAsync(page);
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_Vietnamese_on_the_sign_in_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#email", "vanthu@anhduong.demo");
        await page.FillAsync("#password", "không đúng mật khẩu");
        await page.ClickAsync("#sign-in");

        Assert.Equal("Email hoặc mật khẩu không đúng.", (await page.Locator("#sign-in-error").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Health_answers_for_load_balancers()
    {
        using var http = new HttpClient { BaseAddress = browser.App.Address };

        var response = await http.GetAsync("health", TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_jobs_dashboard_is_for_the_principal_and_refused_to_a_teacher()
    {
        var teacher = await browser.NewPageAsync();
        await SignInAsync(teacher, "giaovien@hoasen.demo");
        await teacher.GotoAsync("/jobs");
        Assert.Contains("/account/denied", teacher.Url);

        var principal = await browser.NewPageAsync();
        await SignInAsync(principal, "hieutruong@hoasen.demo");
        var response = await principal.GotoAsync("/jobs");
        Assert.Equal(200, response!.Status);
        Assert.Contains("Portal — tác vụ nền", await principal.TitleAsync());
    }

    [Fact]
    public async Task Pages_need_a_sign_in_and_a_teacher_cannot_open_the_staff_list()
    {
        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync("/staff");
        await anonymous.WaitForURLAsync("**/account/sign-in?ReturnUrl=%2Fstaff");

        var teacher = await browser.NewPageAsync();
        await SignInAsync(teacher, "giaovien@hoasen.demo");
        await Assertions.Expect(teacher.Locator("#staff-welcome")).ToContainTextAsync("Lê Văn Khoa");
        Assert.Equal(0, await teacher.Locator("#staff-count").CountAsync());
        await teacher.GotoAsync("/staff");
        Assert.Contains("/account/denied", teacher.Url);
        await Assertions.Expect(teacher.Locator("#access-denied")).ToHaveTextAsync("Bạn không có quyền xem trang này.");
        Assert.Equal(0, await teacher.Locator("#staff-grid").CountAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_on_the_sign_in_page_lock_the_account_even_against_the_right_one()
    {
        // An account of its own: the demo accounts are shared by the other tests of this class.
        await using var portal = await PortalHarness.AttachAsync(browser.ConnectionString);
        var email = $"khoa-{Guid.NewGuid():N}@hoasen.demo";
        await portal.CreateUserAsync(await portal.FindUnitAsync(DemoData.HoaSenId), PortalRoles.Staff, "Tăng Thị Mỹ", email, "đúng mật khẩu rồi");
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        for (var i = 0; i < 5; i++)
        {
            await page.FillAsync("#email", email);
            await page.FillAsync("#password", $"sai mật khẩu lần {i}");
            await page.ClickAsync("#sign-in");
            await page.Locator("#sign-in-error").WaitForAsync();
        }
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "đúng mật khẩu rồi");
        await page.ClickAsync("#sign-in");

        await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("Tài khoản tạm khóa 15 phút do nhập sai mật khẩu nhiều lần.");
    }

    [Fact]
    public async Task A_new_account_must_choose_a_password_before_reaching_any_page()
    {
        await using var portal = await PortalHarness.AttachAsync(browser.ConnectionString);
        var school = await portal.FindUnitAsync(DemoData.HoaSenId);
        var email = $"moi-{Guid.NewGuid():N}@hoasen.demo";
        await portal.CreateUserAsync(school, PortalRoles.RecordsOfficer, "Quách Thị Ngân", email, "mật khẩu tạm thời 1", mustChangePassword: true);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", "mật khẩu tạm thời 1");
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync("**/account/change-password");

        await page.GotoAsync("/staff");
        Assert.EndsWith("/account/change-password", page.Url);

        await page.FillAsync("#current", "mật khẩu tạm thời 1");
        await page.FillAsync("#new", "12345678");
        await page.FillAsync("#confirm", "12345678");
        await page.ClickAsync("#change-password");
        await Assertions.Expect(page.GetByText("Mật khẩu này quá phổ biến hoặc dễ đoán; hãy chọn một cụm từ dài hơn.")).ToBeVisibleAsync();

        await page.FillAsync("#current", "mật khẩu tạm thời 1");
        await page.FillAsync("#new", "cây bàng trước cổng trường");
        await page.FillAsync("#confirm", "cây bàng trước cổng trường");
        await page.ClickAsync("#change-password");
        await WaitForCircuitAsync(page);
        await page.GotoAsync("/staff");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("#staff-grid")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_supervisor_filters_the_list_by_school_and_gender_and_the_filter_stays_in_the_address_and_records_open_read_only()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "phuong@portal.demo");

        await page.GotoAsync($"/staff?unit={DemoData.AnhDuongId}&gender=Female");
        await WaitForCircuitAsync(page);
        var rows = page.Locator("#staff-grid tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("Trường Tiểu học Ánh Dương");

        var texts = await rows.AllInnerTextsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Contains("Trường Tiểu học Ánh Dương", t));
        Assert.All(texts, t => Assert.Contains("Nữ", t));
        Assert.DoesNotContain(texts, t => t.Contains("Hoa Sen"));

        await rows.First.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("#read-only")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#save-staff").CountAsync());
    }
}
