namespace Portal.Web.Shared;

/// <summary>The outcome of a save: the saved id, or messages for the fields or the form that the user must see.</summary>
public sealed record SaveResult(Guid? Id, IReadOnlyDictionary<string, string> FieldErrors, string? Error)
{
    public bool Succeeded => Id is not null;

    public static SaveResult Saved(Guid id) => new(id, new Dictionary<string, string>(), null);
    public static SaveResult Field(string field, string message) => new(null, new Dictionary<string, string> { [field] = message }, null);
    public static SaveResult Failed(string message) => new(null, new Dictionary<string, string>(), message);
}

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total);
