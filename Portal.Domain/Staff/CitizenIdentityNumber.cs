namespace Portal.Domain.Staff;

/// <summary>Số căn cước công dân / số định danh cá nhân: exactly 12 digits (Luật Căn cước 2023).</summary>
public static class CitizenIdentityNumber
{
    public const int Length = 12;

    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);
}
