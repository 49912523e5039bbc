using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Content.Editing;

namespace Netvaerk.Meetings.Notes;

/// <summary>The part this module puts on the Networks module's knowledge article: the meeting a learning came from and
/// the anonymisation checklist (names, workplaces, citizens) the editor ticks before showing it wider than the network.
/// Labels, hints and the rule live here; the editor, the handler and the pages read them.</summary>
public static class MeetingLearningPart
{
    public const string PartName = "MeetingLearningPart";
    public const string MeetingId = "MeetingId";
    public const string NamesRemoved = "NamesRemoved";
    public const string WorkplacesRemoved = "WorkplacesRemoved";
    public const string CitizensRemoved = "CitizensRemoved";

    /// <summary>The article type that carries the part.</summary>
    public const string ContentType = NetworkContentTypes.KnowledgeArticle;

    /// <summary>The checklist in the order the editor shows it: field and Danish label.</summary>
    public static IReadOnlyList<(string Field, string Label)> Checklist { get; } =
    [
        (NamesRemoved, "Navne er fjernet"),
        (WorkplacesRemoved, "Arbejdspladser er fjernet eller gjort ukendelige"),
        (CitizensRemoved, "Borgere kan ikke genkendes"),
    ];

    public const string Hint =
        "Anonymisering: før teksten deles bredere end netværket, så fjern navne, arbejdspladser og borgere, og sæt hak herunder. Læring fra et netværksmøde kan først udgives for organisationen eller offentligt, når alle tre hak er sat.";

    /// <summary>The first box of the checklist that is not ticked, or null when all are.</summary>
    public static string? FirstUnticked(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var part = item.Part(PartName);
        return Checklist.Select(c => c.Field).FirstOrDefault(field => part?[field] is not JsonValue value || !value.TryGetValue<bool>(out var ticked) || !ticked);
    }

    public static string? MeetingOf(ContentItem item) => item?.Text(PartName, MeetingId);

    /// <summary>The part on the article type (added after the Networks module defined the type, as a recipe's
    /// ContentDefinition step would), its fields' shape, and its editor.</summary>
    public static IServiceCollection AddMeetingLearningPart(this IServiceCollection services)
    {
        services.PostConfigure<ContentDefinitionOptions>(options =>
        {
            var index = options.Types.FindIndex(t => t.Name == ContentType);
            if (index >= 0 && !options.Types[index].HasPart(PartName))
            {
                var type = options.Types[index];
                // Just before the visibility, so the editor meets the checklist before choosing who may read.
                var position = type.FindPart("VisibilityPart") is { } visibility ? visibility.Position - 1 : type.Parts.Count;
                var part = new ContentTypePartDefinition(PartName, PartName, new JsonObject
                {
                    ["ContentTypePartSettings"] = new JsonObject { ["Position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                });
                options.Types[index] = type with { Parts = [.. type.Parts, part] };
            }

            options.AddShapes([ContentPartShape.Of(PartName,
                (MeetingId, FieldShape.Line), (NamesRemoved, FieldShape.Flag), (WorkplacesRemoved, FieldShape.Flag), (CitizensRemoved, FieldShape.Flag))]);
        });
        return services.AddPartEditor(PartName, [.. Checklist.Select((c, i) =>
            new EditorField(PartName, c.Field, c.Label, EditorFieldKind.Checkbox) { Hint = i == 0 ? Hint : "" })]);
    }
}
