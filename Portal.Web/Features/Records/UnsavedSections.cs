namespace Portal.Web.Features.Records;

/// <summary>
/// Which sections of the open record hold typed but unsaved changes, so switching tabs (which unmounts the section)
/// can warn first, like leaving the page does.
/// </summary>
public sealed class UnsavedSections
{
    private readonly HashSet<string> _dirty = [];

    public bool Any => _dirty.Count > 0;

    public void Set(string section, bool dirty)
    {
        if (dirty) _dirty.Add(section);
        else _dirty.Remove(section);
    }

    public void Clear() => _dirty.Clear();
}
