using Portal.Domain.Audit;
using Portal.Web.Resources;

namespace Portal.Web.Features.Audit;

public static class AuditLabels
{
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.Added => Strings.ActionAdded,
        AuditAction.Deleted => Strings.ActionDeleted,
        _ => Strings.ActionModified,
    };

    public static string Entity(string entity) => Strings.ResourceManager.GetString("Entity_" + entity, Strings.Culture) ?? entity;
}
