using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;

namespace Netvaerk.Networks.ContentTypes;

/// <summary>The editor fields of the Networks module's parts: labels, hints and limits in one place.</summary>
public static class NetworkPartEditors
{
    public static IServiceCollection AddNetworkPartEditors(this IServiceCollection services) => services
        .AddPartEditor("NetworkPart",
            new EditorField("NetworkPart", "Purpose", "Formål", EditorFieldKind.Multiline) { Hint = "Hvorfor netværket findes, i et par sætninger." },
            new EditorField("NetworkPart", "DesiredEffect", "Ønsket effekt", EditorFieldKind.Multiline) { Hint = "Hvad skal deltagerne kunne mærke i deres arbejde?" },
            new EditorField("NetworkPart", "TargetGroup", "Målgruppe", EditorFieldKind.Multiline),
            new EditorField("NetworkPart", "GroundRules", "Spilleregler", EditorFieldKind.Multiline) { Hint = "Fx fortrolighed, forberedelse og fremmøde. Markdown-punkter er velkomne." },
            new EditorField("NetworkPart", "Cadence", "Mødekadence", EditorFieldKind.Text) { MaxLength = 200, Hint = "Fx »hver 6. uge, 3 timer«." })
        .AddPartEditor("CasePart",
            new EditorField("CasePart", "Organisation", "Organisation", EditorFieldKind.Text) { MaxLength = 200 },
            new EditorField("CasePart", "Sector", "Sektor", EditorFieldKind.Text) { MaxLength = 200 },
            new EditorField("CasePart", "Challenge", "Udfordring", EditorFieldKind.Multiline),
            new EditorField("CasePart", "Approach", "Fremgangsmåde", EditorFieldKind.Multiline),
            new EditorField("CasePart", "Results", "Resultater", EditorFieldKind.Multiline))
        .AddPartEditor("MeetingNotePart",
            new EditorField("MeetingNotePart", "MeetingDate", "Mødedato", EditorFieldKind.Date))
        .AddPartEditor("NetworkItemPart",
            new EditorField("NetworkItemPart", "NetworkContentItemId", "Netværk", EditorFieldKind.Choice) { Choices = NetworkChoicesAsync });

    private static async Task<IReadOnlyList<EditorChoice>> NetworkChoicesAsync(EditorContext context)
    {
        var networks = await context.Services.GetRequiredService<ContentManager>()
            .ListAsync(NetworkContentTypes.Network, VersionOptions.Latest, 0, 500, context.CancellationToken);
        return [new EditorChoice("", "Intet netværk"), .. networks.Select(n => new EditorChoice(n.ContentItemId, n.DisplayText, Translate: false))];
    }
}
