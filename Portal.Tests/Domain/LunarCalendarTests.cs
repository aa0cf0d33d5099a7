using System.Globalization;
using Portal.Domain.Deadlines;

namespace Portal.Tests.Domain;

/// <summary>
/// Vietnam's lunar calendar (UTC+7): the Tết and Hùng Kings' dates of REGULATIONS §1.10, leap months, and the days where
/// it parts from China's (UTC+8).
/// </summary>
public sealed class LunarCalendarTests
{
    private static readonly LunarCalendar Vietnam = LunarCalendar.Vietnam;
    private static readonly LunarCalendar China = new(TimeSpan.FromHours(8));

    public static TheoryData<string, int, DateOnly, DateOnly> TetAndHungKings => new()
    {
        { "2020: Tết Sat 25/01, Hùng Kings Thu 02/04 (the leap month comes later, after the 4th)", 2020, new(2020, 1, 25), new(2020, 4, 2) },
        { "2021: Fri 12/02, Wed 21/04", 2021, new(2021, 2, 12), new(2021, 4, 21) },
        { "2022: Tue 01/02, Sun 10/04", 2022, new(2022, 2, 1), new(2022, 4, 10) },
        { "2023: Sun 22/01, Sat 29/04 (the 3rd month comes after the leap 2nd)", 2023, new(2023, 1, 22), new(2023, 4, 29) },
        { "2024: Sat 10/02, Thu 18/04", 2024, new(2024, 2, 10), new(2024, 4, 18) },
        { "2025: Wed 29/01, Mon 07/04", 2025, new(2025, 1, 29), new(2025, 4, 7) },
        { "2026: Tue 17/02, Sun 26/04", 2026, new(2026, 2, 17), new(2026, 4, 26) },
        { "2027: Sat 06/02, Fri 16/04", 2027, new(2027, 2, 6), new(2027, 4, 16) },
        { "2028: Wed 26/01, Tue 04/04", 2028, new(2028, 1, 26), new(2028, 4, 4) },
        { "2029: Tue 13/02, Mon 23/04", 2029, new(2029, 2, 13), new(2029, 4, 23) },
        // REGULATIONS lists Sun 03/02/2030, which is China's date. The new moon comes at 16:07 UTC on 02/02/2030:
        // 23:07 in Hanoi, 00:07 on 03/02 in Beijing (Meeus, Astronomical Algorithms, ch. 49, checked separately).
        { "2030: Sat 02/02 in Vietnam (China: Sun 03/02), Fri 12/04", 2030, new(2030, 2, 2), new(2030, 4, 12) },
        { "2031: Thu 23/01, Tue 01/04", 2031, new(2031, 1, 23), new(2031, 4, 1) },
        { "2032: Wed 11/02, Mon 19/04", 2032, new(2032, 2, 11), new(2032, 4, 19) },
        { "2033: Mon 31/01, Sat 09/04", 2033, new(2033, 1, 31), new(2033, 4, 9) },
        { "2034: Sun 19/02, Fri 28/04", 2034, new(2034, 2, 19), new(2034, 4, 28) },
        { "2035: Thu 08/02, Tue 17/04", 2035, new(2035, 2, 8), new(2035, 4, 17) },
    };

    [Theory]
    [MemberData(nameof(TetAndHungKings))]
    public void Tet_and_Hung_Kings_day_fall_on_their_solar_dates(string _, int year, DateOnly tet, DateOnly hungKings) =>
        Assert.Equal((tet, hungKings), (Vietnam.ToSolar(year, 1, 1), Vietnam.ToSolar(year, 3, 10)));

    [Theory]
    [MemberData(nameof(TetAndHungKings))]
    public void The_solar_dates_of_Tet_and_Hung_Kings_day_read_back_as_1_1_and_10_3(string _, int year, DateOnly tet, DateOnly hungKings) =>
        Assert.Equal((new LunarDate(year, 1, 1), new LunarDate(year, 3, 10)), (Vietnam.FromSolar(tet), Vietnam.FromSolar(hungKings)));

    public static TheoryData<string, LunarDate, DateOnly> LeapAndEdgeDays => new()
    {
        { "2023: the 30th of the ordinary 2nd month", new(2023, 2, 30), new(2023, 3, 21) },
        { "2023: the 1st of the leap 2nd month, the next day", new(2023, 2, 1, IsLeapMonth: true), new(2023, 3, 22) },
        { "2023: the 1st of the 3rd month, after the leap month", new(2023, 3, 1), new(2023, 4, 20) },
        { "2020: the 1st of the leap 4th month", new(2020, 4, 1, IsLeapMonth: true), new(2020, 5, 23) },
        { "2020: the 29th of the leap 4th month", new(2020, 4, 29, IsLeapMonth: true), new(2020, 6, 20) },
        { "2020: the 1st of the 5th month", new(2020, 5, 1), new(2020, 6, 21) },
        { "2033: the leap 11th month, which belongs to the lunar year 2033", new(2033, 11, 1, IsLeapMonth: true), new(2033, 12, 22) },
        { "New Year's Eve of a 30-day 12th month: 30 tháng Chạp 2023 = 09/02/2024", new(2023, 12, 30), new(2024, 2, 9) },
        { "New Year's Eve of a 29-day 12th month: 29 tháng Chạp 2024 = 28/01/2025", new(2024, 12, 29), new(2025, 1, 28) },
        { "the solar year ends inside the lunar one: 31/12/2025 is 12/11 of 2025", new(2025, 11, 12), new(2025, 12, 31) },
        { "a new moon at 00:01 in Hanoi: 07/05/2054 is still the 30th of month 3", new(2054, 3, 30), new(2054, 5, 7) },
    };

    [Theory]
    [MemberData(nameof(LeapAndEdgeDays))]
    public void Leap_months_and_month_ends_convert_both_ways(string _, LunarDate lunar, DateOnly solar)
    {
        Assert.Equal(solar, Vietnam.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth));
        Assert.Equal(lunar, Vietnam.FromSolar(solar));
    }

    public static TheoryData<string, int, int?> LeapMonths => new()
    {
        { "2020 repeats the 4th month", 2020, 4 },
        { "2023 repeats the 2nd month", 2023, 2 },
        { "2025 repeats the 6th month", 2025, 6 },
        { "2028 repeats the 5th month", 2028, 5 },
        { "2031 repeats the 3rd month", 2031, 3 },
        { "2033 repeats the 11th month", 2033, 11 },
        { "2024 has 12 months", 2024, null },
        { "2026 has 12 months", 2026, null },
    };

    [Theory]
    [MemberData(nameof(LeapMonths))]
    public void A_year_of_13_months_names_its_leap_month(string _, int year, int? leapMonth) =>
        Assert.Equal(leapMonth, Vietnam.LeapMonth(year));

    /// <summary>
    /// The winter solstice of 1984 came shortly after 16:00 UTC on 21/12: still 21/12 in Hanoi, but already 22/12 in
    /// Beijing, the day a new moon began a month. So month 11 began on 23/11/1984 in Vietnam and on 22/12/1984 in China
    /// (which then had a leap 10th month in 1984, Vietnam a leap 2nd month in 1985), and Tết came a month apart.
    /// </summary>
    [Fact]
    public void Vietnam_and_China_kept_Tet_1985_a_month_apart()
    {
        Assert.Equal((new DateOnly(1985, 1, 21), new DateOnly(1985, 2, 20)), (Vietnam.ToSolar(1985, 1, 1), China.ToSolar(1985, 1, 1)));
        Assert.Equal((new LunarDate(1984, 11, 1), new LunarDate(1984, 10, 1, IsLeapMonth: true)), (Vietnam.FromSolar(new(1984, 11, 23)), China.FromSolar(new(1984, 11, 23))));
        Assert.Equal((2, 10), (Vietnam.LeapMonth(1985), China.LeapMonth(1984)));
    }

    public static TheoryData<string, DateOnly, DateOnly> DaysApart => new()
    {
        { "Tết Mậu Thân 1968: the North on 29/01, China (and the South) on 30/01", new(1968, 1, 29), new(1968, 1, 30) },
        { "Tết 2030: Vietnam on Sat 02/02, China on Sun 03/02", new(2030, 2, 2), new(2030, 2, 3) },
    };

    [Theory]
    [MemberData(nameof(DaysApart))]
    public void A_new_moon_between_16_and_17_UTC_starts_the_month_a_day_apart(string _, DateOnly vietnam, DateOnly china) =>
        Assert.Equal((vietnam, china), (Vietnam.ToSolar(vietnam.Year, 1, 1), China.ToSolar(china.Year, 1, 1)));

    /// <summary>
    /// At UTC+8 the same algorithm is China's calendar, so .NET's table serves as an independent check (for the test only).
    /// From 1930, when China reckoned on UTC+8; until 2056, because in 2057 and 2097 a new moon falls within minutes of
    /// midnight, where this algorithm and China's published tables part.
    /// </summary>
    [Fact]
    public void At_UTC_plus_8_every_day_from_1930_to_2056_matches_the_Chinese_calendar()
    {
        var chinese = new ChineseLunisolarCalendar();
        for (var day = new DateOnly(1930, 1, 1); day.Year <= 2056; day = day.AddDays(1))
        {
            var at = day.ToDateTime(TimeOnly.MinValue);
            var (year, month, leapMonth) = (chinese.GetYear(at), chinese.GetMonth(at), chinese.GetLeapMonth(chinese.GetYear(at)));
            // .NET numbers the months of a leap year 1–13, the leap one right after the month it repeats.
            var expected = new LunarDate(year, leapMonth > 0 && month >= leapMonth ? month - 1 : month, chinese.GetDayOfMonth(at), month == leapMonth);
            var computed = China.FromSolar(day);
            if (computed != expected) Assert.Fail($"{day:dd/MM/yyyy}: {expected} expected, {computed} computed");
        }
    }

    [Fact]
    public void Every_day_from_1900_to_2199_converts_to_lunar_and_back()
    {
        for (var day = new DateOnly(1900, 1, 1); day.Year <= 2199; day = day.AddDays(1))
        {
            var lunar = Vietnam.FromSolar(day);
            if (lunar.Year < 1900) continue;
            var back = Vietnam.ToSolar(lunar.Year, lunar.Month, lunar.Day, lunar.IsLeapMonth);
            if (back != day) Assert.Fail($"{day:dd/MM/yyyy} → {lunar} → {back:dd/MM/yyyy}");
        }
    }

    [Fact]
    public void Days_and_leap_months_a_year_does_not_have_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Vietnam.ToSolar(2024, 2, 1, leapMonth: true));
        Assert.Throws<ArgumentException>(() => Vietnam.ToSolar(2023, 3, 1, leapMonth: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vietnam.ToSolar(2024, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vietnam.ToSolar(2025, 13, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vietnam.ToSolar(1899, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Vietnam.FromSolar(new DateOnly(2200, 1, 1)));
    }
}
