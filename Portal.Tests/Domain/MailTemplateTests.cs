using Portal.Domain.Mail;

namespace Portal.Tests.Domain;

public sealed class MailTemplateTests
{
    private static readonly string[] Offered = ["HoTen", "Ngay"];

    [Theory]
    [InlineData("Kính gửi {{HoTen}}, ngày {{ Ngay }}", "")]
    [InlineData("Kính gửi {{HoTenn}}", "HoTenn")]
    [InlineData("Kính gửi {{hoten}} và {{hoten}}", "hoten")]
    [InlineData("Ngoặc lẻ { HoTen } không phải chỗ điền", "")]
    public void A_draft_is_checked_against_the_placeholders_the_mail_offers(string text, string unknown) =>
        Assert.Equal(unknown, string.Join(",", MailTemplate.UnknownPlaceholders(text, Offered)));

    [Fact]
    public void A_draft_is_previewed_as_the_saved_template_renders()
    {
        var values = new Dictionary<string, string> { ["HoTen"] = "Vi Thị Thanh Xuân", ["Ngay"] = "07/12/2026" };
        var template = new MailTemplate("thu-thu", "Thư thử", "Ngày {{Ngay}}", "Kính gửi {{HoTen}},", Offered);

        Assert.Equal(template.Render(values), (MailTemplate.Fill("Ngày {{Ngay}}", values), MailTemplate.Fill("Kính gửi {{HoTen}},", values)));
        Assert.Equal("Kính gửi ,", MailTemplate.Fill("Kính gửi {{Khac}},", values));
    }
}
