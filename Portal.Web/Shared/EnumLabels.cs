using Portal.Web.Resources;

namespace Portal.Web.Shared;

/// <summary>The Vietnamese label of an enum value, from the resources ("StaffStatus_Active").</summary>
public static class EnumLabels
{
    public static string Of(Enum value) =>
        Strings.ResourceManager.GetString($"{value.GetType().Name}_{value}", Strings.Culture) ?? value.ToString();

    /// <summary>The Vietnamese name of a portal role ("Role_Principal" → "Hiệu trưởng").</summary>
    public static string Role(string role) =>
        Strings.ResourceManager.GetString($"Role_{role}", Strings.Culture) ?? role;
}
