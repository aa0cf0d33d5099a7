namespace Portal.Domain.Law;

/// <summary>
/// A number the law sets (tham số pháp lý), in force over a period, with its source: the age limits at recruitment,
/// and later the base salary and others. Administrators change them when the law changes; code never holds the number.
/// </summary>
public sealed class LegalParameter
{
    private LegalParameter() { }

    public LegalParameter(Guid id, string code, string title, decimal value, DateOnly inForceFrom, DateOnly? inForceUntil, string legalSource)
    {
        if (inForceUntil < inForceFrom) throw new ArgumentException("A parameter cannot end before it starts.", nameof(inForceUntil));
        (Id, Code, Title, Value, InForceFrom, InForceUntil, LegalSource) = (id, code, title, value, inForceFrom, inForceUntil, legalSource);
    }

    public Guid Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public decimal Value { get; private set; }
    public DateOnly InForceFrom { get; private set; }
    public DateOnly? InForceUntil { get; private set; }
    public string LegalSource { get; private set; } = "";
    public uint Version { get; private set; }

    public bool InForceOn(DateOnly date) => InForceFrom <= date && (InForceUntil is null || InForceUntil >= date);

    /// <summary>
    /// Whether this row's period shares a day with [<paramref name="from"/>, <paramref name="until"/>] (open-ended when
    /// null). Periods that meet end to start do not: 01/07/2024–30/06/2026 and 01/07/2026– are two values, one after the other.
    /// </summary>
    public bool Overlaps(DateOnly from, DateOnly? until) =>
        InForceFrom <= (until ?? DateOnly.MaxValue) && from <= (InForceUntil ?? DateOnly.MaxValue);

    /// <summary>
    /// The administrator's correction of a row (title, value, period, source). The code never changes: the rules read
    /// parameters by code, so another code is another parameter.
    /// </summary>
    public void Apply(string title, decimal value, DateOnly inForceFrom, DateOnly? inForceUntil, string legalSource)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new ArgumentException("A parameter needs a title.", nameof(title));
        if (string.IsNullOrWhiteSpace(legalSource)) throw new ArgumentException("A parameter needs its legal source.", nameof(legalSource));
        if (inForceUntil < inForceFrom) throw new ArgumentException("A parameter cannot end before it starts.", nameof(inForceUntil));
        (Title, Value, InForceFrom, InForceUntil, LegalSource) = (title.Trim(), value, inForceFrom, inForceUntil, legalSource.Trim());
    }

    /// <summary>
    /// Ends the row on <paramref name="until"/>, its last day in force, as when a new value starts the next day: the base
    /// salary of NĐ 73/2024 ends on 30/06/2026 because NĐ 161/2026 sets a new one from 01/07/2026. It may end on its first day.
    /// </summary>
    public void EndOn(DateOnly until)
    {
        if (until < InForceFrom) throw new ArgumentOutOfRangeException(nameof(until), "A parameter cannot end before it starts.");
        InForceUntil = until;
    }

    /// <summary>The value in force on <paramref name="date"/> (the latest-starting one if periods overlap), or null.</summary>
    public static LegalParameter? On(IEnumerable<LegalParameter> parameters, string code, DateOnly date) =>
        parameters.Where(p => p.Code == code && p.InForceOn(date)).OrderByDescending(p => p.InForceFrom).FirstOrDefault();
}

/// <summary>Codes of the parameters the portal reads.</summary>
public static class LegalParameterCodes
{
    /// <summary>Minimum age at recruitment.</summary>
    public const string RecruitmentMinAge = "recruitment.min-age";
    /// <summary>Maximum age at recruitment.</summary>
    public const string RecruitmentMaxAge = "recruitment.max-age";
}

/// <summary>A date of birth must make the person between the minimum and maximum age on the recruitment date.</summary>
public static class RecruitmentAge
{
    /// <summary>
    /// Null when acceptable (or when no limit is in force); otherwise the limits in force, a missing one as null.
    /// Each limit applies on its own: ending the (non-legal) maximum must not switch off the legal minimum.
    /// </summary>
    public static (int? Min, int? Max)? Violation(DateOnly bornOn, DateOnly recruitedOn, IEnumerable<LegalParameter> parameters)
    {
        var list = parameters as IReadOnlyCollection<LegalParameter> ?? parameters.ToList();
        var min = LegalParameter.On(list, LegalParameterCodes.RecruitmentMinAge, recruitedOn);
        var max = LegalParameter.On(list, LegalParameterCodes.RecruitmentMaxAge, recruitedOn);
        var age = Portal.Domain.Staff.Age.On(bornOn, recruitedOn);
        var broken = (min is not null && age < min.Value) || (max is not null && age > max.Value);
        return broken ? ((int?)min?.Value, (int?)max?.Value) : null;
    }
}
