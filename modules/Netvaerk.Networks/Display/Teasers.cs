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

        // The HTML comes from the sanitizer, so no script or style content hides between the tags. A block ends a phrase
        // (a space); an inline tag sits inside a word's sentence (nothing), so "<strong>uge</strong>." stays "uge.".
        var text = Spaces().Replace(WebUtility.HtmlDecode(InlineTags().Replace(BlockTags().Replace(html, " "), "")), " ").Trim();
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxLength);
        return text[..(cut > MaxLength / 2 ? cut : MaxLength)].TrimEnd(',', '.', ';', ':', '-', '–') + "…";
    }

    [GeneratedRegex("<(?:br|/?(?:p|h[1-6]|li|ul|ol|dl|dt|dd|div|blockquote|pre|table|thead|tbody|tr|td|th|hr|section|figure|figcaption))\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTags();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex InlineTags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
