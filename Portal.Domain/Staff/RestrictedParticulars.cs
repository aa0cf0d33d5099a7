namespace Portal.Domain.Staff;

/// <summary>
/// The restricted part of the record: health (item 31) and the family's economic situation (item 37.3). Sensitive
/// personal data under Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, so it sits in its own table, is shown only to the
/// roles allowed to, and every read of it is audited.
/// </summary>
public sealed class RestrictedParticulars
{
    private RestrictedParticulars() { }

    public RestrictedParticulars(Guid staffMemberId) => StaffMemberId = staffMemberId;

    public Guid StaffMemberId { get; private set; }
    /// <summary>Tình trạng sức khỏe.</summary>
    public string? HealthStatus { get; private set; }
    public int? HeightCm { get; private set; }
    public decimal? WeightKg { get; private set; }
    public string? BloodType { get; private set; }
    /// <summary>Nguồn thu nhập chính (ngoài lương).</summary>
    public string? IncomeSources { get; private set; }
    /// <summary>Nhà ở: loại, diện tích, giấy chứng nhận.</summary>
    public string? Housing { get; private set; }
    /// <summary>Đất ở, đất sản xuất kinh doanh.</summary>
    public string? Land { get; private set; }
    public uint Version { get; private set; }

    public void Apply(string? healthStatus, int? heightCm, decimal? weightKg, string? bloodType, string? incomeSources, string? housing, string? land)
    {
        if (heightCm is < 50 or > 250) throw new ArgumentOutOfRangeException(nameof(heightCm));
        if (weightKg is < 20 or > 300) throw new ArgumentOutOfRangeException(nameof(weightKg));
        HealthStatus = Clean(healthStatus);
        HeightCm = heightCm;
        WeightKg = weightKg;
        BloodType = Clean(bloodType);
        IncomeSources = Clean(incomeSources);
        Housing = Clean(housing);
        Land = Clean(land);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
