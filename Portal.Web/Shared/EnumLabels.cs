using Portal.Web.Resources;

namespace Portal.Web.Shared;

/// <summary>The Vietnamese label of an enum value, from the resources ("StaffStatus_Active").</summary>
public static class EnumLabels
{
    public static string Of(Enum value) =>
        Strings.ResourceManager.GetString($"{value.GetType().Name}_{value}", Strings.Culture) ?? value.ToString();
}
