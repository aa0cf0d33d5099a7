namespace Portal.Domain.Deadlines;

/// <summary>
/// The Vietnamese lunisolar calendar (âm lịch), computed from the sky with Hồ Ngọc Đức's algorithm: a month starts on the
/// local day of a new moon, the 11th month is the one that holds the winter solstice, and in a year of 13 months the
/// first month without a major solar term (trung khí) is the leap month (tháng nhuận), named after the month before it.
/// "Local" means the meridian of <see cref="UtcOffset"/>, so the same algorithm gives China's calendar at UTC+8.
/// </summary>
/// <remarks>
/// Vietnam's civil time has been UTC+7 since Quyết định 121-CP (08/08/1967), and its almanac is computed for UTC+7 from
/// the lunar year 1968; China's is computed for UTC+8. A new moon or a solar term between 16:00 and 17:00 UTC falls on
/// different local days in the two zones. Then either a month starts a day apart (Tết 1968: the North 29/01, China and the
/// South 30/01; Tết 2030: Vietnam Saturday 02/02, China Sunday 03/02, the new moon coming at 16:07 UTC), or the months are
/// numbered differently: the winter solstice of 1984 came shortly after 16:00 UTC on 21/12, still 21/12 in Hanoi but
/// already 22/12 in Beijing, the day a new moon began a month. So month 11 began on 23/11/1984 in Vietnam and on
/// 22/12/1984 in China, and Tết 1985 came a month apart: 21/01/1985 in Vietnam, 20/02/1985 in China.
/// Dates before 1968 in the North, and before 1976 in the South, followed UTC+8: use
/// <c>new LunarCalendar(TimeSpan.FromHours(8))</c> for them. .NET's ChineseLunisolarCalendar is China's calendar and is
/// therefore not used. Astronomy: mean new moon with the main periodic terms and the Sun's longitude from its mean anomaly
/// (Meeus), accurate to minutes, which is enough for 1900–2199 except for a new moon within minutes of midnight.
/// </remarks>
/// <example>Tết 2025: <c>LunarCalendar.Vietnam.ToSolar(2025, 1, 1)</c> → 29/01/2025.</example>
public sealed class LunarCalendar
{
    private const int FirstYear = 1900;
    private const int LastYear = 2199;
    /// <summary>Julian day number of 01/01/0001, DayNumber 0 of <see cref="DateOnly"/>.</summary>
    private const int JulianDayOfDayNumberZero = 1721426;
    private const double SynodicMonth = 29.530588853;
    /// <summary>The Julian day of the new moon of 1900-01-01 13:52 UTC, where k = 0.</summary>
    private const double FirstNewMoon = 2415021.076998695;

    private readonly double _zoneDays;

    public LunarCalendar(TimeSpan utcOffset)
    {
        if (utcOffset < TimeSpan.FromHours(-12) || utcOffset > TimeSpan.FromHours(14))
            throw new ArgumentOutOfRangeException(nameof(utcOffset), "Not a time zone offset.");
        UtcOffset = utcOffset;
        _zoneDays = utcOffset.TotalDays;
    }

    /// <summary>Vietnam's calendar, computed for UTC+7 (Quyết định 121-CP ngày 08/08/1967).</summary>
    public static LunarCalendar Vietnam { get; } = new(TimeSpan.FromHours(7));

    public TimeSpan UtcOffset { get; }

    /// <summary>
    /// The solar date of a lunar date. Refuses a day the month does not have (a 30th in a 29-day month) and a leap month
    /// the year does not have.
    /// </summary>
    /// <example>Hùng Kings' day 2023 (10/3 âm lịch, after the leap 2nd month): <c>ToSolar(2023, 3, 10)</c> → 29/04/2023.</example>
    public DateOnly ToSolar(int lunarYear, int lunarMonth, int lunarDay, bool leapMonth = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, LastYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarMonth, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarDay, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarDay, 30);

        var k = MonthIndexOf(lunarYear, lunarMonth, leapMonth)
            ?? throw new ArgumentException($"The lunar year {lunarYear} has no leap month {lunarMonth}.", nameof(leapMonth));
        var start = NewMoonDay(k);
        if (lunarDay > NewMoonDay(k + 1) - start)
            throw new ArgumentOutOfRangeException(nameof(lunarDay), $"The lunar month {lunarMonth}/{lunarYear} has only {NewMoonDay(k + 1) - start} days.");
        return FromJulianDay(start + lunarDay - 1);
    }

    /// <summary>The lunar date of a solar date between 01/01/1900 and 31/12/2199.</summary>
    public LunarDate FromSolar(DateOnly date)
    {
        if (date.Year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(date), $"Lunar dates are computed for {FirstYear}–{LastYear}.");
        var day = JulianDay(date);
        // The mean month only estimates which new moon began the month; the true one can come hours after the mean one
        // and, near midnight, on the next day. So step back until a month starts on or before the day. Example: the new
        // moon of May 2054 comes at 00:01 on 08/05 in UTC+7, so 07/05/2054 is the 30th of month 3 (the published
        // algorithm steps back once only and called it "day 0").
        var k = (int)Math.Floor((day - FirstNewMoon) / SynodicMonth) + 1;
        var monthStart = NewMoonDay(k);
        while (monthStart > day) monthStart = NewMoonDay(--k);

        // [start, end) runs from one month 11 to the next: months 11 and 12 of year - 1, then 1 to 10 of year.
        var year = date.Year;
        var (start, end) = (Month11(year - 1), Month11(year));
        if (monthStart >= end) (year, start, end) = (year + 1, end, Month11(year + 1));

        var offset = (int)Math.Floor((monthStart - start) / 29.0);
        var (month, leap) = (offset + 11, false);
        if (end - start > 365)
        {
            var leapOffset = LeapOffset(start);
            if (offset >= leapOffset) (month, leap) = (offset + 10, offset == leapOffset);
        }
        if (month > 12) month -= 12;
        if (month >= 11 && offset < 4) year--;
        return new LunarDate(year, month, day - monthStart + 1, leap);
    }

    /// <summary>The month the lunar year repeats as a leap month (tháng nhuận), or null in a year of 12 months.</summary>
    /// <example>2023 → 2; 2020 → 4; 2024 → null.</example>
    public int? LeapMonth(int lunarYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lunarYear, FirstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lunarYear, LastYear);
        for (var month = 1; month <= 12; month++)
            if (MonthIndexOf(lunarYear, month, leap: true) is not null) return month;
        return null;
    }

    /// <summary>
    /// The index k of the new moon that starts the month (the k-th new moon since January 1900), or null when the year
    /// has no such leap month. Months are counted from month 11, the month of the winter solstice.
    /// </summary>
    private int? MonthIndexOf(int year, int month, bool leap)
    {
        var (start, end) = month < 11 ? (Month11(year - 1), Month11(year)) : (Month11(year), Month11(year + 1));
        var k = (int)Math.Floor(0.5 + (start - FirstNewMoon) / SynodicMonth);
        var offset = (month + 1) % 12;
        if (end - start <= 365) return leap ? null : k + offset;

        // The leap month comes right after the month it repeats: at offset 1 it repeats month 11, at 3 month 1.
        var leapOffset = LeapOffset(start);
        var repeated = (leapOffset + 9) % 12 + 1;
        if (leap && month != repeated) return null;
        return k + offset + (leap || offset >= leapOffset ? 1 : 0);
    }

    /// <summary>The Julian day on which month 11 (the month of the winter solstice) begins, in the solar year given.</summary>
    private int Month11(int year)
    {
        var off = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = (int)Math.Floor(off / SynodicMonth);
        var newMoon = NewMoonDay(k);
        // If the Sun is already past 270° when this month starts, the solstice fell in the month before: that is month 11.
        return SolarTermSector(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>Months after month 11 until the first one without a major solar term: the leap month's offset.</summary>
    private int LeapOffset(int month11)
    {
        var k = (int)Math.Floor((month11 - FirstNewMoon) / SynodicMonth + 0.5);
        var i = 1;
        var sector = SolarTermSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = sector;
            i++;
            sector = SolarTermSector(NewMoonDay(k + i));
        } while (sector != last && i < 14);
        return i - 1;
    }

    /// <summary>The local day (as a Julian day number) of the k-th new moon since January 1900.</summary>
    private int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + _zoneDays);

    /// <summary>Which 30° sector (0–11) the Sun's longitude is in at the start of the local day: one per major term.</summary>
    private int SolarTermSector(int julianDay) =>
        (int)Math.Floor(SunLongitude(julianDay - 0.5 - _zoneDays) / Math.PI * 6);

    /// <summary>The Julian day (UT, fractional) of the k-th new moon since January 1900 (Meeus, Astronomical Algorithms).</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
            + 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m)
            - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr)
            - 0.0004 * Math.Sin(dr * 3 * mpr)
            + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr))
            - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m))
            - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr))
            + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd + c1 - deltaT;
    }

    /// <summary>The Sun's apparent longitude in radians, 0 ≤ L &lt; 2π, at the Julian day given (UT).</summary>
    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m)
            + (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        return l - Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
    }

    private static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);
}

/// <summary>A date of the lunar calendar (ngày âm lịch); <see cref="IsLeapMonth"/> marks the repeated month (tháng nhuận).</summary>
/// <example>22/03/2023 is <c>LunarDate(2023, 2, 1, IsLeapMonth: true)</c>, the first day of the leap 2nd month.</example>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false);
