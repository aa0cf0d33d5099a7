namespace Portal.Web.Shared;

public static class LocalUrl
{
    /// <summary>
    /// A return address made local: "staff" → "/staff", "//evil.example" → "/evil.example". An open redirect would let a
    /// phishing link bounce through the portal's own pages.
    /// </summary>
    public static string From(string? returnUrl)
    {
        var path = "/" + (returnUrl ?? "").TrimStart('/', '\\');
        return path.Contains('\\') ? "/" : path;
    }
}
