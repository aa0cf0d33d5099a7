namespace Portal.Web.Shared;

/// <summary>"Today" for legal dates is the school's calendar day in Asia/Ho_Chi_Minh, not the server's UTC day.</summary>
public sealed class SchoolClock(TimeProvider time, TimeZoneInfo zone)
{
    public TimeZoneInfo Zone { get; } = zone;

    public static SchoolClock FromConfiguration(IConfiguration configuration, TimeProvider? time = null) =>
        new(time ?? TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById(configuration["Portal:TimeZone"] ?? "Asia/Ho_Chi_Minh"));

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;
}
