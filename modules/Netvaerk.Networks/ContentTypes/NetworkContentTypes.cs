using System.Text.Json.Nodes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>The module's content types, defined in code (recipes may refine them per tenant), and the
/// defaults each type gives an item.</summary>
public static class NetworkContentTypes
{
    public const string Network = "Network";
    public const string Case = "Case";
    public const string MeetingNote = "MeetingNote";
    public const string KnowledgeArticle = "KnowledgeArticle";

    public static IReadOnlyList<string> Names { get; } = [Network, Case, MeetingNote, KnowledgeArticle];

    public static bool IsOwn(string contentType) => Names.Contains(contentType, StringComparer.Ordinal);

    /// <summary>The first URL segment of generated slugs, as the shipped recipes write them.</summary>
    public static string PathPrefix(string contentType) => contentType switch
    {
        Network => "netvaerk",
        Case => "cases",
        MeetingNote => "moedenotater",
        _ => "viden",
    };

    /// <summary>The type's Danish name as its definition gives it (a source text: pages translate it); the name itself for a type not defined here.</summary>
    public static string DisplayName(string contentType) =>
        Definitions.FirstOrDefault(d => d.Name == contentType)?.DisplayName ?? contentType;

    /// <summary>Visibility when the item names none, and what a new item's editor shows first: networks and cases are
    /// public, meeting notes stay in their network, and an article is shared as narrowly as it can be (its network,
    /// else the organisation).</summary>
    public static string DefaultVisibility(ContentItem item) => item.ContentType switch
    {
        Network or Case => Visibility.Public,
        MeetingNote => Visibility.Network,
        _ when NetworkItems.NetworkOf(item) is not null => Visibility.Network,
        _ => Visibility.Tenant,
    };

    public static IReadOnlyList<ContentTypeDefinition> Definitions { get; } =
    [
        Type(Network, "Netværk", Part("TitlePart", required: true), Part("MarkdownBodyPart"), Part("AutoroutePart"), Part("VisibilityPart"), Part("NetworkPart")),
        Type(Case, "Casefortælling", Part("TitlePart", required: true), Part("MarkdownBodyPart"), Part("AutoroutePart"), Part("VisibilityPart"), Part("TagsPart"), Part("CasePart")),
        Type(MeetingNote, "Mødenotat", Part("TitlePart", required: true), Part("MarkdownBodyPart"), Part("AutoroutePart"), Part("VisibilityPart"), Part("NetworkItemPart", required: true), Part("MeetingNotePart")),
        Type(KnowledgeArticle, "Videnartikel", Part("TitlePart", required: true), Part("MarkdownBodyPart"), Part("AutoroutePart"), Part("VisibilityPart"), Part("TagsPart"), Part("NetworkItemPart")),
    ];

    private static ContentTypeDefinition Type(string name, string displayName, params (string Name, bool Required)[] parts) => new(
        name,
        displayName,
        new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true } },
        parts.Select((part, position) => new ContentTypePartDefinition(part.Name, part.Name, new JsonObject
        {
            ["ContentTypePartSettings"] = part.Required
                ? new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Required"] = true }
                : new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        })).ToList());

    private static (string, bool) Part(string name, bool required = false) => (name, required);
}
