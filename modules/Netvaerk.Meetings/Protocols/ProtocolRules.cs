using System.Text.Json;
using System.Text.Json.Nodes;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Protocols;

/// <summary>One thing wrong with a protocol: the field (as the API names it, e.g. "ProtocolPart.Phases[2].Minutes"),
/// an English template the pages translate (Texts/protocols.da.json) and its arguments. <see cref="Phase"/> is the
/// phase's position (0-based) when the problem concerns one; the template's first argument is then its number.</summary>
public sealed record ProtocolProblem(string Field, string Template, object[] Arguments, int? Phase = null)
{
    public ContentValidationException ToException(string? contentItemId) => new(contentItemId, Field, Template, Arguments);
}

/// <summary>What a protocol must be, checked on every write (API, recipes, the pages): a title; 1 to
/// <see cref="MaxPhases"/> phases, each with a name, whole minutes from 0 to <see cref="MaxMinutes"/>, PerCase true or
/// false and texts within their limits; nothing of the wrong JSON type and no field the part does not have. Every
/// problem is listed (the editor shows each beside its field); the content handler refuses with the first.</summary>
public static class ProtocolRules
{
    public const int MaxPhases = 30;
    public const int NameLength = 100;
    public const int MaxMinutes = 240;
    public const int TextLength = 2_000;
    public const int TitleLength = FieldLimits.Title;

    /// <summary>A phase's texts besides its name, in the order the pages show them.</summary>
    public static readonly IReadOnlyList<string> PhaseTexts = ["Speaks", "Listens", "Produces", "Guidance"];

    private static readonly string[] PartFields = ["Description", "Phases", "CopiedFrom"];
    private static readonly string[] PhaseFields = ["Name", "Minutes", "PerCase", .. PhaseTexts];

    public static IReadOnlyList<ProtocolProblem> Check(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var problems = new List<ProtocolProblem>();
        CheckTitle(item, problems);
        if (item.Text("MarkdownBodyPart", "Markdown") is { Length: > FieldLimits.Markdown } markdown)
        {
            problems.Add(new("MarkdownBodyPart.Markdown", "The introduction is {0} characters long; at most {1} are allowed. Shorten it.", [markdown.Length, FieldLimits.Markdown]));
        }

        if (item.Part(ProtocolPart.PartName) is not { } part)
        {
            problems.Add(new($"{ProtocolPart.PartName}.Phases", "A protocol needs at least one phase: give each phase a Name and its Minutes.", []));
            return problems;
        }

        foreach (var (key, _) in part.Where(field => !PartFields.Contains(field.Key, StringComparer.Ordinal)))
        {
            problems.Add(new($"{ProtocolPart.PartName}.{Shorten(key)}", "{0} is not a field of {1}. Its fields are {2}.",
                [$"{ProtocolPart.PartName}.{Shorten(key)}", ProtocolPart.PartName, string.Join(", ", PartFields)]));
        }

        CheckDescription(part, problems);
        CheckCopiedFrom(part, problems);
        CheckPhases(part["Phases"], problems);
        return problems;
    }

    /// <summary>Puts the checked protocol in its stored form: texts trimmed (empty ones left out), minutes as whole
    /// numbers, PerCase always given. Call only when <see cref="Check"/> found nothing.</summary>
    public static void Normalize(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var title = item.Text("TitlePart", "Title")!.Trim();
        item.GetOrCreatePart("TitlePart")["Title"] = title;
        item.DisplayText = title;
        var part = item.GetOrCreatePart(ProtocolPart.PartName);
        SetText(part, "Description", part["Description"]);
        var phases = new JsonArray();
        foreach (var phase in ((JsonArray)part["Phases"]!).Cast<JsonObject>())
        {
            var normalized = new JsonObject
            {
                ["Name"] = phase["Name"]!.GetValue<string>().Trim(),
                ["Minutes"] = WholeNumber(phase["Minutes"])!.Value,
                ["PerCase"] = phase["PerCase"] is JsonValue flag && flag.GetValueKind() == JsonValueKind.True,
            };
            foreach (var field in PhaseTexts)
            {
                SetText(normalized, field, phase[field]);
            }

            phases.Add(normalized);
        }

        part["Phases"] = phases;
    }

    private static void CheckTitle(ContentItem item, List<ProtocolProblem> problems)
    {
        var title = item.Part("TitlePart")?["Title"];
        if (title is not null && !IsText(title))
        {
            problems.Add(new("TitlePart.Title", "The title must be a text (a JSON string).", []));
        }
        else if (string.IsNullOrWhiteSpace(title?.GetValue<string>()))
        {
            problems.Add(new("TitlePart.Title", "The title is missing. Give the item a title.", []));
        }
        else if (title.GetValue<string>().Trim().Length > TitleLength)
        {
            problems.Add(new("TitlePart.Title", "The title is {0} characters long; at most {1} are allowed. Shorten it.", [title.GetValue<string>().Trim().Length, TitleLength]));
        }
    }

    private static void CheckDescription(JsonObject part, List<ProtocolProblem> problems)
    {
        const string field = $"{ProtocolPart.PartName}.Description";
        var description = part["Description"];
        if (description is not null && !IsText(description))
        {
            problems.Add(new(field, "The description must be a text (a JSON string).", []));
        }
        else if (description?.GetValue<string>().Trim() is { Length: > TextLength } text)
        {
            problems.Add(new(field, "The description is {0} characters long; at most {1} are allowed. Shorten it.", [text.Length, TextLength]));
        }
    }

    private static void CheckCopiedFrom(JsonObject part, List<ProtocolProblem> problems)
    {
        var copiedFrom = part["CopiedFrom"];
        if (copiedFrom is not null && (!IsText(copiedFrom) || !ContentIds.IsValid(copiedFrom.GetValue<string>())))
        {
            problems.Add(new($"{ProtocolPart.PartName}.CopiedFrom", "CopiedFrom must be the ContentItemId of the protocol this one was copied from, or left out.", []));
        }
    }

    private static void CheckPhases(JsonNode? node, List<ProtocolProblem> problems)
    {
        const string field = $"{ProtocolPart.PartName}.Phases";
        if (node is not JsonArray phases)
        {
            problems.Add(node is null
                ? new(field, "A protocol needs at least one phase: give each phase a Name and its Minutes.", [])
                : new(field, "Phases must be a JSON array of phases, each like {\"Name\": \"Afklarende spørgsmål\", \"Minutes\": 10, \"PerCase\": true}.", []));
            return;
        }

        if (phases.Count == 0)
        {
            problems.Add(new(field, "A protocol needs at least one phase: give each phase a Name and its Minutes.", []));
        }
        else if (phases.Count > MaxPhases)
        {
            problems.Add(new(field, "A protocol has at most {0} phases; this one has {1}. Merge or remove phases.", [MaxPhases, phases.Count]));
        }

        // Beyond the limit (already refused) the phases are not looked at one by one.
        for (var index = 0; index < Math.Min(phases.Count, MaxPhases + 1); index++)
        {
            CheckPhase(phases[index], index, problems);
        }
    }

    private static void CheckPhase(JsonNode? node, int index, List<ProtocolProblem> problems)
    {
        var at = $"{ProtocolPart.PartName}.Phases[{index}]";
        var number = index + 1;
        if (node is not JsonObject phase)
        {
            problems.Add(new(at, "Phase {0} must be a JSON object with Name, Minutes and PerCase.", [number], index));
            return;
        }

        foreach (var (key, _) in phase.Where(field => !PhaseFields.Contains(field.Key, StringComparer.Ordinal)))
        {
            problems.Add(new($"{at}.{Shorten(key)}", "Phase {0}: {1} is not a field of a phase. Its fields are {2}.", [number, Shorten(key), string.Join(", ", PhaseFields)], index));
        }

        var name = phase["Name"];
        if (name is not null && !IsText(name))
        {
            problems.Add(new($"{at}.Name", "Phase {0}: Name must be a text (a JSON string).", [number], index));
        }
        else if (string.IsNullOrWhiteSpace(name?.GetValue<string>()))
        {
            problems.Add(new($"{at}.Name", "Phase {0} has no name. Give the phase a name.", [number], index));
        }
        else if (name.GetValue<string>().Trim().Length > NameLength)
        {
            problems.Add(new($"{at}.Name", "Phase {0}: the name is {1} characters long; at most {2} are allowed. Shorten it.", [number, name.GetValue<string>().Trim().Length, NameLength], index));
        }

        if (WholeNumber(phase["Minutes"]) is not (>= 0 and <= MaxMinutes))
        {
            problems.Add(new($"{at}.Minutes", "Phase {0}: give the minutes as a whole number from 0 to {1}.", [number, MaxMinutes], index));
        }

        if (phase["PerCase"] is { } perCase && (perCase is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
        {
            problems.Add(new($"{at}.PerCase", "Phase {0}: PerCase must be true or false.", [number], index));
        }

        foreach (var field in PhaseTexts)
        {
            var text = phase[field];
            if (text is not null && !IsText(text))
            {
                problems.Add(new($"{at}.{field}", "Phase {0}: {1} must be a text (a JSON string).", [number, field], index));
            }
            else if (text?.GetValue<string>().Trim() is { Length: > TextLength } value)
            {
                problems.Add(new($"{at}.{field}", "Phase {0}: {1} is {2} characters long; at most {3} are allowed. Shorten it.", [number, field, value.Length, TextLength], index));
            }
        }
    }

    /// <summary>The number when it is a whole JSON number (10 or 10.0) that fits the minutes; null otherwise (a text "10", 10.5, true).</summary>
    public static int? WholeNumber(JsonNode? node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var whole))
        {
            return whole;
        }

        return value.TryGetValue<double>(out var real) && Math.Abs(real) <= int.MaxValue && real == Math.Floor(real) ? (int)real : null;
    }

    private static bool IsText(JsonNode node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static void SetText(JsonObject target, string field, JsonNode? value)
    {
        var text = value?.GetValue<string>().Trim();
        if (string.IsNullOrEmpty(text))
        {
            target.Remove(field);
        }
        else
        {
            target[field] = text;
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
