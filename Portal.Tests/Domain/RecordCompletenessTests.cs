using Portal.Domain.Staff;

namespace Portal.Tests.Domain;

/// <summary>
/// Completeness counts the 16 required items of the CV (<see cref="RecordCompleteness.RequiredFields"/>) and the papers of the
/// original dossier, each as one, and rounds down. The papers are the 8 the seed marks "required at recruitment" (TT 07/2019/TT-BNV).
/// </summary>
public sealed class RecordCompletenessTests
{
    private const string RequiredAtRecruitment = "HS01 HS02 KHAISINH LLTP SUCKHOE VANBANG QDTD HDLV";

    private static readonly Address HoChiMinhCity = new("79", "26734", "Số 5 Nguyễn Thị Minh Khai", null);

    /// <summary>Only what the "new record" form asks for: identity and recruitment.</summary>
    private static StaffMember Bare() =>
        new(Guid.NewGuid(), Guid.NewGuid(), new StaffIdentity("Lê Thị Hoa", new(1990, 5, 17), Gender.Female, "079190123456", "Giáo viên tiểu học hạng III"),
            new Recruitment("125/QĐ-UBND", new(2026, 11, 2)));

    private static StaffMember Filled(Address? birthPlace = null, Address? homeTown = null, Address? currentAddress = null)
    {
        var staff = Bare();
        staff.Apply(new PersonalParticulars(null, new(2021, 4, 10), birthPlace ?? HoChiMinhCity, homeTown ?? HoChiMinhCity, "01", "00",
            null, null, null, null, currentAddress ?? HoChiMinhCity, null));
        staff.Apply(new Employment(null, new(2012, 9, 1), "UBND Quận 3", null, new(2012, 9, 1), null, null, null, null));
        staff.Apply(new Education("12/12", "DH", null, null, null, null, null));
        return staff;
    }

    private static string[] Codes(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void A_bare_new_record_is_incomplete_and_lists_exactly_what_is_missing()
    {
        var result = RecordCompleteness.Evaluate(Bare(), hasSalaryRow: false, hasWorkHistoryRow: false, Codes(RequiredAtRecruitment), []);

        Assert.False(result.IsComplete);
        Assert.Equal(
        [
            nameof(StaffMember.CitizenIdIssuedOn), nameof(StaffMember.BirthPlace), nameof(StaffMember.HomeTown), nameof(StaffMember.EthnicityCode),
            nameof(StaffMember.ReligionCode), nameof(StaffMember.CurrentAddress), nameof(StaffMember.FirstRecruitedOn), nameof(StaffMember.RecruitingBody),
            nameof(StaffMember.GeneralEducation), nameof(StaffMember.HighestQualificationCode), RecordCompleteness.SalaryHistory, RecordCompleteness.WorkHistory,
        ], result.MissingFields);
        Assert.Equal(Codes(RequiredAtRecruitment), result.MissingDossierItems);
        Assert.Equal(16, result.Percent);
    }

    [Fact]
    public void A_filled_record_with_salary_and_work_history_and_every_required_paper_is_100_and_complete()
    {
        var result = RecordCompleteness.Evaluate(Filled(), hasSalaryRow: true, hasWorkHistoryRow: true, Codes(RequiredAtRecruitment),
            Codes(RequiredAtRecruitment + " QDLUONG"));

        Assert.Equal((100, true), (result.Percent, result.IsComplete));
        Assert.Empty(result.MissingFields);
        Assert.Empty(result.MissingDossierItems);
    }

    [Fact]
    public void One_missing_paper_keeps_the_record_below_100_and_is_named()
    {
        var result = RecordCompleteness.Evaluate(Filled(), hasSalaryRow: true, hasWorkHistoryRow: true, Codes(RequiredAtRecruitment),
            Codes("HS01 HS02 KHAISINH SUCKHOE VANBANG QDTD HDLV"));

        Assert.False(result.IsComplete);
        Assert.Equal(95, result.Percent);
        Assert.Empty(result.MissingFields);
        Assert.Equal(["LLTP"], result.MissingDossierItems);
    }

    public static TheoryData<string, bool, bool, bool, string, string, int> PercentCases => new()
    {
        { "15 of 16 items (no work history), no papers required: 93.75 → 93", true, true, false, "", "", 93 },
        { "16 of 16 items, 7 of 8 papers: 23 of 24 = 95.8 → 95", true, true, true, RequiredAtRecruitment, "HS01 HS02 KHAISINH LLTP SUCKHOE VANBANG QDTD", 95 },
        { "16 of 16 items, no paper on file: 16 of 24 = 66.7 → 66", true, true, true, RequiredAtRecruitment, "", 66 },
        { "a bare record, no papers required: 4 of 16 = 25", false, false, false, "", "", 25 },
        { "a bare record, no paper on file: 4 of 24 = 16.7 → 16", false, false, false, RequiredAtRecruitment, "", 16 },
        { "a bare record with every paper: 12 of 24 = 50", false, false, false, RequiredAtRecruitment, RequiredAtRecruitment, 50 },
        { "papers on file that are not required do not count: 16 of 17 = 94.1 → 94", true, true, true, "HS01", "HS03 QDLUONG", 94 },
    };

    [Theory]
    [MemberData(nameof(PercentCases))]
    public void The_percentage_is_rounded_down_so_100_means_nothing_is_missing(string _, bool filled, bool hasSalaryRow, bool hasWorkHistoryRow,
        string required, string onFile, int percent) =>
        Assert.Equal(percent, RecordCompleteness.Evaluate(filled ? Filled() : Bare(), hasSalaryRow, hasWorkHistoryRow, Codes(required), Codes(onFile)).Percent);

    [Fact]
    public void An_address_given_only_as_pre_2025_text_counts_as_present()
    {
        var legacy = new Address(null, null, null, "Xã Hòa Phú, huyện Hòa Vang, tỉnh Quảng Nam");

        var result = RecordCompleteness.Evaluate(Filled(birthPlace: legacy, homeTown: legacy, currentAddress: legacy), true, true, [], []);

        Assert.Equal((100, true), (result.Percent, result.IsComplete));
    }

    [Fact]
    public void An_address_of_blanks_is_missing()
    {
        var blanks = new Address(" ", "", null, "  ");

        var result = RecordCompleteness.Evaluate(Filled(currentAddress: blanks), true, true, [], []);

        Assert.Equal([nameof(StaffMember.CurrentAddress)], result.MissingFields);
    }
}
