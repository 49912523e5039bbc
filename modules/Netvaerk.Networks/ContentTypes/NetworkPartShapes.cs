using NetvaerkPortal.Content;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>The fields of the module's parts and what each holds. Pages render the network's and the case's
/// texts as Markdown, so those are bounded like the body (<see cref="FieldShape.Markdown"/>).</summary>
public static class NetworkPartShapes
{
    public static IReadOnlyList<ContentPartShape> All { get; } =
    [
        ContentPartShape.Of("VisibilityPart", ("Visibility", FieldShape.Line)),
        ContentPartShape.Of("TagsPart", ("Tags", FieldShape.Lines)),
        ContentPartShape.Of("NetworkItemPart", ("NetworkContentItemId", FieldShape.Line)),
        ContentPartShape.Of("MeetingNotePart", ("MeetingDate", FieldShape.Line)),
        ContentPartShape.Of(
            "NetworkPart",
            ("Purpose", FieldShape.MarkdownText),
            ("DesiredEffect", FieldShape.MarkdownText),
            ("TargetGroup", FieldShape.MarkdownText),
            ("GroundRules", FieldShape.MarkdownText),
            ("Cadence", FieldShape.MarkdownLine)),
        ContentPartShape.Of(
            "CasePart",
            ("Organisation", FieldShape.MarkdownLine),
            ("Sector", FieldShape.MarkdownLine),
            ("Challenge", FieldShape.MarkdownText),
            ("Approach", FieldShape.MarkdownText),
            ("Results", FieldShape.MarkdownText)),
    ];
}
