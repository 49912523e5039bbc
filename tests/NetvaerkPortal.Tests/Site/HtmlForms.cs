using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NetvaerkPortal.Tests.Site;

/// <summary>Reads a page's form as a browser submits it: every named input, textarea and select with its current value
/// (a select's selected option, else its first), the token included.</summary>
internal static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static Dictionary<string, string> Fields(string html, string? actionContains = null)
    {
        var document = Parser.ParseDocument(html);
        var form = document.Forms.FirstOrDefault(f => actionContains is null || (f.GetAttribute("action") ?? "").Contains(actionContains, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The page has no form posting to '{actionContains}'.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Name: { Length: > 0 } name } input when input.Type != "submit":
                    fields[name] = input.Value;
                    break;
                case IHtmlTextAreaElement { Name: { Length: > 0 } name } area:
                    fields[name] = area.Value;
                    break;
                case IHtmlSelectElement { Name: { Length: > 0 } name } select:
                    fields[name] = select.Value ?? "";
                    break;
            }
        }

        return fields;
    }

    /// <summary>The values a select offers.</summary>
    public static IReadOnlyList<string> Options(string html, string name) =>
        Parser.ParseDocument(html).QuerySelectorAll($"select[name='{name}'] option").Select(o => o.GetAttribute("value") ?? "").ToList();

    /// <summary>The text of the element with this id, or null.</summary>
    public static string? TextOf(string html, string id) => Parser.ParseDocument(html).GetElementById(id)?.TextContent;
}
