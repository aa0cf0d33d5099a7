namespace Portal.Domain.Mail;

/// <summary>
/// Hours in which the portal sends no mail (giờ yên lặng), e.g. 21:00–06:00: messages wait in the outbox and go at the
/// end of the window. A window may cross midnight; equal ends mean no quiet hours.
/// </summary>
public sealed record QuietHours(TimeOnly From, TimeOnly Until)
{
    public static readonly QuietHours None = new(TimeOnly.MinValue, TimeOnly.MinValue);

    public bool Contains(TimeOnly time) => From == Until ? false
        : From < Until ? time >= From && time < Until
        : time >= From || time < Until;

    /// <summary>Parses "21:00-06:00"; empty means none.</summary>
    public static QuietHours Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return None;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TimeOnly.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var from)
            || !TimeOnly.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var until))
            throw new FormatException($"Quiet hours must look like 21:00-06:00, not '{text}'.");
        return new QuietHours(from, until);
    }
}
