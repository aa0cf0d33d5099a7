namespace Portal.Domain.Deadlines;

/// <summary>
/// A public holiday as the law defines it (ngày nghỉ lễ, tết): a solar or lunar day, how many days off it gives and where
/// that block starts relative to the day, with its legal source and period in force. The days of each year are computed
/// from it; the Prime Minister's yearly choices are <see cref="CalendarAdjustment"/>s laid on top.
/// </summary>
/// <example>
/// Tết Âm lịch, 5 days (Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b) as lunar 1/1 with <see cref="OffsetDays"/> −1:
/// the last day of the lunar year and the first four of the new one. In 2026 lunar 1/1 is Tuesday 17/02, so the days are
/// Monday 16/02 (29 tháng Chạp) to Friday 20/02/2026. An offset, not "30 tháng Chạp", because the 12th month has 29 days
/// in some years (2025, 2026) and 30 in others (2024).
/// </example>
public sealed class PublicHoliday
{
    private PublicHoliday() { }

    public PublicHoliday(Guid id, string code, string name, CalendarSystem calendar, int month, int day, int offsetDays, int days,
        string? compensationSource, string legalSource, DateOnly inForceFrom, DateOnly? inForceUntil)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(legalSource);
        if (!Enum.IsDefined(calendar)) throw new ArgumentOutOfRangeException(nameof(calendar));
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        // Only days every year has: no 29/02; no lunar 30th, which a 29-day month lacks (anchor on the next 1st with an
        // offset of −1 instead, as Tết does).
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, calendar == CalendarSystem.Solar ? DateTime.DaysInMonth(2001, month) : 29);
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        if (inForceUntil < inForceFrom) throw new ArgumentException("A holiday cannot end before it starts.", nameof(inForceUntil));
        (Id, Code, Name, Calendar, Month, Day, OffsetDays, Days) = (id, code, name, calendar, month, day, offsetDays, days);
        (CompensationSource, LegalSource, InForceFrom, InForceUntil) = (compensationSource, legalSource, inForceFrom, inForceUntil);
    }

    public Guid Id { get; private set; }
    /// <summary>Stable code, e.g. "TET-AM-LICH".</summary>
    public string Code { get; private set; } = "";
    /// <summary>Tên ngày lễ as the law names it, e.g. "Tết Âm lịch", "Quốc khánh".</summary>
    public string Name { get; private set; } = "";
    public CalendarSystem Calendar { get; private set; }
    public int Month { get; private set; }
    public int Day { get; private set; }
    /// <summary>Where the block starts relative to the holiday's own day: 0 on it, −1 the day before.</summary>
    public int OffsetDays { get; private set; }
    /// <summary>Number of days off (số ngày nghỉ).</summary>
    public int Days { get; private set; }
    /// <summary>
    /// Căn cứ nghỉ bù: the rule that gives the next working day off when a day of this holiday falls on the weekly day off
    /// (Bộ luật Lao động 2019, Điều 111 khoản 3); null when the holiday gives no day in lieu.
    /// </summary>
    public string? CompensationSource { get; private set; }
    /// <summary>Căn cứ pháp lý, e.g. "Bộ luật Lao động 2019, Điều 112 khoản 1 điểm b".</summary>
    public string LegalSource { get; private set; } = "";
    public DateOnly InForceFrom { get; private set; }
    /// <summary>Last day in force, inclusive; null while the definition is current.</summary>
    public DateOnly? InForceUntil { get; private set; }
    public uint Version { get; private set; }

    /// <summary>The holiday's own day in the year: the solar date, or the date of the lunar day in that lunar year.</summary>
    public DateOnly DateIn(int year) => Calendar == CalendarSystem.Solar
        ? new DateOnly(year, Month, Day)
        : LunarCalendar.Vietnam.ToSolar(year, Month, Day);

    /// <summary>
    /// The days off the holiday gives in the year, in order; none when the definition is not in force on the holiday's own
    /// day (a block is governed by one definition, never split between two).
    /// </summary>
    public IEnumerable<DateOnly> DaysIn(int year)
    {
        var date = DateIn(year);
        if (date < InForceFrom || date > InForceUntil) return [];
        var first = date.AddDays(OffsetDays);
        return Enumerable.Range(0, Days).Select(first.AddDays);
    }
}

/// <summary>Which calendar a holiday's day is written in.</summary>
public enum CalendarSystem
{
    /// <summary>Dương lịch.</summary>
    Solar = 1,
    /// <summary>Âm lịch (Vietnam's, UTC+7: <see cref="LunarCalendar.Vietnam"/>).</summary>
    Lunar = 2,
}
