namespace Portal.Domain.Salary;

/// <summary>
/// One line of a unit's early-raise rules (quy chế nâng bậc lương trước thời hạn): an award form and the months early it is
/// worth, and its rank among candidates. Each unit sets its own with its Party committee and trade union (TT 08/2013 Art. 3,
/// amended by TT 03/2021); rows without a unit are the portal's defaults, used by units that have set none.
/// </summary>
/// <example>("Bằng khen của Thủ tướng Chính phủ", 12 months, rank 1), ("Bằng khen", 9, 2), ("Giấy khen", 6, 3): an award
/// "Bằng khen của Chủ tịch UBND Thành phố" matches "Bằng khen" (the longest matching start wins).</example>
public sealed class EarlyRaiseLevel
{
    private EarlyRaiseLevel() { }

    public EarlyRaiseLevel(Guid id, Guid? unitId, string formPrefix, int monthsEarly, int rank, string source)
    {
        Id = id;
        UnitId = unitId;
        Apply(formPrefix, monthsEarly, rank, source);
    }

    public Guid Id { get; private set; }
    /// <summary>The unit whose rules these are; null for the portal's defaults.</summary>
    public Guid? UnitId { get; private set; }
    /// <summary>Hình thức khen thưởng, matched against the start of an award's form.</summary>
    public string FormPrefix { get; private set; } = "";
    public int MonthsEarly { get; private set; }
    /// <summary>1 ranks first among candidates.</summary>
    public int Rank { get; private set; }
    /// <summary>The unit's regulation (số quy chế) or the example it follows.</summary>
    public string Source { get; private set; } = "";
    public uint Version { get; private set; }

    public void Apply(string formPrefix, int monthsEarly, int rank, string source)
    {
        if (string.IsNullOrWhiteSpace(formPrefix)) throw new ArgumentException("A level needs an award form.", nameof(formPrefix));
        if (monthsEarly is < 0 or > 36) throw new ArgumentOutOfRangeException(nameof(monthsEarly));
        if (rank < 1) throw new ArgumentOutOfRangeException(nameof(rank));
        (FormPrefix, MonthsEarly, Rank, Source) = (formPrefix.Trim(), monthsEarly, rank, source.Trim());
    }
}
