using Portal.Web.Resources;

namespace Portal.Web.Shared;

/// <summary>The Vietnamese label of an entity field, for audit rows and conflict messages ("Field_FullName" in the resources).</summary>
public static class FieldLabels
{
    public static string Of(string field) => Strings.ResourceManager.GetString("Field_" + field, Strings.Culture) ?? field;
}
