using System.Text.Json.Nodes;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Protocols;

/// <summary>One phase of a meeting protocol, e.g. "Afklarende spørgsmål", 10 minutes, repeated for each case.</summary>
/// <param name="Speaks">Who speaks in the phase (e.g. "Gruppen"); <paramref name="Listens"/> who listens (e.g. "Casegiver").</param>
/// <param name="Produces">What the phase produces (e.g. "Et skarpt fokusspørgsmål").</param>
public sealed record ProtocolPhase(string Name, int Minutes, bool PerCase, string? Guidance = null, string? Speaks = null, string? Listens = null, string? Produces = null);

/// <summary>The content type "Protocol" (mødeprotokol) and its part, stored as Orchard content JSON:
/// <c>"ProtocolPart": {"Description": "...", "Phases": [{"Name","Minutes","PerCase","Guidance","Speaks","Listens","Produces"}]}</c>.
/// A protocol without a network (NetworkItemPart) is the organisation's, shared with all its networks; one with a
/// network is that network's own (usually an adapted copy).</summary>
public static class ProtocolPart
{
    public const string ContentType = "Protocol";
    public const string PartName = "ProtocolPart";

    /// <summary>The phases as stored; a phase without a name or with minutes that are not a whole number is left out
    /// (a stored item is read defensively; writes are validated by the protocol handler).</summary>
    public static IReadOnlyList<ProtocolPhase> Phases(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Part(PartName)?["Phases"] is not JsonArray phases)
        {
            return [];
        }

        var list = new List<ProtocolPhase>(phases.Count);
        foreach (var phase in phases.OfType<JsonObject>())
        {
            if (Text(phase, "Name") is { Length: > 0 } name && phase["Minutes"] is JsonValue minutes && minutes.TryGetValue<int>(out var value) && value >= 0)
            {
                list.Add(new ProtocolPhase(name, value, phase["PerCase"] is JsonValue perCase && perCase.TryGetValue<bool>(out var repeated) && repeated,
                    Text(phase, "Guidance"), Text(phase, "Speaks"), Text(phase, "Listens"), Text(phase, "Produces")));
            }
        }

        return list;
    }

    public static string? Description(ContentItem item) => item?.Text(PartName, "Description");

    private static string? Text(JsonObject phase, string field) => phase[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
