namespace Portal.Domain.Staff;

/// <summary>
/// Where a record is in its life (tình trạng hồ sơ). Records are kept forever, leavers included
/// (Quy chế Art. 11.3; NĐ 27/2026 Art. 21): leaving changes the status, it never deletes.
/// </summary>
public enum StaffStatus
{
    /// <summary>Đang lập: being typed in, not yet a record of the unit. Only a draft may be discarded.</summary>
    Draft = 1,
    /// <summary>Đang công tác.</summary>
    Active = 2,
    /// <summary>Đã chuyển công tác.</summary>
    TransferredOut = 3,
    /// <summary>Đã nghỉ việc / thôi việc.</summary>
    Resigned = 4,
    /// <summary>Đã nghỉ hưu.</summary>
    Retired = 5,
    /// <summary>Đã từ trần.</summary>
    Deceased = 6,
}

public static class StaffStatuses
{
    public static readonly IReadOnlyList<StaffStatus> Leaving =
        [StaffStatus.TransferredOut, StaffStatus.Resigned, StaffStatus.Retired, StaffStatus.Deceased];

    public static bool IsLeaving(this StaffStatus status) => Leaving.Contains(status);
}
