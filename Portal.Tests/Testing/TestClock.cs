namespace Portal.Tests.Testing;

/// <summary>A clock the test moves by hand: time travel for deadlines and mail back-off, no sleeps.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public void Advance(TimeSpan by) => _now += by;

    /// <summary>The school's date now (Ho Chi Minh City, UTC+7 all year).</summary>
    public DateOnly Today => DateOnly.FromDateTime(_now.ToOffset(TimeSpan.FromHours(7)).DateTime);

    /// <summary>Noon in Ho Chi Minh City on the given day.</summary>
    public static TestClock OnSchoolDay(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(7)));
}
