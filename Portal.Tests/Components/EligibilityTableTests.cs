using Bunit;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Salary;
using Portal.Web.Features.Salary;

namespace Portal.Tests.Components;

/// <summary>The salary list's table: one line per person in a decision, no tick for retirements, reasons on demand.</summary>
public sealed class EligibilityTableTests : BunitContext
{
    private static readonly SalaryStepHeld Step3 = new(new DateOnly(2023, 12, 1), "V.07.03.29", "A1", 3, 3.00m, null, RaiseKind.Regular, null);
    private static readonly Guid Ngoc = Guid.NewGuid(), Khai = Guid.NewGuid();

    public EligibilityTableTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Render<MudPopoverProvider>();
    }

    private static EligibilityRow Row(Guid staff, string name, EligibilityKind kind, DateOnly due, params string[] review) =>
        new(staff, name, null, new DateOnly(1990, 1, 1), Guid.Empty, "Trường Tiểu học Sao Mai", "Giáo viên tiểu học hạng III", kind, due, false, Step3,
            kind == EligibilityKind.Retirement ? null : 4, kind == EligibilityKind.Retirement ? null : 3.33m, null,
            [new Reason("Đủ 36 tháng giữ bậc 3 (hệ số 3,00) từ 01/12/2023 vào 01/12/2026.", "Thông tư 08/2013/TT-BNV")], review);

    private static readonly EligibilityRow[] Rows =
    [
        Row(Ngoc, "Vi Thị Bảo Ngọc", EligibilityKind.RegularRaise, new DateOnly(2026, 12, 1)),
        Row(Ngoc, "Vi Thị Bảo Ngọc", EligibilityKind.EarlyForAchievement, new DateOnly(2026, 3, 1), "Có hai quyết định kỷ luật trong năm 2024."),
        Row(Khai, "Triệu Văn Khải", EligibilityKind.Retirement, new DateOnly(2026, 12, 31)),
    ];

    [Fact]
    public void Ticking_a_second_line_of_the_same_person_replaces_the_first_and_select_all_takes_one_line_each()
    {
        var selected = new HashSet<EligibilityRow>();
        var table = Render<EligibilityTable>(p => p.Add(t => t.Rows, Rows).Add(t => t.Selected, selected)
            .Add(t => t.SelectedChanged, s => selected = s));

        // The retirement line has no tick box: it is not a raise.
        Assert.Empty(table.FindAll($"tr[data-staff='{Khai}'] input[type=checkbox]"));
        table.FindAll($"tr[data-staff='{Ngoc}'] input[type=checkbox]")[0].Change(true);
        Assert.Equal(EligibilityKind.RegularRaise, Assert.Single(selected).Kind);
        table.Render(p => p.Add(t => t.Selected, selected));
        table.FindAll($"tr[data-staff='{Ngoc}'] input[type=checkbox]")[1].Change(true);
        Assert.Equal(EligibilityKind.EarlyForAchievement, Assert.Single(selected).Kind);

        table.Render(p => p.Add(t => t.Selected, new HashSet<EligibilityRow>()));
        table.Find("thead input[type=checkbox]").Change(true);
        Assert.Equal(Ngoc, Assert.Single(selected).StaffId);
    }

    [Fact]
    public void A_line_opens_its_reasons_with_their_source_and_the_point_the_law_leaves_open()
    {
        var table = Render<EligibilityTable>(p => p.Add(t => t.Rows, Rows));
        Assert.Empty(table.FindAll("tr.explanation"));
        Assert.Single(table.FindAll(".needs-review"));

        table.FindAll("tr.eligibility-row")[1].QuerySelector(".explain")!.Click();

        var explanation = table.Find("tr.explanation").TextContent;
        Assert.Contains("Đủ 36 tháng giữ bậc 3", explanation);
        Assert.Contains("Thông tư 08/2013/TT-BNV", explanation);
        Assert.Contains("Có hai quyết định kỷ luật trong năm 2024.", explanation);
    }
}
