using System.Globalization;
using System.Text.Json.Nodes;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Protocols;

/// <summary>The content type "Protocol" (Mødeprotokol), defined in code. Its page is /protokoller/{id}, kept in
/// AutoroutePart so that search hits and lists link there. Created at /protokoller/ny (editors) or by copying
/// (coordinators), where the phases can be edited; the administration lists the type but does not offer to create one.</summary>
public static class ProtocolContentType
{
    public const string DisplayName = "Mødeprotokol";

    /// <summary>The URL path of a protocol's page (without the tenant's path base).</summary>
    public static string PathFor(string contentItemId) => "protokoller/" + contentItemId;

    public static ContentTypeDefinition Definition { get; } = new(
        ProtocolPart.ContentType,
        DisplayName,
        new JsonObject { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = false, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true } },
        new[] { ("TitlePart", true), ("MarkdownBodyPart", false), ("AutoroutePart", false), ("VisibilityPart", false), ("NetworkItemPart", false), (ProtocolPart.PartName, false) }
            .Select((part, position) => new ContentTypePartDefinition(part.Item1, part.Item1, new JsonObject
            {
                ["ContentTypePartSettings"] = part.Item2
                    ? new JsonObject { ["Position"] = position.ToString(CultureInfo.InvariantCulture), ["Required"] = true }
                    : new JsonObject { ["Position"] = position.ToString(CultureInfo.InvariantCulture) },
            }))
            .ToList());
}
