using Portal.Domain.Reference;

namespace Portal.Tests.Domain;

/// <summary>
/// Dated reference data: salary coefficients of NĐ 204/2004 Bảng 3 (A1: 2.34, 2.67, 3.00 …; A2.1: 4.40 …), and teacher
/// titles whose 2015 codes ended on 19/03/2021 when TT 02/2021/TT-BGDĐT took effect on 20/03/2021.
/// </summary>
public sealed class ReferenceDataTests
{
    private const string Nd204 = "Nghị định 204/2004/NĐ-CP, Bảng 3";
    private static readonly DateOnly Nd204InForce = new(2004, 10, 1);

    /// <summary>A revised A1 table from 01/07/2027, made up for this test, so the 2004 version of A1 ends on 30/06/2027.</summary>
    private static readonly DateOnly RevisedTable = new(2027, 7, 1);

    private static readonly SalaryScaleStep[] Scale =
    [
        new(Guid.NewGuid(), "A1", 1, 2.34m, 36, Nd204InForce, RevisedTable.AddDays(-1), Nd204),
        new(Guid.NewGuid(), "A1", 2, 2.67m, 36, Nd204InForce, RevisedTable.AddDays(-1), Nd204),
        new(Guid.NewGuid(), "A1", 3, 3.00m, 36, Nd204InForce, RevisedTable.AddDays(-1), Nd204),
        new(Guid.NewGuid(), "A1", 1, 2.50m, 36, RevisedTable, null, "Bảng lương sửa đổi (giả định cho kiểm thử)"),
        new(Guid.NewGuid(), "A2.1", 1, 4.40m, 36, Nd204InForce, null, Nd204),
    ];

    public static TheoryData<string, string, int, DateOnly, decimal?> CoefficientCases => new()
    {
        { "A1 step 1 today", "A1", 1, new(2026, 11, 29), 2.34m },
        { "A1 step 3 today", "A1", 3, new(2026, 11, 29), 3.00m },
        { "the same step of another group", "A2.1", 1, new(2026, 11, 29), 4.40m },
        { "the first day of the 2004 table, 01/10/2004", "A1", 1, Nd204InForce, 2.34m },
        { "the day before the 2004 table: none", "A1", 1, Nd204InForce.AddDays(-1), null },
        { "the last day of the superseded version, 30/06/2027", "A1", 1, RevisedTable.AddDays(-1), 2.34m },
        { "the first day of the revised version, 01/07/2027", "A1", 1, RevisedTable, 2.50m },
        { "a step the revised table does not list yet: none", "A1", 2, RevisedTable, null },
        { "a step beyond the group: none", "A1", 10, new(2026, 11, 29), null },
        { "an unknown group: none", "A0", 1, new(2026, 11, 29), null },
    };

    [Theory]
    [MemberData(nameof(CoefficientCases))]
    public void A_coefficient_is_looked_up_by_group_step_and_the_table_version_in_force_on_the_date(string _, string group, int step, DateOnly date, decimal? coefficient) =>
        Assert.Equal(coefficient, SalaryScaleStep.CoefficientOn(Scale, group, step, date));

    private static readonly TitleDefinition Code2015 = new("V.07.03.07", "Giáo viên tiểu học hạng II (mã cũ)", "A1", new(2015, 11, 2), new(2021, 3, 19),
        "V.07.03.28", "Thông tư liên tịch 21/2015/TTLT-BGDĐT-BNV");

    private static readonly TitleDefinition Code2021 = new("V.07.03.28", "Giáo viên tiểu học hạng II", "A2.2", new(2021, 3, 20), null, null,
        "Thông tư 02/2021/TT-BGDĐT");

    public static TheoryData<string, DateOnly, bool, bool> TitleDates => new()
    {
        { "01/11/2015, the day before the 2015 code: neither", new(2015, 11, 1), false, false },
        { "02/11/2015, its first day", new(2015, 11, 2), true, false },
        { "19/03/2021, the old code's last day (inclusive)", new(2021, 3, 19), true, false },
        { "20/03/2021, the new code's first day", new(2021, 3, 20), false, true },
        { "an open end lasts, 31/12/2040", new(2040, 12, 31), false, true },
    };

    [Theory]
    [MemberData(nameof(TitleDates))]
    public void A_title_is_in_force_from_its_first_to_its_last_day_inclusive(string _, DateOnly date, bool oldCode, bool newCode) =>
        Assert.Equal((oldCode, newCode), (Code2015.InForceOn(date), Code2021.InForceOn(date)));

    [Fact]
    public void Reference_periods_cannot_end_before_they_start()
    {
        Assert.Throws<ArgumentException>(() => new TitleDefinition("V.07.03.28", "Giáo viên tiểu học hạng II", "A2.2", new(2021, 3, 20), new(2021, 3, 19), null, ""));
        Assert.Throws<ArgumentException>(() => Code2021.Apply("Giáo viên tiểu học hạng II", "A2.2", new(2021, 3, 20), new(2021, 3, 19), null, ""));
    }
}
