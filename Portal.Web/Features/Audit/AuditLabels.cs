using System.Globalization;
using Portal.Domain.Audit;
using Portal.Domain.Staff;
using Portal.Web.Features.Staff;
using Portal.Web.Resources;

namespace Portal.Web.Features.Audit;

public static class AuditLabels
{
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Added => Strings.ActionAdded,
        AuditAction.Deleted => Strings.ActionDeleted,
        AuditAction.Modified => Strings.ActionModified,
        _ => Strings.ResourceManager.GetString("Action" + action, Strings.Culture) ?? action.ToString(),
    };

    /// <summary>
    /// A logged value as the office reads it: the log stores invariant text (ISO dates, enum names); the screen shows
    /// dd/MM/yyyy dates, local times and Vietnamese labels.
    /// </summary>
    public static string? Value(string field, string? value, TimeZoneInfo zone) => value switch
    {
        null => null,
        _ when field == nameof(StaffMember.Gender) && Enum.TryParse<Gender>(value, out var gender) => GenderLabels.Of(gender),
        { Length: 10 } when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        { Length: > 19 } when value[10] == 'T' && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            => TimeZoneInfo.ConvertTime(instant, zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture),
        _ => value,
    };

    public static string Entity(string entity) => Strings.ResourceManager.GetString("Entity_" + entity, Strings.Culture) ?? entity;
}
