using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Portal.Infrastructure.Documents;

/// <summary>How values print on the documents the portal writes (DOCX, and the text cells of the XLSX twins).</summary>
internal static class DocumentText
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The dotted leader an unrecorded value prints as, so the printed page can be completed by hand.</summary>
    public const string Blank = "………………";

    /// <summary>The text, or <see cref="Blank"/> when there is none.</summary>
    public static string OrBlank(string? text) => string.IsNullOrWhiteSpace(text) ? Blank : text;

    /// <summary>"15/08/2022".</summary>
    [return: NotNullIfNotNull(nameof(d))]
    public static string? Date(DateOnly? d) => d?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>Hệ số "3,33".</summary>
    [return: NotNullIfNotNull(nameof(c))]
    public static string? Coefficient(decimal? c) => c?.ToString("0.00", Vietnamese);

    /// <summary>"5%", "7,5%", "100%".</summary>
    [return: NotNullIfNotNull(nameof(p))]
    public static string? Percent(decimal? p) => p is null ? null : $"{p.Value.ToString("0.##", Vietnamese)}%";
}
