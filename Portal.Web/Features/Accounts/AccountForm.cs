using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Accounts;

/// <summary>The account dialog's fields; the service checks them again, with the rights of who asks.</summary>
public sealed class AccountForm
{
    [Required(ErrorMessage = "Vui lòng nhập thư điện tử."), EmailAddress(ErrorMessage = "Thư điện tử không hợp lệ.")]
    public string? Email { get; set; }
    [Required(ErrorMessage = "Vui lòng nhập họ và tên.")]
    public string? FullName { get; set; }
    [Required(ErrorMessage = "Vui lòng chọn quyền.")]
    public string? Role { get; set; }
    [Required(ErrorMessage = "Vui lòng chọn đơn vị.")]
    public Guid? UnitId { get; set; }
    public Guid? StaffMemberId { get; set; }
    public DateTime? AccessUntilDate { get; set; }
    [Required(ErrorMessage = "Vui lòng nhập lý do (được ghi vào nhật ký).")]
    public string? Reason { get; set; }
    public uint Version { get; set; }
    public bool IsNew { get; init; } = true;

    public DateOnly? AccessUntil
    {
        get => AccessUntilDate is { } d ? DateOnly.FromDateTime(d) : null;
        set => AccessUntilDate = value?.ToDateTime(TimeOnly.MinValue);
    }

    public static AccountForm Of(AccountRow row) => new()
    {
        Email = row.Email, FullName = row.FullName, Role = row.Role, UnitId = row.UnitId, StaffMemberId = row.StaffMemberId,
        AccessUntil = row.AccessUntil, Version = row.Version, IsNew = false,
    };
}
