using Portal.Web.Features.Audit;

namespace Portal.Tests.Components;

public sealed class AuditLabelsTests
{
    private static readonly TimeZoneInfo HoChiMinh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Theory]
    [InlineData("RecruitmentDecisionDate", "2026-11-02", "02/11/2026")]
    [InlineData("Gender", "Female", "Nữ")]
    [InlineData("Gender", "Male", "Nam")]
    [InlineData("OverdueNotifiedAt", "2026-11-28T17:30:00.0000000+00:00", "29/11/2026 00:30:00")]
    [InlineData("FullName", "Nguyễn Thị Ngọc Lan", "Nguyễn Thị Ngọc Lan")]
    [InlineData("CitizenId", "079190123456", "079190123456")]
    public void Logged_values_are_shown_as_the_office_reads_them(string field, string logged, string shown) =>
        Assert.Equal(shown, AuditLabels.Value(field, logged, HoChiMinh));
}
