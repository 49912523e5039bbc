using System.Text.Json.Nodes;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Protocols;

/// <summary>One phase of a meeting protocol, e.g. "Afklarende spørgsmål", 10 minutes, repeated for each case.</summary>
/// <param name="Speaks">Who speaks in the phase (e.g. "Gruppen"); <paramref name="Listens"/> who listens (e.g. "Casegiver").</param>
/// <param name="Produces">What the phase produces (e.g. "Et skarpt fokusspørgsmål").</param>
public sealed record ProtocolPhase(string Name, int Minutes, bool PerCase, string? Guidance = null, string? Speaks = null, string? Listens = null, string? Produces = null);

/// <summary>How long a protocol takes: <see cref="Fixed"/> minutes once, plus <see cref="PerCase"/> minutes for each case.</summary>
public sealed record ProtocolMinutes(int Fixed, int PerCase)
{
    public int With(int cases) => Fixed + (PerCase * Math.Max(0, cases));
}

/// <summary>The content type "Protocol" (mødeprotokol) and its part, stored as Orchard content JSON:
/// <c>"ProtocolPart": {"Description": "...", "Phases": [{"Name","Minutes","PerCase","Guidance","Speaks","Listens","Produces"}]}</c>.
/// A protocol without a network (NetworkItemPart) is the organisation's, shared with all its networks; one with a
/// network is that network's own (usually an adapted copy, whose "CopiedFrom" names the original).</summary>
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

    /// <summary>The protocol this one was copied from (a network's adapted copy), or null.</summary>
    public static string? CopiedFrom(ContentItem item) => item?.Text(PartName, "CopiedFrom");

    /// <summary>The protocol's length: the minutes of the phases held once, and those repeated for each case.</summary>
    public static ProtocolMinutes Minutes(IEnumerable<ProtocolPhase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var list = phases.ToList();
        return new ProtocolMinutes(list.Where(p => !p.PerCase).Sum(p => p.Minutes), list.Where(p => p.PerCase).Sum(p => p.Minutes));
    }

    private static string? Text(JsonObject phase, string field) => phase[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
