using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Portal.Domain.Staff;
using Portal.Domain.Staff.History;
using static Portal.Infrastructure.Documents.DocumentText;
using static Portal.Infrastructure.Documents.WordLayout;
// A label and its value on the form; an empty value prints as the dotted leader.
using Field = (string Label, string? Value);

namespace Portal.Infrastructure.Documents;

/// <summary>
/// Writes the "Sơ yếu lý lịch cán bộ, công chức, viên chức" (Form 2C in the 38-item layout attributed to the appendix of
/// TT 06/2023/TT-BNV, which mirrors HS02-VC/BNV of TT 07/2019/TT-BNV) as a DOCX: A4 portrait, Times New Roman 13 pt,
/// items 1–38 in the form's order, the place and date, and the two signatures.
/// </summary>
/// <remarks>
/// An item the record leaves empty prints as a dotted leader ("………………") so the printed form can be completed by hand;
/// a table without rows keeps its header and one empty row. Health (item 31) and the economic situation (item 37.3)
/// print "(hạn chế tiếp cận)" when the reader may not see them (<see cref="Form2CData.Restricted"/> is null).
/// </remarks>
public static class Form2CDocument
{
    /// <summary>Body 13 pt and title 14 pt, in half-points.</summary>
    private const int BodySize = 26, TitleSize = 28;
    private const string RestrictedText = "(hạn chế tiếp cận)";

    /// <summary>A4 portrait with margins of 2 cm (3 cm on the binding side), in twentieths of a point (1 cm = 567).</summary>
    private const int Margin = 1134, LeftMargin = 1701;
    private const int TextWidth = A4Short - LeftMargin - Margin;
    /// <summary>The 4 × 6 cm photo box.</summary>
    private const int PhotoWidth = 2268, PhotoHeight = 3402;

    /// <summary>Declared before the tables that use it: static fields initialise in text order.</summary>
    private static readonly Column PeriodColumn = new("Từ tháng, năm – đến tháng, năm", 3);

    /// <summary>The form as DOCX bytes.</summary>
    public static byte[] Write(Form2CData data)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(BodySize);
            main.Document = new Document(new Body(
                [.. Content(data), Page(A4Short, A4Long, top: Margin, right: Margin, bottom: Margin, left: LeftMargin)]));
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(Form2CData data) =>
    [
        .. Header(data), .. Identity(data), .. Career(data), .. Positions(data), .. Salary(data), Health(data.Restricted),
        .. Training(data.Training), .. WorkHistory(data.WorkHistory), .. PersonalHistory(data.Staff), .. AwardsAndDiscipline(data),
        .. Family(data.Family), .. Economy(data), .. Assessment(), .. Signatures(data),
    ];

    /// <summary>Managing and using bodies on the left, form label, "Số hiệu" and "Mã số định danh" on the right, then the photo box beside the title.</summary>
    private static IEnumerable<OpenXmlElement> Header(Form2CData data)
    {
        var half = TextWidth / 2;
        yield return Borderless([half, TextWidth - half], Row(
            Cell(half, Line($"Cơ quan quản lý: {OrBlank(data.ManagingBody)}"), Line($"Cơ quan, đơn vị sử dụng: {OrBlank(data.UsingUnit)}")),
            Cell(TextWidth - half,
                Line("Mẫu 2C", bold: true, align: JustificationValues.Right),
                Line($"Số hiệu: {OrBlank(data.Staff.StaffCode)}", align: JustificationValues.Right),
                Line($"Mã số định danh: {data.Staff.CitizenId}", align: JustificationValues.Right))));
        yield return Line("");
        yield return Borderless([PhotoWidth, TextWidth - PhotoWidth], PhotoAndTitle());
    }

    private static TableRow PhotoAndTitle()
    {
        var photo = new TableCell(
            new TableCellProperties(
                new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = $"{PhotoWidth}" },
                new TableCellBorders(Border<TopBorder>(), Border<LeftBorder>(), Border<BottomBorder>(), Border<RightBorder>()),
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
            Line("Ảnh màu (4 x 6 cm)", italic: true, align: JustificationValues.Center));
        var title = Cell(TextWidth - PhotoWidth,
            Line("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", bold: true, size: TitleSize, align: JustificationValues.Center));
        title.TableCellProperties!.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return new TableRow(new TableRowProperties(new TableRowHeight { Val = PhotoHeight, HeightType = HeightRuleValues.Exact }), photo, title);
    }

    /// <summary>Items 1–11: name, birth, origin, identity numbers, address.</summary>
    private static IEnumerable<OpenXmlElement> Identity(Form2CData data)
    {
        var s = data.Staff;
        yield return Line("");
        yield return Item("1", ("Họ và tên khai sinh (viết chữ in hoa)", s.FullName.ToUpper(Vietnamese)), ("Giới tính", GenderName(s.Gender)));
        yield return Item("2", ("Các tên gọi khác", s.OtherNames));
        yield return Item("3", ("Sinh ngày", s.DateOfBirth.ToString("dd 'tháng' MM 'năm' yyyy", CultureInfo.InvariantCulture)));
        yield return Item("4", ("Nơi sinh", s.BirthPlace.ToString()));
        yield return Item("5", ("Quê quán", s.HomeTown.ToString()));
        yield return Item("6", ("Dân tộc", data.Names.Ethnicity));
        yield return Item("7", ("Tôn giáo", data.Names.Religion));
        yield return Item("8", ("Số CCCD", s.CitizenId), ("Ngày cấp", Date(s.CitizenIdIssuedOn)), ("Số điện thoại liên hệ", s.Phone));
        yield return Item("9", ("Số BHXH", s.SocialInsuranceNumber), ("Số thẻ BHYT", s.HealthInsuranceNumber));
        yield return Item("10", ("Nơi ở hiện nay", s.CurrentAddress.ToString()));
        yield return Item("11", ("Thành phần gia đình xuất thân", s.FamilyBackground));
    }

    /// <summary>Items 12–22: recruitment, Party and other organisations, military service, education, honours.</summary>
    private static IEnumerable<OpenXmlElement> Career(Form2CData data)
    {
        var s = data.Staff;
        yield return Item("12", ("Nghề nghiệp trước khi được tuyển dụng", s.OccupationBeforeRecruitment));
        yield return Item("13", ("Ngày được tuyển dụng lần đầu", Date(s.FirstRecruitedOn)), ("Cơ quan, tổ chức, đơn vị tuyển dụng", s.RecruitingBody));
        yield return Item("14", ("Ngày vào cơ quan hiện đang công tác", Date(s.JoinedCurrentUnitOn)));
        yield return Item("15", ("Ngày vào Đảng Cộng sản Việt Nam", Date(s.PartyJoinedOn)), ("Ngày chính thức", Date(s.PartyOfficialOn)));
        yield return Item("16", ("Ngày tham gia tổ chức chính trị - xã hội đầu tiên", Date(s.SocioPoliticalJoinedOn)),
            ("Tên tổ chức", s.SocioPoliticalOrganisation));
        yield return Item("17", ("Ngày nhập ngũ", Date(s.EnlistedOn)), ("Ngày xuất ngũ", Date(s.DischargedOn)), ("Quân hàm cao nhất", s.HighestMilitaryRank));
        yield return Item("18", ("Đối tượng chính sách", s.PolicyBeneficiary));
        yield return Item("19", ("Trình độ giáo dục phổ thông", s.GeneralEducation));
        yield return Item("20", ("Trình độ chuyên môn cao nhất", data.Names.HighestQualification));
        yield return Item("21", ("Học hàm", s.AcademicTitle));
        yield return Item("22", ("Danh hiệu nhà nước phong tặng", s.HonoraryTitles));
    }

    /// <summary>Items 23–29: the posts in force on the print date (main, then concurrent), Party posts, duties.</summary>
    private static IEnumerable<OpenXmlElement> Positions(Form2CData data)
    {
        var s = data.Staff;
        var (main, concurrent) = PositionsInForce(data);
        yield return Item("23", ("Chức vụ hiện tại", main is null ? null : PositionName(main)), ("Ngày bổ nhiệm", Date(main?.ValidFrom)),
            ("Ngày bổ nhiệm lại", null));
        yield return Item("24", ("Được quy hoạch chức danh", s.PlannedFor));
        yield return Item("25", ("Chức vụ kiêm nhiệm", string.Join("; ", concurrent.Select(PositionName))));
        yield return Item("26", ("Chức vụ Đảng hiện tại", s.PartyPosition));
        yield return Item("27", ("Chức vụ Đảng kiêm nhiệm", s.PartyConcurrentPosition));
        yield return Item("28", ("Công việc chính được giao", s.MainDuties));
        yield return Item("29", ("Sở trường công tác", s.Strengths), ("Công việc làm lâu nhất", s.LongestJob));
    }

    /// <summary>
    /// Item 30: 30.1 pay by grade or professional title, 30.2 allowances in force, 30.3 pay by job position (not yet in
    /// force, so left for hand completion).
    /// </summary>
    private static IEnumerable<OpenXmlElement> Salary(Form2CData data)
    {
        var pay = data.CurrentSalary;
        var (main, concurrent) = PositionsInForce(data);
        yield return Heading("30", "Tiền lương");
        yield return Item("30.1", ("Ngạch/chức danh nghề nghiệp", pay?.TitleName), ("Mã số", pay?.TitleCode),
            ("Ngày bổ nhiệm ngạch/chức danh nghề nghiệp", Date(pay?.TitleAppointedOn)));
        yield return Fields(("Bậc lương", pay?.Step.ToString(Vietnamese)), ("Hệ số", Coefficient(pay?.Coefficient)),
            ("Ngày hưởng", Date(pay?.ValidFrom)));
        yield return Fields(("Phần trăm hưởng", Percent(pay?.PercentReceived)),
            ("Phụ cấp thâm niên vượt khung", Percent(pay?.SeniorityBeyondFramePercent)));
        yield return Item("30.2", ("Phụ cấp chức vụ", Coefficient(main?.AllowanceCoefficient)),
            ("Phụ cấp kiêm nhiệm", string.Join("; ", concurrent.Where(p => p.AllowanceCoefficient is not null)
                .Select(p => $"{p.Position} hệ số {Coefficient(p.AllowanceCoefficient)}"))));
        yield return Fields(("Phụ cấp khác", string.Join("; ",
            RecordHistory.InForceOn(data.Allowances, data.PrintedOn).Select(a => $"{a.Kind} {AllowanceValue(a)}"))));
        yield return Item("30.3", ("Vị trí việc làm", null), ("Mã số", null), ("Bậc lương", null),
            ("Lương theo mức tiền", null), ("Ngày hưởng", null));
    }

    /// <summary>Item 31: health, restricted personal data (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).</summary>
    private static Paragraph Health(RestrictedParticulars? r) => r is null
        ? Item("31", ("Tình trạng sức khỏe, chiều cao, cân nặng, nhóm máu", RestrictedText))
        : Item("31", ("Tình trạng sức khỏe", r.HealthStatus), ("Chiều cao", r.HeightCm is { } cm ? $"{cm} cm" : null),
            ("Cân nặng", r.WeightKg is { } kg ? $"{kg.ToString("0.#", Vietnamese)} kg" : null), ("Nhóm máu", r.BloodType));

    /// <summary>Item 32: one table per kind of training, each with the columns the form gives that kind.</summary>
    private static IEnumerable<OpenXmlElement> Training(IReadOnlyList<TrainingRecord> rows)
    {
        yield return Heading("32", "Quá trình đào tạo, bồi dưỡng");
        foreach (var section in TrainingSections)
        {
            yield return Heading(section.Number, section.Title);
            yield return Table(section.Columns, rows.Where(t => t.Kind == section.Kind).Select(section.Cells));
        }
    }

    private sealed record TrainingSection(TrainingKind Kind, string Number, string Title, Column[] Columns, Func<TrainingRecord, string?[]> Cells);

    private static readonly TrainingSection[] TrainingSections =
    [
        new(TrainingKind.Professional, "32.1", "Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)",
            [PeriodColumn, new("Tên cơ sở đào tạo", 3), new("Chuyên ngành đào tạo", 3), new("Hình thức đào tạo", 2), new("Văn bằng, trình độ", 2)],
            t => [Period(t), t.Institution, t.Major, t.Mode, t.Qualification]),
        new(TrainingKind.PoliticalTheory, "32.2", "Lý luận chính trị",
            [PeriodColumn, new("Tên cơ sở đào tạo", 4), new("Hình thức đào tạo", 3), new("Văn bằng được cấp", 3)],
            t => [Period(t), t.Institution, t.Mode, t.Qualification]),
        new(TrainingKind.StateManagement, "32.3", "Bồi dưỡng quản lý nhà nước, chức danh nghề nghiệp, nghiệp vụ chuyên ngành",
            [PeriodColumn, new("Tên cơ sở đào tạo", 6), new("Chứng chỉ được cấp", 4)],
            t => [Period(t), t.Institution, t.Qualification]),
        new(TrainingKind.DefenceSecurity, "32.4", "Bồi dưỡng kiến thức an ninh, quốc phòng",
            [PeriodColumn, new("Tên cơ sở đào tạo", 6), new("Chứng chỉ được cấp", 4)],
            t => [Period(t), t.Institution, t.Qualification]),
        new(TrainingKind.InformationTechnology, "32.5", "Tin học",
            [PeriodColumn, new("Tên cơ sở đào tạo", 6), new("Chứng chỉ được cấp", 4)],
            t => [Period(t), t.Institution, t.Qualification]),
        new(TrainingKind.ForeignLanguage, "32.6", "Ngoại ngữ, tiếng dân tộc",
            [PeriodColumn, new("Tên cơ sở đào tạo", 3), new("Tên ngoại ngữ, tiếng dân tộc", 3), new("Chứng chỉ được cấp", 2), new("Điểm số", 2)],
            t => [Period(t), t.Institution, t.Language, t.Qualification, t.Score]),
    ];

    /// <summary>Item 33: tóm tắt quá trình công tác.</summary>
    private static IEnumerable<OpenXmlElement> WorkHistory(IReadOnlyList<WorkHistoryRecord> rows)
    {
        yield return Heading("33", "Tóm tắt quá trình công tác");
        yield return Table(
            [PeriodColumn, new("Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian được đào tạo, bồi dưỡng", 6),
                new("Chức danh, chức vụ", 3)],
            rows.Select(w => new[] { Period(w), w.Organisation, w.Role }));
    }

    /// <summary>Item 34: đặc điểm lịch sử bản thân.</summary>
    private static IEnumerable<OpenXmlElement> PersonalHistory(StaffMember s)
    {
        yield return Heading("34", "Đặc điểm lịch sử bản thân");
        yield return Item("34.1", ("Khai rõ: bị bắt, bị tù (từ ngày, tháng, năm nào đến ngày, tháng, năm nào, ở đâu), đã khai báo cho ai, những vấn đề gì", s.Detention));
        yield return Item("34.2", ("Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời gian làm việc)", s.FormerRegimeWork));
        yield return Item("34.3", ("Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ chức nào, đặt trụ sở ở đâu)", s.ForeignRelations));
    }

    /// <summary>Item 35: 35.1 ratings per year and the awards received, 35.2 Party and administrative discipline.</summary>
    private static IEnumerable<OpenXmlElement> AwardsAndDiscipline(Form2CData data)
    {
        yield return Heading("35", "Khen thưởng, kỷ luật");
        yield return Heading("35.1", "Khen thưởng");
        yield return Table([new("Năm", 1), new("Xếp loại chuyên môn", 3), new("Xếp loại thi đua", 3), new("Hình thức khen thưởng", 3)],
            data.Ratings.Select(r => new[] { r.Year.ToString(CultureInfo.InvariantCulture), r.ProfessionalRating, r.EmulationRating, r.AwardForm }));
        yield return Line("Các hình thức khen thưởng đã nhận:");
        yield return Table([new("Ngày quyết định", 2), new("Hình thức khen thưởng", 3), new("Nội dung", 4), new("Cơ quan quyết định", 3)],
            data.Awards.Select(a => new[] { Date(a.ValidFrom), a.Form, a.Reason, a.DecidingBody }));
        yield return Heading("35.2", "Kỷ luật");
        yield return Table([PeriodColumn, new("Hình thức", 3), new("Hành vi vi phạm chính", 4), new("Cơ quan quyết định", 3)],
            data.Discipline.Select(d => new[] { Period(d), DisciplineName(d), d.Violation, d.DecidingBody }));
    }

    /// <summary>Item 36: quan hệ gia đình, one's own side and the spouse's.</summary>
    private static IEnumerable<OpenXmlElement> Family(IReadOnlyList<FamilyMember> rows)
    {
        yield return Heading("36", "Quan hệ gia đình");
        yield return Heading("36.1", "Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột");
        yield return FamilyTable(rows.Where(f => f.Side == FamilySide.Own));
        yield return Heading("36.2", "Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột");
        yield return FamilyTable(rows.Where(f => f.Side == FamilySide.Spouse));
    }

    private static Table FamilyTable(IEnumerable<FamilyMember> rows) => Table(
        [new("Mối quan hệ", 2), new("Họ và tên", 3), new("Năm sinh", 2),
            new("Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên các tổ chức chính trị - xã hội", 8)],
        rows.Select(f => new[] { f.Relation, f.FullName, f.BirthYear?.ToString(CultureInfo.InvariantCulture), f.Description }));

    /// <summary>Item 37: 37.1 one row per salary change, 37.2 allowances, 37.3 income and property (restricted).</summary>
    private static IEnumerable<OpenXmlElement> Economy(Form2CData data)
    {
        yield return Heading("37", "Hoàn cảnh kinh tế gia đình");
        yield return Heading("37.1", "Quá trình lương của bản thân");
        yield return Table([new("Tháng/năm", 2), new("Mã số", 3), new("Bậc", 1), new("Hệ số lương", 2)],
            data.SalaryHistory.Select(p => new[] { MonthYear(p.ValidFrom), p.TitleCode, p.Step.ToString(CultureInfo.InvariantCulture), Coefficient(p.Coefficient) }));
        yield return Heading("37.2", "Các loại phụ cấp khác");
        yield return Table([PeriodColumn, new("Loại phụ cấp", 3), new("Phần trăm hưởng", 2), new("Hệ số", 2), new("Hình thức hưởng", 2), new("Giá trị", 2)],
            data.Allowances.Select(a => new[] { Period(a), a.Kind, Percent(a.Percent), Coefficient(a.Coefficient), a.Form, Money(a.AmountVnd) }));
        foreach (var paragraph in Property(data.Restricted)) yield return paragraph;
    }

    private static IEnumerable<Paragraph> Property(RestrictedParticulars? r)
    {
        if (r is null)
        {
            yield return Item("37.3", ("Nguồn thu nhập chính, nhà ở, đất ở", RestrictedText));
            yield break;
        }
        yield return Item("37.3", ("Nguồn thu nhập chính hằng năm (ngoài tiền lương)", r.IncomeSources));
        yield return Fields(("Nhà ở", r.Housing));
        yield return Fields(("Đất ở, đất sản xuất kinh doanh", r.Land));
    }

    /// <summary>Item 38: left blank for the unit, as dotted lines across the page.</summary>
    private static IEnumerable<OpenXmlElement> Assessment()
    {
        yield return Heading("38", "Nhận xét, đánh giá của cơ quan, tổ chức, đơn vị quản lý và sử dụng cán bộ, công chức, viên chức");
        for (var i = 0; i < 5; i++)
            yield return new Paragraph(
                new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth })),
                new Run(new TabChar()));
    }

    /// <summary>The place and date, then "Người khai" (with the declaration) and the head of the unit side by side.</summary>
    private static IEnumerable<OpenXmlElement> Signatures(Form2CData data)
    {
        var half = TextWidth / 2;
        yield return Line("");
        yield return Line($"{data.Place}, {data.PrintedOn.ToString("'ngày' dd 'tháng' MM 'năm' yyyy", CultureInfo.InvariantCulture)}",
            italic: true, align: JustificationValues.Right);
        yield return Borderless([half, TextWidth - half], Row(
            Cell(half,
                Line("NGƯỜI KHAI", bold: true, align: JustificationValues.Center),
                Line("Tôi xin cam đoan những lời khai trên đây là đúng sự thật và chịu trách nhiệm về những lời khai của mình.",
                    align: JustificationValues.Center),
                Line("(Ký tên, ghi rõ họ tên)", italic: true, align: JustificationValues.Center),
                Line(""), Line(""), Line(""),
                Line(data.Staff.FullName, bold: true, align: JustificationValues.Center)),
            Cell(TextWidth - half,
                Line("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", bold: true, align: JustificationValues.Center),
                Line("(Ký tên, đóng dấu)", italic: true, align: JustificationValues.Center))));
        // Word expects the body to end with a paragraph, not a table.
        yield return Line("");
    }

    private static (PositionRecord? Main, IReadOnlyList<PositionRecord> Concurrent) PositionsInForce(Form2CData data)
    {
        var inForce = RecordHistory.InForceOn(data.Positions, data.PrintedOn);
        return (inForce.FirstOrDefault(p => !p.Concurrent), inForce.Where(p => p.Concurrent).ToList());
    }

    private static string PositionName(PositionRecord p) => p.Organisation is null ? p.Position : $"{p.Position}, {p.Organisation}";

    private static string? GenderName(Gender g) => g switch { Gender.Male => "Nam", Gender.Female => "Nữ", _ => null };

    /// <summary>Hình thức kỷ luật as the law names it (Luật Viên chức Art. 52; Luật Cán bộ, công chức Art. 79).</summary>
    private static string DisciplineName(DisciplineRecord d)
    {
        var form = d.Form switch
        {
            DisciplineForm.Reprimand => "Khiển trách",
            DisciplineForm.Warning => "Cảnh cáo",
            DisciplineForm.SalaryStepDemotion => "Hạ bậc lương",
            DisciplineForm.Demotion => "Giáng chức",
            DisciplineForm.RemovalFromOffice => "Cách chức",
            DisciplineForm.Dismissal => "Buộc thôi việc",
            _ => d.Form.ToString(),
        };
        return d.Party ? $"Đảng: {form}" : form;
    }

    /// <summary>"35%", "hệ số 0,20" or "1.234.567 đ" (several when the row has several).</summary>
    private static string AllowanceValue(AllowanceRecord a) =>
        string.Join(", ", new[] { Percent(a.Percent), a.Coefficient is null ? null : $"hệ số {Coefficient(a.Coefficient)}", Money(a.AmountVnd) }
            .Where(v => v is not null));

    private static string? MonthYear(DateOnly? d) => d?.ToString("MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"09/2008 – 06/2012"; an open end is "nay" (the row lasts, <see cref="RecordRow.ValidTo"/>).</summary>
    private static string? Period(RecordRow row) => row.ValidFrom is null && row.ValidTo is null
        ? null
        : $"{MonthYear(row.ValidFrom) ?? Blank} – {MonthYear(row.ValidTo) ?? "nay"}";

    /// <summary>"1.234.567 đ".</summary>
    private static string? Money(long? vnd) => vnd is null ? null : $"{vnd.Value.ToString("#,##0", Vietnamese)} đ";

    /// <summary>A numbered item: "1) Label: value; Label: value" (sub-items "30.1. …").</summary>
    private static Paragraph Item(string number, params Field[] fields)
    {
        var paragraph = new Paragraph(TextRun(Number(number), bold: true));
        AppendFields(paragraph, fields);
        return paragraph;
    }

    /// <summary>A continuation line of the item above, indented.</summary>
    private static Paragraph Fields(params Field[] fields)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Indentation { Left = "567" }));
        AppendFields(paragraph, fields);
        return paragraph;
    }

    private static void AppendFields(Paragraph paragraph, Field[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0) paragraph.Append(TextRun("; "));
            paragraph.Append(TextRun($"{fields[i].Label}: "), TextRun(OrBlank(fields[i].Value)));
        }
    }

    /// <summary>An item whose content follows as a table or sub-items.</summary>
    private static Paragraph Heading(string number, string title) =>
        new(new ParagraphProperties(new KeepNext()), TextRun(Number(number), bold: true), TextRun($"{title}:", bold: true));

    private static string Number(string number) => number.Contains('.') ? $"{number}. " : $"{number}) ";

    /// <summary>A table column: its header and its share of the text width.</summary>
    private sealed record Column(string Header, int Weight);

    /// <summary>A bordered table (single, 4/8 pt) whose bold header row repeats on every page; no rows print as one empty row.</summary>
    private static Table Table(Column[] columns, IEnumerable<string?[]> rows)
    {
        var widths = Widths(columns);
        var table = Bordered(widths);
        table.Append(HeaderRow(columns.Select((c, i) => Cell(widths[i], Line(c.Header, bold: true, align: JustificationValues.Center)))));
        var body = rows.ToList();
        if (body.Count == 0) body.Add(new string?[columns.Length]);
        table.Append(body.Select(cells => Row([.. cells.Select((text, i) => Cell(widths[i], Line(text ?? "")))])));
        return table;
    }

    /// <summary>Column widths in twips, in proportion to the weights; the last column takes the rounding.</summary>
    private static int[] Widths(Column[] columns)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => TextWidth * c.Weight / total).ToArray();
        widths[^1] += TextWidth - widths.Sum();
        return widths;
    }
}
