namespace Portal.Domain.Reference;

/// <summary>
/// An entry of a reference list (danh mục): ethnic groups, religions, qualification levels, provinces, wards …
/// Lists are data with admin screens, seeded with the portal; codes are stable and stored on records.
/// </summary>
public sealed class ReferenceItem
{
    private ReferenceItem() { }

    public ReferenceItem(ReferenceKind kind, string code, string name, int sortOrder, string? parentCode = null)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A list entry needs a code and a name.");
        (Kind, Code, SortOrder, ParentCode) = (kind, code.Trim(), sortOrder, parentCode);
        Name = name.Trim();
    }

    public ReferenceKind Kind { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>For a ward, its province's code.</summary>
    public string? ParentCode { get; private set; }
    public int SortOrder { get; private set; }
    /// <summary>Retired entries stay (records keep pointing at them) but are no longer offered.</summary>
    public bool IsActive { get; private set; } = true;
    public uint Version { get; private set; }

    public void Apply(string name, int sortOrder, bool isActive, string? parentCode)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A list entry needs a name.", nameof(name));
        (Name, SortOrder, IsActive, ParentCode) = (name.Trim(), sortOrder, isActive, string.IsNullOrWhiteSpace(parentCode) ? null : parentCode.Trim());
    }
}

public enum ReferenceKind
{
    /// <summary>Dân tộc.</summary>
    Ethnicity = 1,
    /// <summary>Tôn giáo.</summary>
    Religion = 2,
    /// <summary>Trình độ chuyên môn.</summary>
    QualificationLevel = 3,
    /// <summary>Lý luận chính trị.</summary>
    PoliticalTheoryLevel = 4,
    /// <summary>Quản lý nhà nước.</summary>
    StateManagementLevel = 5,
    /// <summary>Tỉnh, thành phố.</summary>
    Province = 6,
    /// <summary>Phường, xã, đặc khu.</summary>
    Ward = 7,
}

/// <summary>
/// A professional title or civil-service rank (chức danh nghề nghiệp / ngạch) with its code and salary group, in force over
/// a period: teacher titles V.07.03.27/28/29 replaced the 2015 codes on 20/03/2021 and will be converted again under Luật Nhà giáo 2025.
/// </summary>
public sealed class TitleDefinition
{
    private TitleDefinition() { }

    public TitleDefinition(string code, string name, string? salaryGroup, DateOnly inForceFrom, DateOnly? inForceUntil, string? replacedBy, string legalSource)
    {
        Code = code.Trim();
        Apply(name, salaryGroup, inForceFrom, inForceUntil, replacedBy, legalSource);
    }

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>Nhóm ngạch lương of NĐ 204/2004 (A1, A2.2, B …); the coefficients come from <see cref="SalaryScaleStep"/>.</summary>
    public string? SalaryGroup { get; private set; }
    public DateOnly InForceFrom { get; private set; }
    public DateOnly? InForceUntil { get; private set; }
    /// <summary>The code that replaced this one, for legacy titles.</summary>
    public string? ReplacedBy { get; private set; }
    public string LegalSource { get; private set; } = "";
    public uint Version { get; private set; }

    public bool InForceOn(DateOnly date) => InForceFrom <= date && (InForceUntil is null || InForceUntil >= date);

    public void Apply(string name, string? salaryGroup, DateOnly inForceFrom, DateOnly? inForceUntil, string? replacedBy, string legalSource)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A title needs a name.", nameof(name));
        if (inForceUntil < inForceFrom) throw new ArgumentException("A title cannot end before it starts.", nameof(inForceUntil));
        (Name, SalaryGroup, InForceFrom, InForceUntil, ReplacedBy, LegalSource) = (name.Trim(), Blank(salaryGroup), inForceFrom, inForceUntil, Blank(replacedBy), legalSource.Trim());
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// One step of a salary group (bậc lương) with its coefficient, in force over a period (NĐ 204/2004 Bảng 3, amended by
/// NĐ 17/2013), and the months a regular raise needs at that group (TT 08/2013 Art. 2 as amended by TT 03/2021).
/// </summary>
public sealed class SalaryScaleStep
{
    private SalaryScaleStep() { }

    public SalaryScaleStep(Guid id, string group, int step, decimal coefficient, int raiseIntervalMonths, DateOnly inForceFrom, DateOnly? inForceUntil, string legalSource)
    {
        if (step < 1 || coefficient <= 0 || raiseIntervalMonths < 1) throw new ArgumentOutOfRangeException(nameof(step));
        if (inForceUntil < inForceFrom) throw new ArgumentException("A salary step cannot end before it starts.", nameof(inForceUntil));
        (Id, Group, Step, Coefficient, RaiseIntervalMonths, InForceFrom, InForceUntil, LegalSource) =
            (id, group, step, coefficient, raiseIntervalMonths, inForceFrom, inForceUntil, legalSource);
    }

    public Guid Id { get; private set; }
    public string Group { get; private set; } = "";
    public int Step { get; private set; }
    public decimal Coefficient { get; private set; }
    public int RaiseIntervalMonths { get; private set; }
    public DateOnly InForceFrom { get; private set; }
    public DateOnly? InForceUntil { get; private set; }
    public string LegalSource { get; private set; } = "";
    public uint Version { get; private set; }

    public bool InForceOn(DateOnly date) => InForceFrom <= date && (InForceUntil is null || InForceUntil >= date);

    /// <summary>
    /// Ends the step on <paramref name="until"/>, its last day in force, the day before a new scale of its group starts
    /// (a scale from 01/01/2027 ends the 2004 rows on 31/12/2026). It may end on its first day.
    /// </summary>
    public void EndOn(DateOnly until)
    {
        if (until < InForceFrom) throw new ArgumentOutOfRangeException(nameof(until), "A salary step cannot end before it starts.");
        InForceUntil = until;
    }

    /// <summary>
    /// The index of the first coefficient of a group's scale that is not positive or not above the one before it, or null when
    /// every step pays more than the last (A1: 2,34 → 2,67 → … → 4,98). A scale that pays the same or less for a higher step is a typing error.
    /// </summary>
    public static int? FirstNotIncreasing(IReadOnlyList<decimal> coefficients)
    {
        for (var i = 0; i < coefficients.Count; i++)
            if (coefficients[i] <= 0 || (i > 0 && coefficients[i] <= coefficients[i - 1])) return i;
        return null;
    }

    /// <summary>The coefficient of <paramref name="group"/> step <paramref name="step"/> on <paramref name="date"/>, or null.</summary>
    public static decimal? CoefficientOn(IEnumerable<SalaryScaleStep> scale, string group, int step, DateOnly date) =>
        scale.Where(s => s.Group == group && s.Step == step && s.InForceOn(date)).Select(s => (decimal?)s.Coefficient).FirstOrDefault();
}
