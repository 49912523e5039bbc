using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Content.Editing;

/// <summary>A page a module offers for one item of a type, linked from the item's editor (a network's members page).
/// <paramref name="Text"/> is a Danish source text (translated when shown); <paramref name="Path"/> makes the path under the
/// tenant from the item's ContentItemId. The link shows only on tenants that enabled <paramref name="Feature"/> and, when
/// <paramref name="Roles"/> is given, to readers in one of them.</summary>
public sealed record ContentItemLink(string Feature, string ContentType, string Text, Func<string, string> Path, string[]? Roles = null)
{
    /// <summary>The links of <paramref name="links"/> for this item that this reader may follow on a tenant with these features.</summary>
    public static IReadOnlyList<(string Text, string Path)> For(IEnumerable<ContentItemLink> links, ContentItem item, ClaimsPrincipal user, IReadOnlySet<string> features)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(user);
        return links
            .Where(l => l.ContentType == item.ContentType && features.Contains(l.Feature) && (l.Roles is null || l.Roles.Any(user.IsInRole)))
            .Select(l => (l.Text, l.Path(item.ContentItemId)))
            .ToList();
    }
}

public static class ContentItemLinkServiceCollectionExtensions
{
    /// <summary>A module's one way to link a page of its own from the editor of an item of <paramref name="contentType"/>.</summary>
    public static IServiceCollection AddContentItemLink(this IServiceCollection services, string feature, string contentType, string text,
        Func<string, string> path, params string[] roles) =>
        services.AddSingleton(new ContentItemLink(feature, contentType, text, path, roles.Length == 0 ? null : roles));
}
