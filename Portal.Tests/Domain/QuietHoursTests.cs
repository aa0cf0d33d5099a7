using Portal.Domain.Mail;

namespace Portal.Tests.Domain;

public sealed class QuietHoursTests
{
    public static TheoryData<string, string, string, bool> Cases => new()
    {
        { "a window across midnight holds late evening", "21:00-06:00", "22:30", true },
        { "… and early morning", "21:00-06:00", "05:59", true },
        { "… but ends at its end", "21:00-06:00", "06:00", false },
        { "… and is not the working day", "21:00-06:00", "12:00", false },
        { "a window inside the day", "12:00-13:30", "13:00", true },
        { "its start belongs to it", "12:00-13:30", "12:00", true },
        { "empty means never quiet", "", "03:00", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quiet_hours_may_cross_midnight(string _, string window, string time, bool quiet) =>
        Assert.Equal(quiet, QuietHours.Parse(window).Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_malformed_window_is_refused_at_start_up() => Assert.Throws<FormatException>(() => QuietHours.Parse("21h-6h"));
}
