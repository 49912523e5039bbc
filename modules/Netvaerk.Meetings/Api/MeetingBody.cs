using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Api;

/// <summary>A request body of the meetings API read strictly: a JSON object (by <see cref="JsonInput"/>: no duplicate
/// key, no lone surrogate, no deep nesting) whose keys are the endpoint's fields (matched ignoring case, each once),
/// each of the type the field needs. Anything else is a <see cref="MeetingInputException"/> naming the field.</summary>
internal sealed partial class MeetingBody
{
    private readonly Dictionary<string, JsonNode?> _fields;

    private MeetingBody(Dictionary<string, JsonNode?> fields) => _fields = fields;

    /// <param name="fields">The endpoint's field names as the API spells them.</param>
    /// <param name="example">A valid body, shown in every refusal so the caller sees what to send.</param>
    public static MeetingBody Read(string? text, IReadOnlyList<string> fields, string example)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new MeetingInputException("body", "The body is empty. Send a JSON object, e.g. {0}", example);
        }

        JsonNode? node;
        try
        {
            node = JsonInput.Parse(text);
        }
        catch (JsonInputException error)
        {
            throw new MeetingInputException(error.Field ?? "body", "{0} Send a JSON object, e.g. {1}", error.Message, example);
        }

        if (node is not JsonObject json)
        {
            throw new MeetingInputException("body", "The body must be a JSON object, e.g. {0}", example);
        }

        var found = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in json)
        {
            var field = fields.FirstOrDefault(f => string.Equals(f, key, StringComparison.OrdinalIgnoreCase))
                ?? throw new MeetingInputException(Shorten(key), "'{0}' is not a field here; the fields are {1}. E.g. {2}", Shorten(key), string.Join(", ", fields), example);
            if (!found.TryAdd(field, value))
            {
                throw new MeetingInputException(field, "{0} is given twice. Send each field once.", field);
            }
        }

        return new MeetingBody(found);
    }

    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>A text, or null when absent or null.</summary>
    public string? Text(string field) => Value(field) switch
    {
        null => null,
        var value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw Wrong(field, "a text (a JSON string)"),
    };

    public int? Int(string field) => Value(field) switch
    {
        null => null,
        var value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) => number,
        var value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var large) && large == decimal.Truncate(large) =>
            throw new MeetingInputException(field, "{0} is {1}, far outside what it may be. Send a small whole number.", field, large.ToString(CultureInfo.InvariantCulture)),
        _ => throw Wrong(field, "a whole number"),
    };

    public bool? Bool(string field) => Value(field) switch
    {
        null => null,
        var value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw Wrong(field, "true or false"),
    };

    /// <summary>A list of texts, or null when absent or null.</summary>
    public IReadOnlyList<string>? Texts(string field, int max = 500)
    {
        if (!_fields.TryGetValue(field, out var node) || node is null)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(item => item is not JsonValue value || value.GetValueKind() != JsonValueKind.String))
        {
            throw Wrong(field, "a list of texts (a JSON array of strings)");
        }

        return array.Count > max
            ? throw new MeetingInputException(field, "{0} has {1} entries; at most {2} are allowed.", field, array.Count, max)
            : array.Select(item => item!.GetValue<string>()).ToList();
    }

    /// <summary>A local Europe/Copenhagen time: "2027-01-14T13:00" (local) or with an offset/Z (converted to local).</summary>
    public DateTime? LocalTime(string field)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length <= 40 && HasOffset().IsMatch(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return MeetingTime.ToLocal(withOffset.UtcDateTime);
        }

        if (trimmed.Length <= 40 && DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        }

        throw new MeetingInputException(field, "{0} '{1}' is not a date and time. Write it as 2027-01-14T13:00 (Danish time) or with an offset, 2027-01-14T13:00:00+01:00.", field, Shorten(text));
    }

    /// <summary>A date without time, "2027-02-01".</summary>
    public DateOnly? Date(string field)
    {
        var text = Text(field);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new MeetingInputException(field, "{0} '{1}' is not a date. Write it as 2027-02-01.", field, Shorten(text));
    }

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private JsonValue? Value(string field)
    {
        if (!_fields.TryGetValue(field, out var node) || node is null)
        {
            return null;
        }

        return node as JsonValue ?? throw Wrong(field, "a single value, not an object or a list");
    }

    private static MeetingInputException Wrong(string field, string kind) =>
        new(field, "{0} must be {1}.", field, kind);

    private static string Shorten(string text) => MeetingPlanner.Shorten(text);

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex HasOffset();
}
