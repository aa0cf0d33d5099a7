namespace Portal.Domain.Staff.History;

/// <summary>
/// "As of" questions over history rows, on both time axes. Pure functions over rows already loaded for one person.
/// </summary>
/// <example>
/// A salary row (A1, step 3, from 01/09/2024) recorded on 05/09/2024 was corrected on 10/03/2025 to step 4.
/// <c>SalaryOn(rows, 01/01/2025)</c> gives step 4 (what we know now); <c>SalaryOn(rows, 01/01/2025, knownAt: 01/02/2025)</c>
/// gives step 3 (what the portal said on 01/02/2025, before the correction).
/// </example>
public static class RecordHistory
{
    /// <summary>The versions the portal showed at <paramref name="knownAt"/>, or the current versions when it is null. Withdrawn rows never show.</summary>
    public static IEnumerable<T> Known<T>(IEnumerable<T> rows, DateTimeOffset? knownAt = null) where T : RecordRow =>
        knownAt is { } at ? rows.Where(r => r.KnownAt(at)) : rows.Where(r => r.IsCurrentVersion && !r.Withdrawn);

    /// <summary>Rows whose from–to range covers <paramref name="date"/> (positions, allowances, discipline).</summary>
    public static IReadOnlyList<T> InForceOn<T>(IEnumerable<T> rows, DateOnly date, DateTimeOffset? knownAt = null) where T : RecordRow =>
        Known(rows, knownAt).Where(r => r.Covers(date)).OrderBy(r => r.ValidFrom).ThenBy(r => r.RecordedAt).ToList();

    /// <summary>
    /// The salary in force on <paramref name="date"/>: the known row with the latest "ngày hưởng" on or before it,
    /// unless that row was given an end date before <paramref name="date"/>. A salary lasts until the next one starts.
    /// </summary>
    public static SalaryRecord? SalaryOn(IEnumerable<SalaryRecord> rows, DateOnly date, DateTimeOffset? knownAt = null) =>
        Known(rows, knownAt)
            .Where(r => r.ValidFrom <= date)
            .OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.RecordedAt)
            .FirstOrDefault() is { } latest && (latest.ValidTo is null || latest.ValidTo >= date) ? latest : null;

    /// <summary>The whole table as shown: current versions, oldest first (the order of the form's tables).</summary>
    public static IReadOnlyList<T> Timeline<T>(IEnumerable<T> rows, DateTimeOffset? knownAt = null) where T : RecordRow =>
        Known(rows, knownAt).OrderBy(r => r.ValidFrom ?? DateOnly.MinValue).ThenBy(r => r.RecordedAt).ToList();

    /// <summary>Every version of one row, first recorded first: the correction trail a dialog shows.</summary>
    public static IReadOnlyList<T> Versions<T>(IEnumerable<T> rows, Guid lineageId) where T : RecordRow =>
        rows.Where(r => r.LineageId == lineageId).OrderBy(r => r.RecordedAt).ToList();
}
