namespace Portal.Domain.Organisation;

/// <summary>
/// An organisation unit (đơn vị): the city's Department, a ward, a school. Units form a tree; an account
/// sees its own unit and everything below it.
/// </summary>
public sealed class OrgUnit
{
    private OrgUnit() { }

    public OrgUnit(Guid id, string name, OrgUnitKind kind, OrgUnit? parent)
    {
        Id = id;
        Name = name;
        Kind = kind;
        ParentId = parent?.Id;
        Path = UnitPath.Child(parent?.Path, id);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }

    /// <summary>Materialised path of ids from the root, e.g. "/a1b2…/c3d4…/"; a subtree is a prefix match.</summary>
    public string Path { get; private set; } = "";

    public uint Version { get; private set; }
}

public enum OrgUnitKind
{
    /// <summary>Sở (the city's Department).</summary>
    Department = 1,
    /// <summary>Phường / xã (ward or commune People's Committee).</summary>
    Ward = 2,
    /// <summary>Trường (school).</summary>
    School = 3,
}

public static class UnitPath
{
    public static string Child(string? parentPath, Guid id) => $"{parentPath ?? "/"}{id:N}/";

    public static bool Contains(string ancestorPath, string descendantPath) =>
        descendantPath.StartsWith(ancestorPath, StringComparison.Ordinal);
}
