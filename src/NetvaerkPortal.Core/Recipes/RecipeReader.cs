using System.Text.Json;
using System.Text.Json.Nodes;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Recipes;

/// <summary>Reads Orchard Core recipe JSON, which allows // comments and trailing commas. Whatever the text, the
/// result is a recipe or a <see cref="RecipeException"/> saying what is wrong and where.</summary>
public static class RecipeReader
{
    /// <summary>How deep objects and arrays may nest (System.Text.Json's default; real recipes stay far below).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
        // Two values for one name would make one silently win; a recipe says what it means once.
        AllowDuplicateProperties = false,
    };

    private static readonly string[] HeaderTexts = ["name", "displayName", "description", "author", "website", "version"];

    public static Recipe ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new RecipeException($"The recipe file '{SafePaths.Show(path, 200)}' does not exist.");
        }

        return Read(File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)), Path.GetFileName(path));
    }

    public static Recipe Read(string json, string? folderPath, string source = "recipe")
    {
        ArgumentNullException.ThrowIfNull(json);
        source = SafePaths.Show(source);
        var root = Parse(json, source) as JsonObject
            ?? throw new RecipeException($"{source} must be a JSON object with 'name' and 'steps'.");

        foreach (var field in HeaderTexts)
        {
            Expect<JsonValue>(root, field, "text", source, value => value.GetValueKind() == JsonValueKind.String);
        }

        Expect<JsonValue>(root, "issetuprecipe", "true or false", source, value => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False);
        Expect<JsonArray>(root, "categories", "a list of texts", source, array => array.All(v => v?.GetValueKind() == JsonValueKind.String));
        Expect<JsonArray>(root, "tags", "a list of texts", source, array => array.All(v => v?.GetValueKind() == JsonValueKind.String));
        Expect<JsonObject>(root, "variables", "an object of variables by name", source, _ => true);
        Expect<JsonArray>(root, "steps", "an array of steps", source, _ => true);

        var steps = new List<RecipeStep>();
        var position = 0;
        foreach (var entry in Get(root, "steps") as JsonArray ?? [])
        {
            position++;
            if (entry is not JsonObject step || Text(step, "name") is not { Length: > 0 } name)
            {
                throw new RecipeException($"{source}: step {position} has no \"name\". Every step is an object with a name, e.g. {{ \"name\": \"content\", ... }}.");
            }

            steps.Add(new RecipeStep(name, position, step));
        }

        return new Recipe(
            Text(root, "name") ?? Path.GetFileNameWithoutExtension(source).Replace(".recipe", "", StringComparison.OrdinalIgnoreCase),
            Text(root, "displayName") ?? "",
            Text(root, "description") ?? "",
            Text(root, "author") ?? "",
            Text(root, "website") ?? "",
            Text(root, "version") ?? "",
            Get(root, "issetuprecipe") is JsonValue setup && setup.GetValueKind() == JsonValueKind.True,
            Strings(root, "categories"),
            Strings(root, "tags"),
            Get(root, "variables") as JsonObject ?? [],
            steps,
            folderPath);
    }

    /// <summary>A property by name, ignoring case as Orchard Core's reader does.</summary>
    public static JsonNode? Get(JsonObject json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in json)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public static string? Text(JsonObject json, string name) =>
        Get(json, name) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static IReadOnlyList<string> Strings(JsonObject json, string name) =>
        Get(json, name) is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()).ToList()
            : [];

    /// <summary>The entries of the array a step keeps under <paramref name="field"/>, each with its position from 1 and
    /// the entry as an object (null when it is none); nothing when the field is absent.</summary>
    public static IEnumerable<(int Position, JsonObject? Entry)> Entries(JsonObject data, string field) =>
        (Get(data, field) as JsonArray ?? []).Select((node, index) => (index + 1, node as JsonObject));

    /// <summary>A message when <paramref name="field"/> is there but no array (<paramref name="shape"/> says what it should be).</summary>
    public static string? NotAnArray(JsonObject data, string field, string shape) =>
        Get(data, field) is { } node and not JsonArray ? $"'{field}' must be {shape}, not {Kind(node)}." : null;

    /// <summary>What kind of JSON value <paramref name="node"/> is, for messages ("a number", "an array", ...).</summary>
    public static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        _ => "true or false",
    };

    private static JsonNode? Parse(string json, string source)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException error)
        {
            var reason = error.Message;
            var cut = reason.IndexOf(" Path:", StringComparison.Ordinal);
            reason = cut > 0 ? reason[..cut] : reason;
            throw new RecipeException($"{source} is not valid JSON at line {(error.LineNumber ?? 0) + 1}, column {(error.BytePositionInLine ?? 0) + 1}: {SafePaths.Show(reason, 300)}", error);
        }
    }

    // A field of the wrong kind is an error, not silently ignored: "steps": {} would otherwise run nothing.
    private static void Expect<T>(JsonObject root, string field, string kind, string source, Func<T, bool> valid) where T : JsonNode
    {
        var node = Get(root, field);
        if (node is not null && (node is not T typed || !valid(typed)))
        {
            throw new RecipeException($"{source}: \"{field}\" must be {kind}, not {Kind(node)}.");
        }
    }
}
