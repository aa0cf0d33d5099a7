using Bunit;
using MudBlazor;
using MudBlazor.Services;
using Portal.Web.Features.DeadlineSettings;

namespace Portal.Tests.Components;

public sealed class MailTemplateEditorTests : BunitContext
{
    /// <summary>The sample recipient of <see cref="MailSamples"/>, an invented name.</summary>
    private const string SampleName = "Phan Thị Diệu Hằng";

    public MailTemplateEditorTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Render<MudPopoverProvider>();
    }

    private IRenderedComponent<MailTemplateEditor> RenderEditor(MailTemplateForm model) =>
        Render<MailTemplateEditor>(p => p.Add(e => e.Model, model).Add(e => e.Samples, MailSamples.For(model.Placeholders, new DateOnly(2026, 12, 7))));

    private static MailTemplateForm Digest() => new()
    {
        Key = "deadline-digest", Name = "Thư nhắc thời hạn", Placeholders = ["HoTen", "Ngay", "SoViec"],
        Subject = "Nhắc việc ngày {{Ngay}}: {{SoViec}} việc", Body = "Kính gửi {{HoTen}},",
    };

    [Fact]
    public void The_preview_shows_the_mail_with_the_sample_values_and_follows_the_body_as_it_is_typed()
    {
        var editor = RenderEditor(Digest());

        Assert.Equal("Nhắc việc ngày 07/12/2026: 3 việc", editor.Find("#preview-subject").TextContent.Trim());
        Assert.Equal($"Kính gửi {SampleName},", editor.Find("#preview-body").TextContent);

        editor.Find("#template-body").Input("Chào {{HoTen}}, hôm nay có {{SoViec}} việc.");

        editor.WaitForAssertion(() => Assert.Equal($"Chào {SampleName}, hôm nay có 3 việc.", editor.Find("#preview-body").TextContent));
        Assert.Empty(editor.FindAll("#preview-unknown"));
    }

    [Fact]
    public void A_placeholder_the_mail_does_not_offer_is_named_as_it_is_typed_and_a_chip_adds_an_offered_one()
    {
        var model = Digest();
        var editor = RenderEditor(model);

        editor.Find("#template-body").Input("Kính gửi {{HoTenn}},");

        editor.WaitForAssertion(() => Assert.StartsWith("Mẫu thư này không có chỗ điền {{HoTenn}}", editor.Find("#preview-unknown").TextContent.Trim()));

        editor.FindAll(".template-placeholder").Single(c => c.TextContent.Contains("{{HoTen}}")).Click();

        Assert.Equal("Kính gửi {{HoTenn}},{{HoTen}}", model.Body);
        editor.WaitForAssertion(() => Assert.Equal($"Kính gửi ,{SampleName}", editor.Find("#preview-body").TextContent));
    }
}
