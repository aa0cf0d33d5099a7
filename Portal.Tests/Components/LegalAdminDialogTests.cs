using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Features.LegalParameters;
using Portal.Web.Features.SalaryScale;

namespace Portal.Tests.Components;

/// <summary>The dialogs of the legal parameters and the salary scale read and write numbers as the decrees print them (2.530.000; 0,35).</summary>
public sealed class LegalAdminDialogTests : BunitContext
{
    private static readonly ParameterRow Nd161 = new(Guid.NewGuid(), "salary.base", "Mức lương cơ sở (đồng/tháng)", 2_530_000m,
        new DateOnly(2026, 7, 1), null, "Nghị định 161/2026/NĐ-CP", 7);

    public LegalAdminDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        // These tests never let the dialog reach a save: any call to the service fails loudly on its missing database.
        Services.AddSingleton(new LegalParameterService(null!, null!));
        Services.AddSingleton(new SalaryScaleService(null!, null!));
        Render<MudPopoverProvider>();
    }

    private Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(LegalParameterForm form) =>
        ShowAsync(new DialogParameters<LegalParameterDialog> { { d => d.Model, form } });

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Hộp thoại", parameters));
        return (provider, dialog);
    }

    [Fact]
    public async Task A_new_value_says_which_value_it_ends_and_reads_vietnamese_thousands()
    {
        var form = LegalParameterForm.NewValue([Nd161]);
        var (provider, _) = await ShowAsync(form);

        provider.Find("#parameter-value").Change("2.800.000");

        Assert.Equal(2_800_000m, form.Value);
        Assert.Equal("Giá trị đang áp dụng (2.530.000, từ 01/07/2026) sẽ kết thúc vào ngày trước ngày áp dụng của giá trị mới.",
            provider.Find("#parameter-help").TextContent.Trim());
        Assert.Empty(provider.FindAll("#parameter-until"));
    }

    [Fact]
    public async Task A_coefficient_shows_with_a_decimal_comma()
    {
        var row = Nd161 with { Code = "allowance.position.primary.principal.class-3", Value = 0.35m };
        var (provider, _) = await ShowAsync(LegalParameterForm.Of(row));

        Assert.Equal("0,35", provider.Find("#parameter-value").GetAttribute("value"));
    }

    [Fact]
    public async Task A_new_value_that_does_not_start_after_the_open_one_is_stopped_beside_its_date_before_any_save()
    {
        var form = LegalParameterForm.NewValue([Nd161]);
        form.Value = 2_600_000m;
        form.InForceFrom = new DateTime(2026, 7, 1);
        form.LegalSource = "Nghị định thử nghiệm";
        var (provider, dialog) = await ShowAsync(form);

        await provider.Find("#parameter-form").SubmitAsync();

        Assert.Contains("Giá trị đang áp dụng bắt đầu từ 01/07/2026; giá trị mới phải bắt đầu sau ngày đó.",
            provider.Find("#parameter-from").Closest(".mud-input-control")!.TextContent);
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task A_new_scale_starts_from_the_coefficients_in_force_and_shows_the_old_one_beside_a_changed_step()
    {
        ScaleStepRow Step(int step, decimal coefficient) =>
            new(Guid.NewGuid(), "A1", step, coefficient, 36, new DateOnly(2004, 10, 1), null, "Nghị định 204/2004/NĐ-CP", 7);
        var a1 = new ScaleGroup("A1", 36, new DateOnly(2004, 10, 1), null, "Nghị định 204/2004/NĐ-CP", [Step(1, 2.34m), Step(2, 2.67m), Step(3, 3.00m)]);
        var form = SalaryScaleForm.Of(a1, a1);
        var (provider, _) = await ShowAsync(new DialogParameters<SalaryScaleDialog> { { d => d.Model, form } });

        Assert.Equal(["2,34", "2,67", "3,00"], provider.FindAll("input[id^=scale-step-]").Select(i => i.GetAttribute("value")));
        provider.Find("#scale-step-2").Change("2,70");
        provider.Find("#scale-add-step").Click();

        Assert.Equal([2.34m, 2.70m, 3.00m, null], form.Steps.Select(s => s.Coefficient));
        Assert.Contains("2,67", provider.Find("#scale-step-2").Closest(".mud-input-control")!.TextContent);
        Assert.NotEmpty(provider.FindAll("#scale-step-4"));
        Assert.Equal(3, form.Opened.Count);
    }
}
