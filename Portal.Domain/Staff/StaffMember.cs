namespace Portal.Domain.Staff;

/// <summary>
/// A public employee whose personnel record (hồ sơ cán bộ, công chức, viên chức) the unit keeps.
/// The foundation holds the identity and recruitment core; the full Form 2C record builds on it.
/// </summary>
public sealed class StaffMember
{
    private StaffMember() { }

    public StaffMember(Guid id, Guid unitId, StaffIdentity identity, Recruitment recruitment)
    {
        Id = id;
        UnitId = unitId;
        Apply(identity);
        Apply(recruitment);
    }

    public Guid Id { get; private set; }
    public Guid UnitId { get; private set; }

    /// <summary>Họ và tên.</summary>
    public string FullName { get; private set; } = "";
    /// <summary>Ngày sinh.</summary>
    public DateOnly DateOfBirth { get; private set; }
    /// <summary>Giới tính.</summary>
    public Gender Gender { get; private set; }
    /// <summary>Số căn cước công dân (12 chữ số); the personal identification number keys the e-dossier (NĐ 27/2026).</summary>
    public string CitizenId { get; private set; } = "";
    /// <summary>Chức danh nghề nghiệp.</summary>
    public string ProfessionalTitle { get; private set; } = "";
    /// <summary>Số quyết định tuyển dụng.</summary>
    public string RecruitmentDecisionNumber { get; private set; } = "";
    /// <summary>Ngày quyết định tuyển dụng.</summary>
    public DateOnly RecruitmentDecisionDate { get; private set; }

    public uint Version { get; private set; }

    public void Apply(StaffIdentity identity)
    {
        // The forms check these first, with messages; here they are invariants no write path may break.
        if (string.IsNullOrWhiteSpace(identity.FullName)) throw new ArgumentException("A staff member needs a name.", nameof(identity));
        if (!CitizenIdentityNumber.IsValid(identity.CitizenId)) throw new ArgumentException("A citizen ID is 12 digits.", nameof(identity));
        FullName = identity.FullName.Trim();
        DateOfBirth = identity.DateOfBirth;
        Gender = identity.Gender;
        CitizenId = identity.CitizenId;
        ProfessionalTitle = identity.ProfessionalTitle.Trim();
    }

    public void Apply(Recruitment recruitment)
    {
        RecruitmentDecisionNumber = recruitment.DecisionNumber.Trim();
        RecruitmentDecisionDate = recruitment.DecisionDate;
    }
}

public sealed record StaffIdentity(string FullName, DateOnly DateOfBirth, Gender Gender, string CitizenId, string ProfessionalTitle);

public sealed record Recruitment(string DecisionNumber, DateOnly DecisionDate);

public enum Gender
{
    /// <summary>Nam.</summary>
    Male = 1,
    /// <summary>Nữ.</summary>
    Female = 2,
}
