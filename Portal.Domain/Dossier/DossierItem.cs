namespace Portal.Domain.Dossier;

/// <summary>
/// A kind of paper in the personnel dossier (thành phần hồ sơ), seeded from Thông tư 07/2019/TT-BNV and editable by administrators.
/// </summary>
public sealed class DossierItemType
{
    private DossierItemType() { }

    public DossierItemType(string code, string name, bool requiredAtRecruitment, int sortOrder, string legalSource)
        => (Code, Name, RequiredAtRecruitment, SortOrder, LegalSource) = (code, name, requiredAtRecruitment, sortOrder, legalSource);

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>Part of the original dossier a new record must have (TT 07/2019: HS01, HS02, birth certificate, judicial record, …).</summary>
    public bool RequiredAtRecruitment { get; private set; }
    public int SortOrder { get; private set; }
    public string LegalSource { get; private set; } = "";
    public bool IsActive { get; private set; } = true;
    public uint Version { get; private set; }

    public void Apply(string name, bool requiredAtRecruitment, int sortOrder, string legalSource, bool isActive)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A dossier item needs a name.", nameof(name));
        (Name, RequiredAtRecruitment, SortOrder, LegalSource, IsActive) = (name.Trim(), requiredAtRecruitment, sortOrder, legalSource.Trim(), isActive);
    }
}

/// <summary>
/// One line of a person's paper-dossier checklist: is the paper on file, and when and by whom was the electronic record
/// checked against it (regulation Art. 7.3: the electronic record must be identical to the paper one).
/// Whether it is scanned is read from the attachments filed under this item.
/// </summary>
public sealed class DossierItem
{
    private DossierItem() { }

    public DossierItem(Guid id, Guid staffMemberId, string typeCode) => (Id, StaffMemberId, TypeCode) = (id, staffMemberId, typeCode);

    public Guid Id { get; private set; }
    public Guid StaffMemberId { get; private set; }
    public string TypeCode { get; private set; } = "";
    /// <summary>Có trong hồ sơ giấy.</summary>
    public bool OnFile { get; private set; }
    public DateOnly? CheckedOn { get; private set; }
    public string? CheckedBy { get; private set; }
    public string? Note { get; private set; }
    public uint Version { get; private set; }

    public void SetOnFile(bool onFile, string? note)
    {
        OnFile = onFile;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!onFile) (CheckedOn, CheckedBy) = (null, null);
    }

    /// <summary>"Đã đối chiếu với bản giấy ngày … bởi …". Only a paper that is on file can be checked.</summary>
    public void CheckAgainstPaper(DateOnly on, string by)
    {
        if (!OnFile) throw new InvalidOperationException("Only a paper that is on file can be checked against.");
        (CheckedOn, CheckedBy) = (on, by);
    }
}
