using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Domain.Deadlines;
using Portal.Infrastructure.Data.Seed;

namespace Portal.Tests.Domain;

/// <summary>
/// The working calendar built from the Labour Code 2019 holidays (Art. 112), days in lieu (Art. 111(3)) and the yearly
/// adjustments, and deadlines counted on it (Civil Code 2015, Art. 147–148). Every date below was checked against a
/// calendar.
/// </summary>
public sealed class HolidayCalendarTests
{
    private const string Art112 = "Bộ luật Lao động 2019, Điều 112 khoản 1";
    private const string Art111 = "Bộ luật Lao động 2019, Điều 111 khoản 3";
    private static readonly DateOnly LabourCodeInForce = new(2021, 1, 1);

    private static PublicHoliday Holiday(string name, CalendarSystem calendar, int month, int day, int offsetDays = 0, int days = 1,
        DateOnly? until = null) =>
        new(Guid.NewGuid(), name, name, calendar, month, day, offsetDays, days, Art111, Art112, LabourCodeInForce, until);

    private static readonly PublicHoliday[] LabourCode2019 =
    [
        Holiday("Tết Dương lịch", CalendarSystem.Solar, 1, 1),
        Holiday("Tết Âm lịch", CalendarSystem.Lunar, 1, 1, offsetDays: -1, days: 5),
        Holiday("Giỗ Tổ Hùng Vương", CalendarSystem.Lunar, 3, 10),
        Holiday("Ngày Chiến thắng", CalendarSystem.Solar, 4, 30),
        Holiday("Ngày Quốc tế lao động", CalendarSystem.Solar, 5, 1),
        Holiday("Quốc khánh", CalendarSystem.Solar, 9, 2, offsetDays: -1, days: 2),
    ];

    /// <summary>
    /// 2025 for public bodies: Tết off from Saturday 25/01 to Sunday 02/02 (REGULATIONS §1.10), so Monday 27/01 is off and
    /// Monday 03/02, which the rules would give in lieu of Tết's Saturday 01/02, is worked; Friday 02/05 off for Saturday
    /// 26/04 (as in LegalPeriodTests).
    /// </summary>
    private static readonly CalendarAdjustment[] Adjustments2025 =
    [
        new(new(2025, 1, 27), CalendarAdjustmentKind.DayOff, "Nghỉ Tết Ất Tỵ 25/01–02/02/2025", null),
        new(new(2025, 2, 3), CalendarAdjustmentKind.WorkingDay, "Nghỉ Tết Ất Tỵ kết thúc 02/02/2025", null),
        new(new(2025, 5, 2), CalendarAdjustmentKind.DayOff, "Hoán đổi với thứ Bảy 26/04/2025", null),
        new(new(2025, 4, 26), CalendarAdjustmentKind.WorkingDay, "Làm bù cho thứ Sáu 02/05/2025", null),
    ];

    private static readonly WorkingCalendar Calendar = HolidayCalendar.Build(LabourCode2019, Adjustments2025, 2024, 2029);
    private static readonly WorkingCalendar Without2025Adjustments = HolidayCalendar.Build(LabourCode2019, [], 2025, 2025);

    [Fact]
    public void The_holidays_of_a_year_are_listed_with_their_names_in_date_order()
    {
        var listed = Calendar.DaysIn(2027).Select(d => $"{d.Date:dd/MM} {d.Kind} {d.Name}");

        Assert.Equal(
        [
            "01/01 PublicHoliday Tết Dương lịch",
            "05/02 PublicHoliday Tết Âm lịch", "06/02 PublicHoliday Tết Âm lịch", "07/02 PublicHoliday Tết Âm lịch",
            "08/02 PublicHoliday Tết Âm lịch", "09/02 PublicHoliday Tết Âm lịch",
            "10/02 DayInLieu Tết Âm lịch", "11/02 DayInLieu Tết Âm lịch",
            "16/04 PublicHoliday Giỗ Tổ Hùng Vương",
            "30/04 PublicHoliday Ngày Chiến thắng",
            "01/05 PublicHoliday Ngày Quốc tế lao động",
            "03/05 DayInLieu Ngày Quốc tế lao động",
            "01/09 PublicHoliday Quốc khánh", "02/09 PublicHoliday Quốc khánh",
        ], listed);
    }

    public static TheoryData<string, DateOnly, DateOnly> DaysInLieu => new()
    {
        { "Hùng Kings' day on Sunday 26/04/2026 → Monday 27/04/2026", new(2026, 4, 26), new(2026, 4, 27) },
        { "New Year's Day on Saturday 01/01/2028 → Monday 03/01/2028", new(2028, 1, 1), new(2028, 1, 3) },
        { "Labour Day on Saturday 01/05/2027, Friday 30/04 already off → Monday 03/05/2027", new(2027, 5, 1), new(2027, 5, 3) },
        { "Reunification Day on Sunday 30/04/2028, Monday 01/05 is Labour Day → Tuesday 02/05/2028", new(2028, 4, 30), new(2028, 5, 2) },
        { "National Day's Saturday 01/09/2029 → Monday 03/09/2029", new(2029, 9, 1), new(2029, 9, 3) },
        { "National Day's Sunday 02/09/2029 → Tuesday 04/09/2029", new(2029, 9, 2), new(2029, 9, 4) },
        { "Tết 2027's Saturday 06/02 → Wednesday 10/02/2027, after the block", new(2027, 2, 6), new(2027, 2, 10) },
        { "Tết 2027's Sunday 07/02 → Thursday 11/02/2027", new(2027, 2, 7), new(2027, 2, 11) },
        { "Tết 2028's Saturday 29/01, across the month end → Monday 31/01/2028", new(2028, 1, 29), new(2028, 1, 31) },
    };

    [Theory]
    [MemberData(nameof(DaysInLieu))]
    public void A_holiday_on_the_weekly_day_off_gives_the_next_working_day_off(string _, DateOnly holiday, DateOnly inLieu)
    {
        var day = Assert.Single(Calendar.DaysIn(inLieu.Year), d => d.Kind == CalendarDayKind.DayInLieu && d.InLieuOf == holiday);

        Assert.Equal((inLieu, Art111), (day.Date, day.LegalSource));
        Assert.False(Calendar.IsWorkingDay(inLieu));
    }

    public static TheoryData<string, DateOnly, bool> Days2025 => new()
    {
        { "Fri 24/01/2025, the last day worked before Tết", new(2025, 1, 24), true },
        { "Mon 27/01/2025, off by the year's decision", new(2025, 1, 27), false },
        { "Tue 28/01/2025, 29 tháng Chạp, the first of the five Tết days", new(2025, 1, 28), false },
        { "Fri 31/01/2025, mùng 3", new(2025, 1, 31), false },
        { "Mon 03/02/2025, worked: the break ends on Sunday 02/02", new(2025, 2, 3), true },
        { "Sat 26/04/2025, worked in exchange", new(2025, 4, 26), true },
        { "Fri 02/05/2025, off in exchange", new(2025, 5, 2), false },
        { "Mon 07/04/2025, Hùng Kings' day", new(2025, 4, 7), false },
        { "Mon 01/09/2025 and Tue 02/09/2025, National Day: the Monday", new(2025, 9, 1), false },
        { "Wed 03/09/2025, worked", new(2025, 9, 3), true },
    };

    [Theory]
    [MemberData(nameof(Days2025))]
    public void The_2025_adjustments_give_the_break_of_25_01_to_02_02_and_the_April_swap(string _, DateOnly date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(date));

    [Fact]
    public void Without_the_2025_adjustments_the_rules_alone_give_Monday_03_02_in_lieu_of_Tets_Saturday()
    {
        Assert.Equal((true, false), (Without2025Adjustments.IsWorkingDay(new(2025, 1, 27)), Without2025Adjustments.IsWorkingDay(new(2025, 2, 3))));
        Assert.DoesNotContain(Calendar.DaysIn(2025), d => d.Kind == CalendarDayKind.DayInLieu && d.Date == new DateOnly(2025, 2, 3));
    }

    [Fact]
    public void The_2026_Tet_break_of_14_02_to_22_02_follows_from_the_rules_alone()
    {
        var days = Enumerable.Range(0, 11).Select(i => new DateOnly(2026, 2, 13).AddDays(i)).Select(Calendar.IsWorkingDay);

        Assert.Equal([true, false, false, false, false, false, false, false, false, false, true], days);
    }

    public static TheoryData<string, DateOnly, int, DateOnly> DeadlinesInTet => new()
    {
        { "Mon 13/01/2025 + 15 → Tue 28/01, Tết → Mon 03/02/2025", new(2025, 1, 13), 15, new(2025, 2, 3) },
        { "Fri 10/01/2025 + 15 → Sat 25/01, the break's first day → Mon 03/02/2025", new(2025, 1, 10), 15, new(2025, 2, 3) },
        { "Fri 17/01/2025 + 15 → Sat 01/02, mùng 4 → Mon 03/02/2025", new(2025, 1, 17), 15, new(2025, 2, 3) },
        { "Sat 18/01/2025 + 15 → Sun 02/02, the break's last day → Mon 03/02/2025", new(2025, 1, 18), 15, new(2025, 2, 3) },
        { "Sun 19/01/2025 + 15 → Mon 03/02/2025 itself", new(2025, 1, 19), 15, new(2025, 2, 3) },
        { "Thu 09/01/2025 + 15 → Fri 24/01/2025, the day before the break", new(2025, 1, 9), 15, new(2025, 1, 24) },
        { "Sat 31/01/2026 + 15 → Sun 15/02, in the break → Mon 23/02/2026", new(2026, 1, 31), 15, new(2026, 2, 23) },
        { "Thu 29/01/2026 + 15 → Fri 13/02/2026, the day before the break", new(2026, 1, 29), 15, new(2026, 2, 13) },
        { "a leap year: Sun 30/01/2028 + 30 → Tue 29/02/2028", new(2028, 1, 30), 30, new(2028, 2, 29) },
        { "a month end in lieu: Sun 16/01/2028 + 15 → Mon 31/01/2028, in lieu of Tết's Saturday → Tue 01/02/2028", new(2028, 1, 16), 15, new(2028, 2, 1) },
        { "a year end: Wed 16/12/2026 + 16 → Fri 01/01/2027, New Year's Day → Mon 04/01/2027", new(2026, 12, 16), 16, new(2027, 1, 4) },
    };

    [Theory]
    [MemberData(nameof(DeadlinesInTet))]
    public void A_deadline_in_days_that_lands_in_a_break_ends_on_the_first_working_day_after(string _, DateOnly eventDate, int days, DateOnly due) =>
        Assert.Equal(due, LegalPeriod.EndAfterDays(eventDate, days, Calendar));

    [Fact]
    public void The_adjustments_decide_where_a_deadline_in_Tet_2025_ends()
    {
        Assert.Equal(new DateOnly(2025, 2, 4), LegalPeriod.EndAfterDays(new(2025, 1, 13), 15, Without2025Adjustments));
    }

    public static TheoryData<string, DateOnly, int, DateOnly> WorkingDaysAcrossTet => new()
    {
        { "Thu 23/01/2025 + 3: Fri 24/01 (1), Mon 03/02 (2), Tue 04/02/2025 (3)", new(2025, 1, 23), 3, new(2025, 2, 4) },
        { "Fri 24/01/2025 + 1 → Mon 03/02/2025", new(2025, 1, 24), 1, new(2025, 2, 3) },
        { "Tue 28/01/2025, in Tết, + 1 → Mon 03/02/2025", new(2025, 1, 28), 1, new(2025, 2, 3) },
        { "Fri 13/02/2026 + 3: Mon 23/02, Tue 24/02, Wed 25/02/2026", new(2026, 2, 13), 3, new(2026, 2, 25) },
        { "Thu 04/02/2027 + 5, days in lieu Wed 10/02 and Thu 11/02 skipped: Fri 12/02 … Thu 18/02/2027", new(2027, 2, 4), 5, new(2027, 2, 18) },
        { "Fri 24/04/2026 + 1, Mon 27/04 in lieu of Hùng Kings' Sunday → Tue 28/04/2026", new(2026, 4, 24), 1, new(2026, 4, 28) },
    };

    [Theory]
    [MemberData(nameof(WorkingDaysAcrossTet))]
    public void Working_days_are_not_counted_across_Tet_and_days_in_lieu(string _, DateOnly eventDate, int days, DateOnly due) =>
        Assert.Equal(due, LegalPeriod.EndAfterWorkingDays(eventDate, days, Calendar));

    [Fact]
    public void A_definition_gives_no_days_before_it_is_in_force_or_after_it_ends()
    {
        var endsMidYear = Holiday("Quốc khánh", CalendarSystem.Solar, 9, 2, offsetDays: -1, days: 2, until: new(2026, 6, 30));

        Assert.Empty(HolidayCalendar.Build(LabourCode2019, [], 2020, 2020).DaysIn(2020));
        Assert.Equal([new DateOnly(2025, 9, 1), new(2025, 9, 2)], endsMidYear.DaysIn(2025));
        Assert.Empty(endsMidYear.DaysIn(2026));
    }

    [Fact]
    public void Only_the_years_built_are_known()
    {
        var only2026 = HolidayCalendar.Build(LabourCode2019, Adjustments2025, 2026, 2026);

        Assert.Equal((0, 0), (only2026.DaysIn(2025).Count, only2026.DaysIn(2027).Count));
        Assert.False(only2026.IsWorkingDay(new(2026, 2, 16)));
        Assert.True(only2026.IsWorkingDay(new(2027, 1, 1)));
    }

    [Fact]
    public void A_definition_refuses_days_that_some_years_lack()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday("X", CalendarSystem.Lunar, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday("X", CalendarSystem.Solar, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday("X", CalendarSystem.Solar, 4, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => Holiday("X", CalendarSystem.Solar, 1, 1, days: 0));
    }

    /// <summary>
    /// The seed file <c>Portal.Infrastructure/Data/Seed/holidays.json</c> read as the seeder will read it: its definitions
    /// and adjustments must give the known breaks of 2025 and 2026.
    /// </summary>
    [Fact]
    public void The_seeded_holidays_give_the_known_breaks_of_2025_and_2026()
    {
        var (definitions, adjustments) = HolidaySeed.Load();
        var calendar = HolidayCalendar.Build(definitions, adjustments, 2025, 2026);

        Assert.Equal(Calendar.DaysIn(2025).Select(d => (d.Date, d.IsDayOff)), calendar.DaysIn(2025).Select(d => (d.Date, d.IsDayOff)));
        Assert.Equal(Calendar.DaysIn(2026).Select(d => (d.Date, d.IsDayOff)), calendar.DaysIn(2026).Select(d => (d.Date, d.IsDayOff)));
        Assert.All(definitions, d => Assert.Equal(new DateOnly(2021, 1, 1), d.InForceFrom));
    }

    /// <summary>Reads the seed file embedded in Portal.Infrastructure, in the shape described in its README.</summary>
    private static class HolidaySeed
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

        public static (List<PublicHoliday> Definitions, List<CalendarAdjustment> Adjustments) Load()
        {
            using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream("Portal.Infrastructure.Data.Seed.holidays.json")
                ?? throw new InvalidOperationException("holidays.json is not embedded.");
            var file = JsonSerializer.Deserialize<SeedFile>(stream, Json) ?? throw new InvalidOperationException("holidays.json is empty.");
            return (
                [.. file.Definitions.Select(d => new PublicHoliday(d.Id, d.Code, d.Name, d.Calendar, d.Month, d.Day, d.OffsetDays, d.Days,
                    d.CompensationSource, d.LegalSource, d.InForceFrom, d.InForceUntil))],
                [.. file.Adjustments.Select(a => new CalendarAdjustment(a.Date, a.Kind, a.Reason, a.LegalSource))]);
        }

        private sealed record SeedFile(List<DefinitionSeed> Definitions, List<AdjustmentSeed> Adjustments);
        private sealed record DefinitionSeed(Guid Id, string Code, string Name, CalendarSystem Calendar, int Month, int Day, int OffsetDays, int Days,
            string? CompensationSource, string LegalSource, DateOnly InForceFrom, DateOnly? InForceUntil);
        private sealed record AdjustmentSeed(DateOnly Date, CalendarAdjustmentKind Kind, string Reason, string? LegalSource);
    }
}
