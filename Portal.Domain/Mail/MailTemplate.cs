using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Domain.Mail;

/// <summary>
/// A mail the portal sends, as the Admin words it (mẫu thư): subject and body with placeholders such as
/// <c>{{HoTen}}</c>, filled in when the mail is queued. Unknown placeholders are refused on saving, so a typo never
/// reaches a principal as raw braces.
/// </summary>
public sealed partial class MailTemplate
{
    private MailTemplate() { }

    public MailTemplate(string key, string name, string subject, string body, IEnumerable<string> placeholders)
    {
        Key = key;
        Name = name;
        Placeholders = [.. placeholders];
        Change(subject, body);
    }

    /// <summary>Stable key the code asks for, e.g. "deadline-digest".</summary>
    public string Key { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    /// <summary>The placeholders this mail offers (without braces).</summary>
    public string[] Placeholders { get; private set; } = [];
    public uint Version { get; private set; }

    public void Change(string subject, string body)
    {
        if (string.IsNullOrWhiteSpace(subject)) throw new ArgumentException("A mail needs a subject.", nameof(subject));
        if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A mail needs a body.", nameof(body));
        if (UnknownPlaceholders(subject + body).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"Unknown placeholder {{{{{unknown}}}}}.", nameof(body));
        Subject = subject.Trim();
        Body = body.Replace("\r\n", "\n").Trim();
    }

    /// <summary>Placeholders used in <paramref name="text"/> that this mail does not offer.</summary>
    public IEnumerable<string> UnknownPlaceholders(string text) => UnknownPlaceholders(text, Placeholders);

    /// <summary>
    /// Placeholders used in <paramref name="text"/> that are not among <paramref name="offered"/>: what <see cref="Change"/>
    /// refuses, for checking a draft before it is saved. Case counts: <c>{{hoten}}</c> is not <c>{{HoTen}}</c>.
    /// </summary>
    public static IEnumerable<string> UnknownPlaceholders(string text, IReadOnlyCollection<string> offered) =>
        Token().Matches(text).Select(m => m.Groups[1].Value).Where(p => !offered.Contains(p, StringComparer.Ordinal)).Distinct();

    public (string Subject, string Body) Render(IReadOnlyDictionary<string, string> values) => (Fill(Subject, values), Fill(Body, values));

    /// <summary>
    /// <paramref name="text"/> with each placeholder replaced by its value, and one without a value by nothing: how a saved
    /// mail is rendered, and how a draft is previewed before saving.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Token().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value : "");

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}")]
    private static partial Regex Token();
}
