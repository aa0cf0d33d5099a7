using Portal.Domain.Staff.History;

namespace Portal.Tests.Domain;

/// <summary>
/// History rows on their two axes: the dates a row was true in the world (ngày hưởng, từ ngày – đến ngày) and the instants
/// the portal believed it (recorded, superseded). The salary steps are group A1 of NĐ 204/2004 Bảng 3 (2.34 + 0.33 a step).
/// </summary>
public sealed class RecordHistoryTests
{
    private static readonly Guid StaffId = Guid.NewGuid();

    /// <summary>09:00 in the school's time zone, when the clerk types the row in.</summary>
    private static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(7));

    private static SalaryDetails A1(int step, decimal percent = 100) =>
        new("V.07.03.29", "Giáo viên tiểu học hạng III", "A1", step, 2.34m + 0.33m * (step - 1), percent, null, null);

    private static SalaryRecord Salary(DateOnly from, int step, DateTimeOffset recordedAt, DateOnly? to = null, Guid? lineage = null) =>
        new(StaffId, lineage ?? Guid.NewGuid(), from, to, null, recordedAt, "hoa.le", A1(step));

    private static PositionRecord Position(string name, DateOnly from, DateOnly? to, bool concurrent = false) =>
        new(StaffId, Guid.NewGuid(), from, to, null, At(2026, 1, 5), "hoa.le", new(name, "Trường Tiểu học Lê Văn Tám", concurrent, null));

    /// <summary>Step 2 from 01/09/2021, raised to step 3 from 01/09/2024; both typed in a few days after their decisions.</summary>
    private static List<SalaryRecord> TwoSteps(DateOnly? stepThreeEnds = null) =>
    [
        Salary(new(2021, 9, 1), 2, At(2021, 9, 5)),
        Salary(new(2024, 9, 1), 3, At(2024, 9, 5), stepThreeEnds),
    ];

    public static TheoryData<string, DateOnly, int?> SalaryDates => new()
    {
        { "the day before the first ngày hưởng, 31/08/2021: no salary yet", new(2021, 8, 31), null },
        { "the first ngày hưởng itself, 01/09/2021", new(2021, 9, 1), 2 },
        { "the day before the raise, 31/08/2024", new(2024, 8, 31), 2 },
        { "the day of the raise, 01/09/2024", new(2024, 9, 1), 3 },
        { "years later, 29/11/2026: the last salary lasts until the next one", new(2026, 11, 29), 3 },
    };

    [Theory]
    [MemberData(nameof(SalaryDates))]
    public void The_salary_in_force_is_the_latest_ngay_huong_on_or_before_the_date(string _, DateOnly date, int? step) =>
        Assert.Equal(step, RecordHistory.SalaryOn(TwoSteps(), date)?.Step);

    public static TheoryData<string, DateOnly, int?> EndedSalaryDates => new()
    {
        { "during the row, 01/01/2025", new(2025, 1, 1), 3 },
        { "on its end date 30/06/2025 (inclusive)", new(2025, 6, 30), 3 },
        { "the day after, 01/07/2025: nothing, and the earlier step 2 does not come back", new(2025, 7, 1), null },
    };

    [Theory]
    [MemberData(nameof(EndedSalaryDates))]
    public void A_salary_row_given_an_end_date_is_not_in_force_after_it(string _, DateOnly date, int? step) =>
        Assert.Equal(step, RecordHistory.SalaryOn(TwoSteps(stepThreeEnds: new(2025, 6, 30)), date)?.Step);

    /// <summary>
    /// The example of <see cref="RecordHistory"/>: step 3 from 01/09/2024, typed in on 05/09/2024 at 09:00, corrected to step 4
    /// on 10/03/2025 at 09:00.
    /// </summary>
    private static List<SalaryRecord> CorrectedToStepFour()
    {
        var lineage = Guid.NewGuid();
        var wrong = Salary(new(2024, 9, 1), 3, At(2024, 9, 5), lineage: lineage);
        wrong.Supersede(At(2025, 3, 10), "Quyết định ghi bậc 4");
        return [wrong, Salary(new(2024, 9, 1), 4, At(2025, 3, 10), lineage: lineage)];
    }

    public static TheoryData<string, DateTimeOffset?, int?> CorrectionViews => new()
    {
        { "now: the correction", null, 4 },
        { "known at 01/02/2025, before the correction: the old version", At(2025, 2, 1), 3 },
        { "known one second before the correction: the old version", At(2025, 3, 10).AddSeconds(-1), 3 },
        { "known at the instant of the correction: the correction", At(2025, 3, 10), 4 },
        { "known at 05/09/2024 08:00, before it was first typed in: nothing", At(2024, 9, 5, hour: 8), null },
        { "known at the instant it was first typed in: the old version", At(2024, 9, 5), 3 },
    };

    [Theory]
    [MemberData(nameof(CorrectionViews))]
    public void A_correction_shows_now_and_what_the_portal_said_before_it_stays_answerable(string _, DateTimeOffset? knownAt, int? step) =>
        Assert.Equal(step, RecordHistory.SalaryOn(CorrectedToStepFour(), new DateOnly(2025, 1, 1), knownAt)?.Step);

    [Fact]
    public void A_correction_that_moves_the_ngay_huong_later_hands_the_gap_back_to_the_previous_salary()
    {
        var lineage = Guid.NewGuid();
        var typed = Salary(new(2024, 9, 1), 3, At(2024, 9, 5), lineage: lineage);
        typed.Supersede(At(2025, 3, 10), "Ngày hưởng theo quyết định là 01/10/2024");
        List<SalaryRecord> rows = [Salary(new(2021, 9, 1), 2, At(2021, 9, 5)), typed, Salary(new(2024, 10, 1), 3, At(2025, 3, 10), lineage: lineage)];
        var midSeptember = new DateOnly(2024, 9, 15);

        Assert.Equal(2, RecordHistory.SalaryOn(rows, midSeptember)?.Step);
        Assert.Equal(3, RecordHistory.SalaryOn(rows, midSeptember, knownAt: At(2025, 1, 1))?.Step);
    }

    /// <summary>Step 3 from 01/09/2024 typed in on 05/09/2024 for the wrong person, withdrawn on 20/09/2024.</summary>
    private static List<SalaryRecord> WithMistakenRow()
    {
        var rows = TwoSteps();
        rows[1].Withdraw(At(2024, 9, 20), "Nhập nhầm hồ sơ");
        return rows;
    }

    public static TheoryData<string, DateTimeOffset?, int?> WithdrawalViews => new()
    {
        { "now: the withdrawn row is gone and step 2 is in force", null, 2 },
        { "known at 10/09/2024, before the withdrawal: the portal then showed step 3", At(2024, 9, 10), 3 },
        { "known at the instant of the withdrawal: gone", At(2024, 9, 20), 2 },
        { "known long after: gone", At(2026, 11, 29), 2 },
    };

    [Theory]
    [MemberData(nameof(WithdrawalViews))]
    public void A_withdrawn_row_never_shows_now_but_shows_for_an_instant_before_its_withdrawal(string _, DateTimeOffset? knownAt, int? step) =>
        Assert.Equal(step, RecordHistory.SalaryOn(WithMistakenRow(), new DateOnly(2025, 1, 1), knownAt)?.Step);

    [Fact]
    public void The_current_view_and_the_timeline_leave_out_withdrawn_and_superseded_versions()
    {
        var rows = WithMistakenRow();
        rows.AddRange(CorrectedToStepFour());

        Assert.Equal([2, 4], RecordHistory.Known(rows).Select(r => r.Step));
        Assert.Equal([2, 4], RecordHistory.Timeline(rows).Select(r => r.Step));
        Assert.Equal([2, 3, 3], RecordHistory.Timeline(rows, knownAt: At(2024, 9, 10)).Select(r => r.Step));
    }

    /// <summary>
    /// Tổ trưởng chuyên môn 01/09/2022–31/08/2025, Phó hiệu trưởng from 01/09/2025 (open), and Bí thư chi đoàn held
    /// concurrently through 2023.
    /// </summary>
    private static readonly PositionRecord[] Positions =
    [
        Position("Phó hiệu trưởng", new(2025, 9, 1), null),
        Position("Bí thư chi đoàn", new(2023, 1, 1), new(2023, 12, 31), concurrent: true),
        Position("Tổ trưởng chuyên môn", new(2022, 9, 1), new(2025, 8, 31)),
    ];

    public static TheoryData<string, DateOnly, string> PositionDates => new()
    {
        { "the day before the first post, 31/08/2022: none", new(2022, 8, 31), "" },
        { "the first day of a closed range, 01/09/2022", new(2022, 9, 1), "Tổ trưởng chuyên môn" },
        { "a concurrent post shows beside the main one, earliest first", new(2023, 6, 1), "Tổ trưởng chuyên môn, Bí thư chi đoàn" },
        { "the exact end date 31/08/2025 is inclusive", new(2025, 8, 31), "Tổ trưởng chuyên môn" },
        { "the day after the end, 01/09/2025: only the next post", new(2025, 9, 1), "Phó hiệu trưởng" },
        { "an open range lasts, 31/12/2040", new(2040, 12, 31), "Phó hiệu trưởng" },
    };

    [Theory]
    [MemberData(nameof(PositionDates))]
    public void Positions_in_force_are_those_whose_range_covers_the_date_with_both_ends_inclusive(string _, DateOnly date, string positions) =>
        Assert.Equal(positions, string.Join(", ", RecordHistory.InForceOn(Positions, date).Select(p => p.Position)));

    [Fact]
    public void Versions_return_the_correction_trail_of_one_row_first_recorded_first()
    {
        var lineage = Guid.NewGuid();
        var first = Salary(new(2024, 9, 1), 3, At(2024, 9, 5), lineage: lineage);
        first.Supersede(At(2025, 3, 10), "Sai bậc");
        var second = Salary(new(2024, 9, 1), 4, At(2025, 3, 10), lineage: lineage);
        second.Supersede(At(2025, 4, 2), "  Sai ngày hưởng  ");
        var third = Salary(new(2024, 10, 1), 4, At(2025, 4, 2), lineage: lineage);
        var otherRow = Salary(new(2021, 9, 1), 2, At(2021, 9, 5));

        var trail = RecordHistory.Versions([third, otherRow, first, second], lineage);

        Assert.Equal([first.Id, second.Id, third.Id], trail.Select(r => r.Id));
        Assert.Equal([false, false, true], trail.Select(r => r.IsCurrentVersion));
        Assert.Equal(["Sai bậc", "Sai ngày hưởng", null], trail.Select(r => r.SupersededReason));
    }

    [Fact]
    public void A_row_cannot_end_before_it_starts_but_may_end_the_day_it_starts()
    {
        Assert.Throws<ArgumentException>(() => Position("Tổ trưởng chuyên môn", new(2025, 9, 1), new(2025, 8, 31)));

        var oneDay = Position("Trưởng ban coi thi", new(2025, 6, 10), new(2025, 6, 10));
        Assert.True(oneDay.Covers(new(2025, 6, 10)));
    }

    [Fact]
    public void A_version_can_be_superseded_only_once()
    {
        var row = Salary(new(2024, 9, 1), 3, At(2024, 9, 5));
        row.Supersede(At(2025, 3, 10), "Sai bậc");

        Assert.Throws<InvalidOperationException>(() => row.Supersede(At(2025, 4, 2), "Sai lần nữa"));
        Assert.Throws<InvalidOperationException>(() => row.Withdraw(At(2025, 4, 2), "Nhập nhầm"));
        Assert.Equal((At(2025, 3, 10), false), (row.SupersededAt, row.Withdrawn));
    }

    [Fact]
    public void A_correction_cannot_precede_the_version_it_corrects_but_may_come_at_the_same_instant()
    {
        var row = Salary(new(2024, 9, 1), 3, At(2024, 9, 5));

        Assert.Throws<ArgumentException>(() => row.Supersede(At(2024, 9, 5).AddTicks(-1), "Sai bậc"));
        Assert.True(row.IsCurrentVersion);

        row.Supersede(At(2024, 9, 5), "Sai bậc");
        Assert.False(row.IsCurrentVersion);
    }

    public static TheoryData<string, int, decimal, decimal> InvalidSalaries => new()
    {
        { "step 0: steps start at 1", 0, 2.34m, 100m },
        { "coefficient 0", 1, 0m, 100m },
        { "a negative coefficient", 1, -2.34m, 100m },
        { "0 percent received", 1, 2.34m, 0m },
        { "101 percent received", 1, 2.34m, 101m },
    };

    [Theory]
    [MemberData(nameof(InvalidSalaries))]
    public void A_salary_row_needs_a_step_from_1_a_positive_coefficient_and_1_to_100_percent(string _, int step, decimal coefficient, decimal percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SalaryRecord(StaffId, Guid.NewGuid(), new(2024, 9, 1), null, null, At(2024, 9, 5), "hoa.le",
            A1(1) with { Step = step, Coefficient = coefficient, PercentReceived = percent }));

    [Theory]
    [InlineData(1)]
    [InlineData(85)]
    [InlineData(100)]
    public void A_percentage_received_from_1_to_100_is_kept(int percent) =>
        Assert.Equal(percent, new SalaryRecord(StaffId, Guid.NewGuid(), new(2024, 9, 1), null, null, At(2024, 9, 5), "hoa.le", A1(1, percent)).PercentReceived);

    [Fact]
    public void An_allowance_is_a_percentage_a_coefficient_or_an_amount()
    {
        AllowanceRecord Allowance(decimal? percent, decimal? coefficient, long? amount) =>
            new(StaffId, Guid.NewGuid(), new(2024, 9, 1), null, null, At(2024, 9, 5), "hoa.le", new("Ưu đãi nghề", percent, coefficient, amount, null));

        Assert.Throws<ArgumentException>(() => Allowance(null, null, null));
        Assert.Equal(35m, Allowance(35, null, null).Percent);
        Assert.Equal(0.2m, Allowance(null, 0.2m, null).Coefficient);
        Assert.Equal(500_000, Allowance(null, null, 500_000).AmountVnd);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_family_member_needs_a_name(string name) =>
        Assert.Throws<ArgumentException>(() => new FamilyMember(StaffId, Guid.NewGuid(), At(2026, 1, 5), "hoa.le",
            new(FamilySide.Own, "Mẹ", name, 1965, null)));

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    public void A_rating_covers_its_whole_calendar_year(int year)
    {
        var rating = new RatingRecord(StaffId, Guid.NewGuid(), null, At(year + 1, 1, 15), "hoa.le", new(year, "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến", null));

        Assert.Equal((new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), (rating.ValidFrom, rating.ValidTo));
        Assert.False(rating.Covers(new(year - 1, 12, 31)));
        Assert.False(rating.Covers(new(year + 1, 1, 1)));
    }
}
