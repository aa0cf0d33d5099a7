using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Tests.Testing;
using Portal.Web.Features.Staff;

namespace Portal.Tests.Components;

public sealed class StaffFormTests : BunitContext
{
    private readonly List<StaffFormModel> _saved = [];

    public StaffFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Render<MudPopoverProvider>();
    }

    private IRenderedComponent<StaffForm> RenderForm(StaffFormModel model) =>
        Render<StaffForm>(p => p.Add(f => f.Model, model).Add(f => f.OnSave, (StaffFormModel m) => _saved.Add(m)));

    [Fact]
    public void An_empty_form_shows_a_Vietnamese_message_beside_every_required_field_and_saves_nothing()
    {
        var form = RenderForm(new StaffFormModel());

        form.Find("form").Submit();

        var text = form.Markup;
        Assert.Contains("Vui lòng nhập họ và tên.", text);
        Assert.Contains("Vui lòng nhập ngày sinh (dd/mm/yyyy).", text);
        Assert.Contains("Vui lòng chọn giới tính.", text);
        Assert.Contains("Vui lòng nhập số CCCD.", text);
        Assert.Contains("Vui lòng nhập chức danh nghề nghiệp.", text);
        Assert.Contains("Vui lòng nhập số quyết định tuyển dụng.", text);
        Assert.Contains("Vui lòng nhập ngày quyết định tuyển dụng (dd/mm/yyyy).", text);
        Assert.Empty(_saved);
    }

    [Theory]
    [InlineData("07920001234")]
    [InlineData("0792000123456")]
    [InlineData("07920001234a")]
    [InlineData("079 200012345")]
    [InlineData("０７９２０００１２３４５")]
    public void A_citizen_id_that_is_not_exactly_12_digits_is_refused(string citizenId)
    {
        var model = StaffForms.Valid();
        model.CitizenId = citizenId;
        var form = RenderForm(model);

        form.Find("form").Submit();

        Assert.Contains("Số CCCD phải gồm đúng 12 chữ số.", form.Markup);
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_date_of_birth_after_the_recruitment_decision_is_refused()
    {
        var model = StaffForms.Valid();
        model.DateOfBirth = model.RecruitmentDecisionDate!.Value.AddDays(1);
        var form = RenderForm(model);

        form.Find("form").Submit();

        Assert.Contains("Ngày sinh phải trước ngày quyết định tuyển dụng.", form.Markup);
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_valid_form_is_handed_to_the_page_once()
    {
        var model = StaffForms.Valid("Nguyễn Thị Ngọc Lan");
        var form = RenderForm(model);

        form.Find("form").Submit();

        Assert.Same(model, Assert.Single(_saved));
    }

    [Fact]
    public void A_finding_of_the_server_is_shown_beside_its_field()
    {
        var form = RenderForm(StaffForms.Valid());

        form.InvokeAsync(() => form.Instance.ShowFieldErrors(new Dictionary<string, string>
        {
            [nameof(StaffFormModel.CitizenId)] = "Số CCCD này đã có trong hồ sơ của người khác.",
        }));

        Assert.Contains("Số CCCD này đã có trong hồ sơ của người khác.", form.Find("#citizen-id").ParentElement!.ParentElement!.ParentElement!.TextContent);
    }

    [Fact]
    public void The_save_button_is_disabled_while_saving()
    {
        var form = Render<StaffForm>(p => p.Add(f => f.Model, StaffForms.Valid()).Add(f => f.Saving, true));

        Assert.True(form.Find("#save-staff").HasAttribute("disabled"));
    }

    [Fact]
    public void A_read_only_form_offers_no_save_and_says_why()
    {
        var form = Render<StaffForm>(p => p.Add(f => f.Model, StaffForms.Valid()).Add(f => f.ReadOnly, true)
            .Add(f => f.OnSave, (StaffFormModel m) => _saved.Add(m)));

        form.Find("form").Submit();

        Assert.Empty(form.FindAll("#save-staff"));
        Assert.Equal("Bạn chỉ có quyền xem hồ sơ này.", form.Find("#read-only").TextContent.Trim());
        Assert.Empty(_saved);
    }
}
