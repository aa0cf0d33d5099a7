namespace Portal.Infrastructure.Data;

/// <summary>SQL functions the queries call; mapped in <see cref="PortalDbContext"/>, created by a migration.</summary>
public static class PortalDbFunctions
{
    /// <summary>
    /// <c>portal_fold(text)</c>: lower case without Vietnamese diacritics ("Nguyễn Thị Đào" → "nguyen thi dao"), the
    /// form search compares in. It is IMMUTABLE (unaccent with an explicit dictionary), so trigram indexes can be built
    /// on it. Only callable inside a query.
    /// </summary>
    public static string Fold(string value) => throw new InvalidOperationException("portal_fold is evaluated by PostgreSQL only.");
}
