using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NetvaerkPortal.Content;

/// <summary>Reads JSON that comes from outside (a request body, a recipe's item) and refuses, naming where,
/// what System.Text.Json would accept and then fail on later: a key that appears twice in one object, a
/// string with a lone UTF-16 surrogate ("\ud800"), and nesting deeper than <see cref="MaxDepth"/>.
/// Comments and trailing commas are allowed, as in recipes.</summary>
public static class JsonInput
{
    /// <summary>Content JSON needs five or six levels; Orchard's bag and flow parts a few more.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth + 1,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth + 1,
    };

    /// <summary>The JSON as a node; throws <see cref="JsonInputException"/> naming the field (dotted path) that is wrong.</summary>
    public static JsonNode? Parse(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        Check(utf8);
        return JsonNode.Parse(utf8, documentOptions: DocumentOptions);
    }

    private static void Check(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, ReaderOptions);

        // One frame per open object or array: its keys so far (null for an array) and the key it sits under.
        var frames = new List<(HashSet<string>? Keys, string? Name)>();
        string? key = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (frames.Count >= MaxDepth)
                        {
                            // Named by the top-level key (the part), not by a path 32 keys long.
                            var top = Field(frames, key)?.Split('.')[0];
                            throw new JsonInputException(top, $"{(top is null ? "The JSON" : $"'{top}'")} is nested deeper than {MaxDepth} levels. Flatten it.");
                        }

                        frames.Add((reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, key));
                        key = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        key = null;
                        break;
                    case JsonTokenType.PropertyName:
                        key = Text(ref reader, frames, null);
                        if (!frames[^1].Keys!.Add(key))
                        {
                            throw new JsonInputException(Field(frames, key), $"The key '{key}' appears twice in {Where(frames, null)}. Send each key once.");
                        }

                        break;
                    case JsonTokenType.String:
                        Text(ref reader, frames, key);
                        key = null;
                        break;
                    default:
                        key = null;
                        break;
                }
            }
        }
        catch (JsonException error)
        {
            throw new JsonInputException(null, $"The JSON is malformed at line {error.LineNumber + 1}, column {error.BytePositionInLine + 1}: {FirstSentence(error.Message)}");
        }
    }

    private static string Text(ref Utf8JsonReader reader, List<(HashSet<string>? Keys, string? Name)> frames, string? key)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonInputException(Field(frames, key),
                $"A text in {Where(frames, key)} holds a lone UTF-16 surrogate (such as \\ud800), which is not a character. Send valid Unicode text.");
        }
    }

    /// <summary>The dotted path of keys down to <paramref name="key"/> ("TitlePart.Title"); array positions are left out.</summary>
    private static string? Field(List<(HashSet<string>? Keys, string? Name)> frames, string? key)
    {
        var names = frames.Select(f => f.Name).Append(key).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join('.', names);
    }

    private static string Where(List<(HashSet<string>? Keys, string? Name)> frames, string? key) =>
        Field(frames, key) is { } field ? $"'{field}'" : "the body";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}

/// <summary>JSON from outside was refused; <see cref="Field"/> is the dotted path of the key concerned, or null for the whole body.</summary>
public sealed class JsonInputException(string? field, string message) : Exception(message)
{
    public string? Field { get; } = field;
}
