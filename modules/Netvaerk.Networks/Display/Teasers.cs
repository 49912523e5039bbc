using System.Net;
using System.Text.RegularExpressions;

namespace Netvaerk.Networks.Display;

/// <summary>A teaser for lists: the first words of an item's text, without formatting.</summary>
public static partial class Teasers
{
    public const int MaxLength = 220;

    /// <summary>The plain text of sanitized HTML (tags dropped, entities decoded, white space collapsed), cut at a word
    /// before <see cref="MaxLength"/> characters.</summary>
    public static string FromSafeHtml(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        // The HTML comes from the sanitizer, so no script or style content hides between the tags.
        var text = Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength);
        return text[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd(',', '.', ';', ':', '-', '–') + "…";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
