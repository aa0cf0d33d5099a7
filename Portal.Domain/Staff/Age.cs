namespace Portal.Domain.Staff;

/// <summary>Ages in full years, as of a date.</summary>
public static class Age
{
    /// <summary>Full years between <paramref name="born"/> and <paramref name="asOf"/>.</summary>
    /// <example>Born 29/02/2000: 25 on 28/02/2026, 26 on 01/03/2026.</example>
    public static int On(DateOnly born, DateOnly asOf)
    {
        var age = asOf.Year - born.Year;
        return born > asOf.AddYears(-age) ? age - 1 : age;
    }

    /// <summary>
    /// The birth dates of people aged <paramref name="minAge"/> to <paramref name="maxAge"/> (inclusive; null = no upper
    /// bound) on <paramref name="asOf"/>: born after <c>BornAfter</c> (exclusive) and on or before <c>BornOnOrBefore</c>.
    /// </summary>
    public static (DateOnly? BornAfter, DateOnly BornOnOrBefore) BirthDates(int minAge, int? maxAge, DateOnly asOf) =>
        (maxAge is { } max ? asOf.AddYears(-(max + 1)) : null, asOf.AddYears(-minAge));
}
