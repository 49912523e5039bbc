using System.Globalization;
using System.Text;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>Readable URL slugs from Danish titles: æ→ae, ø→oe, å→aa, other accents dropped, everything
/// else that is not a letter or digit becomes a single '-'.</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    public static string FromTitle(string title)
    {
        var text = title.Trim().ToLowerInvariant()
            .Replace("æ", "ae", StringComparison.Ordinal)
            .Replace("ø", "oe", StringComparison.Ordinal)
            .Replace("å", "aa", StringComparison.Ordinal)
            .Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal)
            .Replace("ß", "ss", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);

        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é → e
            }

            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength)
        {
            var cut = result.LastIndexOf('-', MaxLength);
            result = result[..(cut > MaxLength / 2 ? cut : MaxLength)].Trim('-');
        }

        return result.Length == 0 ? "indhold" : result;
    }

    /// <summary>The first of <paramref name="path"/>, path-2, path-3, ... that <paramref name="taken"/> does not hold.</summary>
    public static string Unique(string path, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(path))
        {
            return path;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = $"{path}-{suffix.ToString(CultureInfo.InvariantCulture)}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
