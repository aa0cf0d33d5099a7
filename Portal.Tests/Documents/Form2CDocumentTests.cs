using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using Portal.Infrastructure.Documents;

namespace Portal.Tests.Documents;

/// <summary>
/// The Form 2C writer (sơ yếu lý lịch, 38-item layout of TT 06/2023): the DOCX is read back with the Open XML SDK.
/// Every person, school and body below is invented.
/// </summary>
public sealed class Form2CDocumentTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_birth_name_prints_in_capitals()
    {
        using var doc = Open(Sample());

        Assert.Contains("ĐẶNG THỊ BÍCH NGÂN", Body(doc).InnerText);
    }

    [Fact]
    public void The_salary_history_table_has_one_row_per_salary_change()
    {
        var data = Sample();
        using var doc = Open(data);

        var rows = TableWithHeader(doc, "Tháng/năm", "Mã số", "Bậc", "Hệ số lương").Elements<TableRow>().Skip(1).Select(Cells).ToList();

        Assert.Equal(data.SalaryHistory.Count, rows.Count);
        Assert.Equal(["08/2022", "V.07.03.29", "3", "3,00"], rows[^1]);
        Assert.Equal(["08/2015", "V.07.03.29", "1", "2,34"], rows[0]);
    }

    [Fact]
    public void Health_prints_as_restricted_when_the_reader_may_not_see_it()
    {
        using var doc = Open(Sample(withRestricted: false));

        var health = Item(doc, "31)");

        Assert.Contains("(hạn chế tiếp cận)", health);
        Assert.Contains("(hạn chế tiếp cận)", Item(doc, "37.3."));
    }

    [Fact]
    public void Health_prints_its_values_when_the_reader_may_see_them()
    {
        using var doc = Open(Sample(withRestricted: true));

        var health = Item(doc, "31)");

        Assert.DoesNotContain("(hạn chế tiếp cận)", health);
        Assert.Contains("Tình trạng sức khỏe: Bình thường", health);
        Assert.Contains("Chiều cao: 158 cm", health);
        Assert.Contains("Cân nặng: 50,5 kg", health);
        Assert.Contains("Nhóm máu: O", health);
    }

    [Fact]
    public void Every_run_is_Times_New_Roman_13pt_from_the_document_defaults()
    {
        using var doc = Open(Sample());

        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Contains(defaults.FontSize!.Val!.Value, new[] { "26", "28" });
        Assert.Empty(Body(doc).Descendants<RunFonts>());
    }

    [Fact]
    public void The_photo_box_is_a_bordered_cell_4_cm_wide_and_6_cm_high()
    {
        using var doc = Open(Sample());

        var photo = Body(doc).Descendants<TableCell>().Single(c => c.InnerText == "Ảnh màu (4 x 6 cm)");
        var width = int.Parse(photo.TableCellProperties!.TableCellWidth!.Width!.Value!);
        var height = (int)((TableRow)photo.Parent!).TableRowProperties!.GetFirstChild<TableRowHeight>()!.Val!.Value;

        Assert.InRange(width, 2268 * 0.95, 2268 * 1.05);
        Assert.InRange(height, 3402 * 0.95, 3402 * 1.05);
        Assert.NotNull(photo.TableCellProperties.TableCellBorders);
    }

    [Fact]
    public void A_discipline_row_shows_the_form_by_its_legal_name()
    {
        using var doc = Open(Sample());

        var rows = TableWithHeader(doc, "Từ tháng, năm – đến tháng, năm", "Hình thức", "Hành vi vi phạm chính", "Cơ quan quyết định")
            .Elements<TableRow>().Skip(1).Select(Cells).ToList();

        Assert.Equal(["03/2021 – 02/2022", "Cảnh cáo", "Vi phạm quy định về dạy thêm", "UBND phường Hòa Bình"], Assert.Single(rows));
    }

    [Fact]
    public void An_empty_table_keeps_its_header_and_one_empty_row()
    {
        var data = Sample() with { Family = [] };
        using var doc = Open(data);

        var familyTables = Body(doc).Descendants<Table>().Where(t => Cells(t.Elements<TableRow>().First())[0] == "Mối quan hệ").ToList();

        Assert.Equal(2, familyTables.Count);
        Assert.All(familyTables, t => Assert.Equal(2, t.Elements<TableRow>().Count()));
        Assert.All(familyTables, t => Assert.All(Cells(t.Elements<TableRow>().Last()), text => Assert.Equal("", text)));
    }

    [Fact]
    public void Empty_items_print_as_dotted_leaders()
    {
        using var doc = Open(Sample());

        Assert.Contains("Học hàm: ………", Item(doc, "21)"));
    }

    [Fact]
    public void The_document_is_valid_Open_XML()
    {
        foreach (var withRestricted in new[] { true, false })
        {
            using var doc = Open(Sample(withRestricted));

            var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        }
    }

    private static WordprocessingDocument Open(Form2CData data) =>
        WordprocessingDocument.Open(new MemoryStream(Form2CDocument.Write(data)), false);

    private static Body Body(WordprocessingDocument doc) => doc.MainDocumentPart!.Document!.Body!;

    private static string Item(WordprocessingDocument doc, string number) =>
        Body(doc).Elements<Paragraph>().Single(p => p.InnerText.StartsWith(number + " ", StringComparison.Ordinal)).InnerText;

    private static Table TableWithHeader(WordprocessingDocument doc, params string[] headers) =>
        Body(doc).Descendants<Table>().Single(t => Cells(t.Elements<TableRow>().First()).SequenceEqual(headers));

    private static string[] Cells(TableRow row) => [.. row.Elements<TableCell>().Select(c => c.InnerText)];

    /// <summary>A teacher with every item filled in: salary history, posts, allowances, training of each kind, family, discipline.</summary>
    private static Form2CData Sample(bool withRestricted = true)
    {
        var staff = new StaffMember(Guid.NewGuid(), Guid.NewGuid(),
            new StaffIdentity("Đặng Thị Bích Ngân", new DateOnly(1992, 4, 9), Gender.Female, "079192004321", "Giáo viên tiểu học hạng III"),
            new Recruitment("57/QĐ-UBND", new DateOnly(2015, 8, 20)));
        staff.Apply(new PersonalParticulars("Ngân", new DateOnly(2021, 6, 15),
            new Address("Tỉnh Sen Vàng", "Xã Hòa Lạc", null, null), new Address("Tỉnh Sen Vàng", "Xã Phú Thạnh", null, null),
            "01", "00", "7912345678", "GD4797912345678", "0909000111", "ngan.dt@example.edu.vn",
            new Address("Thành phố Hoa Sen", "Phường Hòa Bình", "12 đường Số 7", null), "Công nhân"));
        staff.Apply(new Employment("HB-0427", new DateOnly(2015, 8, 20), "UBND quận Hòa Bình", "Sinh viên", new DateOnly(2015, 9, 1),
            "Dạy lớp 3, phụ trách chuyên môn khối 3", "Dạy Toán", "Giáo viên chủ nhiệm", "Hiệu trưởng"));
        staff.Apply(new Education("12/12", "DH", null, "SC", null, "Tiếng Anh B1", "Ứng dụng CNTT cơ bản"));
        staff.Apply(new Affiliations(new DateOnly(2018, 5, 19), new DateOnly(2019, 5, 19), "Chi ủy viên", null,
            "Đoàn TNCS Hồ Chí Minh", new DateOnly(2007, 3, 26), null, null, null, null, null));
        staff.Apply(new PersonalHistory(null, null, null));

        var id = staff.Id;
        SalaryRecord Salary(int year, int step, decimal coefficient, decimal percent) =>
            new(id, Guid.NewGuid(), new DateOnly(year, 8, 20), null, null, Recorded, "test",
                new SalaryDetails("V.07.03.29", "Giáo viên tiểu học hạng III", "A1", step, coefficient, percent, null, new DateOnly(2015, 8, 20)));
        TrainingRecord Training(TrainingKind kind, string institution, string? qualification, string? language = null, string? score = null) =>
            new(id, Guid.NewGuid(), new DateOnly(2016, 6, 1), new DateOnly(2016, 8, 31), null, Recorded, "test",
                new TrainingDetails(kind, institution, "Giáo dục tiểu học", "Chính quy", qualification, language, score));
        FamilyMember Relative(FamilySide side, string relation, string name, int year, string description) =>
            new(id, Guid.NewGuid(), Recorded, "test", new FamilyDetails(side, relation, name, year, description));

        List<SalaryRecord> salaries = [Salary(2015, 1, 2.34m, 85m), Salary(2016, 1, 2.34m, 100m), Salary(2019, 2, 2.67m, 100m), Salary(2022, 3, 3.00m, 100m)];
        RestrictedParticulars? restricted = null;
        if (withRestricted)
        {
            restricted = new RestrictedParticulars(id);
            restricted.Apply("Bình thường", 158, 50.5m, "O", "Không", "Nhà riêng 60 m²", "Không");
        }

        return new Form2CData(
            staff,
            "UBND phường Hòa Bình",
            "Trường Tiểu học Hoa Sen",
            new Form2CNames("Kinh", "Không", "Đại học Sư phạm Giáo dục tiểu học", "Sơ cấp", null),
            salaries[^1],
            [
                new(id, Guid.NewGuid(), new DateOnly(2019, 9, 1), new DateOnly(2022, 8, 31), null, Recorded, "test",
                    new PositionDetails("Tổ phó chuyên môn khối 3", "Trường Tiểu học Hoa Sen", false, 0.15m)),
                new(id, Guid.NewGuid(), new DateOnly(2022, 9, 1), null, null, Recorded, "test",
                    new PositionDetails("Tổ trưởng chuyên môn khối 3", "Trường Tiểu học Hoa Sen", false, 0.20m)),
                new(id, Guid.NewGuid(), new DateOnly(2023, 9, 1), null, null, Recorded, "test",
                    new PositionDetails("Chủ tịch Công đoàn trường", null, true, 0.15m)),
            ],
            [
                new(id, Guid.NewGuid(), new DateOnly(2015, 8, 20), null, null, Recorded, "test", new AllowanceDetails("Phụ cấp ưu đãi nghề", 35m, null, null, "Hằng tháng")),
                new(id, Guid.NewGuid(), new DateOnly(2024, 1, 1), null, null, Recorded, "test", new AllowanceDetails("Hỗ trợ đi lại", null, null, 1234567, "Hằng tháng")),
            ],
            [
                Training(TrainingKind.Professional, "Trường Đại học Sư phạm Hoa Sen", "Cử nhân"),
                Training(TrainingKind.PoliticalTheory, "Trung tâm Chính trị quận Hòa Bình", "Sơ cấp"),
                Training(TrainingKind.StateManagement, "Trường Đại học Sư phạm Hoa Sen", "Chứng chỉ CDNN hạng III"),
                Training(TrainingKind.DefenceSecurity, "Trung tâm Giáo dục quốc phòng Hoa Sen", "Chứng chỉ đối tượng 4"),
                Training(TrainingKind.InformationTechnology, "Trung tâm Tin học Hoa Sen", "Ứng dụng CNTT cơ bản"),
                Training(TrainingKind.ForeignLanguage, "Trung tâm Ngoại ngữ Hoa Sen", "B1", "Tiếng Anh", "65/100"),
            ],
            [
                new(id, Guid.NewGuid(), new DateOnly(2015, 9, 1), null, null, Recorded, "test", new WorkHistoryDetails("Trường Tiểu học Hoa Sen", "Giáo viên")),
            ],
            [
                new(id, Guid.NewGuid(), null, Recorded, "test", new RatingDetails(2024, "Hoàn thành tốt nhiệm vụ", "Lao động tiên tiến", null)),
                new(id, Guid.NewGuid(), null, Recorded, "test", new RatingDetails(2025, "Hoàn thành xuất sắc nhiệm vụ", "Chiến sĩ thi đua cơ sở", "Giấy khen")),
            ],
            [new(id, Guid.NewGuid(), new DateOnly(2025, 6, 1), null, Recorded, "test", new AwardDetails("Giấy khen", "Hoàn thành xuất sắc nhiệm vụ năm học 2024-2025", "UBND phường Hòa Bình"))],
            [
                new(id, Guid.NewGuid(), new DateOnly(2021, 3, 1), new DateOnly(2022, 2, 28), null, Recorded, "test",
                    new DisciplineDetails(DisciplineForm.Warning, false, "Vi phạm quy định về dạy thêm", "UBND phường Hòa Bình")),
            ],
            [
                Relative(FamilySide.Own, "Cha", "Đặng Văn Tường", 1962, "Xã Phú Thạnh, Tỉnh Sen Vàng; làm ruộng"),
                Relative(FamilySide.Own, "Chồng", "Võ Minh Khôi", 1990, "Kỹ sư, Công ty Cơ khí Hòa Bình"),
                Relative(FamilySide.Spouse, "Mẹ chồng", "Lâm Thị Huệ", 1965, "Nội trợ, Phường Hòa Bình"),
            ],
            salaries,
            restricted,
            "Hòa Bình",
            new DateOnly(2026, 11, 29));
    }
}
