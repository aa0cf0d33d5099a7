using System.Globalization;
using System.Text;

namespace Portal.Domain;

/// <summary>
/// Vietnamese text as typed by hand, compared without case, diacritics or extra spaces: the C# twin of the database's
/// <c>portal_fold</c> for values already in memory.
/// </summary>
/// <example>"  BẰNG KHEN  của Thủ tướng" → "bang khen cua thu tuong"; "Không hoàn thành nhiệm vụ" → "khong hoan thanh nhiem vu".</example>
public static class Diacritics
{
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Trim().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch);
            if (char.IsWhiteSpace(c) && (builder.Length == 0 || builder[^1] == ' ')) continue;
            builder.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }
        return builder.ToString();
    }
}
