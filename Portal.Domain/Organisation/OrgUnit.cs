using Portal.Domain.Salary;

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

    /// <summary>
    /// The deadline rule sets the unit applies (bộ quy định thời hạn áp dụng), e.g. the school regulation "QC14-2021" and
    /// Decree 27/2026 "ND27-2026"; with both, the stricter rule governs each obligation.
    /// </summary>
    public string[] DeadlineRuleSets { get; private set; } = [.. DefaultRuleSets];

    /// <summary>Cấp học, for a school: the teacher allowances depend on it.</summary>
    public SchoolLevel? SchoolLevel { get; private set; }
    /// <summary>Địa bàn, for the occupational preferential allowance.</summary>
    public SchoolArea? SchoolArea { get; private set; }
    /// <summary>Hạng trường (1–3) by number of classes, for the position allowance (TT 33/2005/TT-BGDĐT).</summary>
    public int? SchoolClass { get; private set; }

    public uint Version { get; private set; }

    public void ApplySchoolProfile(SchoolLevel? level, SchoolArea? area, int? schoolClass)
    {
        if (schoolClass is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(schoolClass), "A school's class is 1, 2 or 3.");
        (SchoolLevel, SchoolArea, SchoolClass) = (level, area, schoolClass);
    }

    /// <summary>What a new unit applies: every set the portal ships, so the strictest law binds until someone decides otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultRuleSets = ["QC14-2021", "ND27-2026"];

    public void ApplyRuleSets(IEnumerable<string> sets)
    {
        var chosen = sets.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (chosen.Length == 0) throw new ArgumentException("A unit applies at least one rule set.", nameof(sets));
        DeadlineRuleSets = chosen;
    }
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
