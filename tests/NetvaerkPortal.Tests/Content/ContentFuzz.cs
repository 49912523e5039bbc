using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace NetvaerkPortal.Tests.Content;

/// <summary>Generators for the fuzz tests: valid content items of the module's types, mutated the ways a probe
/// would (wrong JSON types, deep nesting, keys twice, unknown parts, odd Unicode, broken text), and Markdown built
/// from the constructs Markdig nests.</summary>
public static class ContentFuzz
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1_000 };

    /// <summary>Texts: ordinary Danish, and the characters and escapes that broke things (written into the JSON as escapes).</summary>
    private static readonly string[] OddEscapes =
    [
        "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0000", "\\u0007", "\\u0085", "\\u202e", "\\u2067", "\\u200f", "\\ufeff",
        "\\n", "\\t", "\\\"", "\\\\", "<script>alert(1)</script>", "../../etc", "\\\\\\\\evil.example/x", "æøå ÆØÅ",
    ];

    public static readonly Gen<string> Word = Gen.OneOf("møde", "netværk", "tovholder", "Sparring", "case", "2026-09-16", "", " ", "a", "Æblekage", "x-y");

    private static readonly Gen<string> Title = Word.Array[1, 6].Select(words => string.Join(' ', words));

    /// <summary>A valid item of one of the module's types (network ids are placeholders the caller replaces or leaves unknown).</summary>
    public static Gen<JsonObject> ValidItem(string networkId) =>
        Gen.Select(Gen.OneOf("Network", "Case", "MeetingNote", "KnowledgeArticle"), Title, Markdown, Word.Array[0, 4], Gen.Bool,
            (type, title, body, tags, published) =>
            {
                var item = new JsonObject
                {
                    ["ContentType"] = type,
                    ["Published"] = published,
                    ["TitlePart"] = new JsonObject { ["Title"] = title.Trim().Length == 0 ? "Titel" : title },
                    ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = body },
                };
                switch (type)
                {
                    case "Network":
                        item["NetworkPart"] = new JsonObject { ["Purpose"] = body, ["Cadence"] = title };
                        break;
                    case "Case":
                        item["CasePart"] = new JsonObject { ["Organisation"] = title, ["Challenge"] = body };
                        item["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()) };
                        break;
                    case "MeetingNote":
                        item["NetworkItemPart"] = new JsonObject { ["NetworkContentItemId"] = networkId };
                        item["MeetingNotePart"] = new JsonObject { ["MeetingDate"] = "2026-09-16" };
                        item["VisibilityPart"] = new JsonObject { ["Visibility"] = "Network" };
                        break;
                    default:
                        item["TagsPart"] = new JsonObject { ["Tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()) };
                        break;
                }

                return item;
            });

    /// <summary>Valid items, mutated zero to three times, as JSON text.</summary>
    public static Gen<string> MutatedItem(string networkId) =>
        Gen.Select(ValidItem(networkId), Gen.Int[0, 3], Gen.Int.Array[12, 12], (item, count, dice) =>
        {
            for (var i = 0; i < count; i++)
            {
                Mutate(item, dice.Skip(i * 3).Take(3).Select(d => d & int.MaxValue).ToArray());
            }

            var json = item.ToJsonString(Relaxed);
            foreach (var (marker, escape) in Markers())
            {
                json = json.Replace(marker, escape, StringComparison.Ordinal);
            }

            // Keys marked for duplication get their plain name back, so the object holds the key twice.
            json = json.Replace("\"DUPLICATE:", "\"", StringComparison.Ordinal);
            return (dice[^1] & int.MaxValue) % 5 == 0 ? Break(json, dice[^2] & int.MaxValue, dice[^3] & int.MaxValue) : json;
        });

    private static void Mutate(JsonObject item, int[] dice)
    {
        var fields = Fields(item).ToList();
        var (part, field) = fields[dice[0] % fields.Count];
        switch (dice[1] % 7)
        {
            case 0:
                part[field] = WrongValue(dice[2]);
                break;
            case 1:
                part[field] = Nest(part[field]?.DeepClone(), 20 + (dice[2] % 60), dice[2] % 2 == 0);
                break;
            case 2:
                part["DUPLICATE:" + field] = WrongValue(dice[2]);
                break;
            case 3:
                item["UkendtPart" + (dice[2] % 3)] = Nest(new JsonObject { ["a"] = "b" }, dice[2] % 70, false);
                break;
            case 4:
                part["Ukendt" + (dice[2] % 3)] = "x";
                break;
            case 5:
                part[field] = $"ODD{dice[2] % OddEscapes.Length}ODD";
                break;
            default:
                item["ContentItemId"] = (dice[2] % 4) switch
                {
                    0 => "../../etc",
                    1 => "4gjxgam51tfyf5vhj02zhvqecb",
                    2 => new string('a', 27),
                    _ => "",
                };
                break;
        }
    }

    private static IEnumerable<(JsonObject Part, string Field)> Fields(JsonObject item)
    {
        yield return (item, "ContentType");
        foreach (var (_, value) in item)
        {
            if (value is JsonObject part)
            {
                foreach (var (field, _) in part.ToList())
                {
                    yield return (part, field);
                }
            }
        }
    }

    private static IEnumerable<(string Marker, string Escape)> Markers() =>
        Enumerable.Range(0, OddEscapes.Length).Select(i => ($"ODD{i}ODD", OddEscapes[i]));

    private static JsonNode? WrongValue(int die) => (die % 6) switch
    {
        0 => 5,
        1 => true,
        2 => new JsonArray("a", 1),
        3 => new JsonObject { ["Text"] = "a" },
        4 => null,
        _ => -0.5e300,
    };

    private static JsonNode? Nest(JsonNode? value, int depth, bool arrays)
    {
        for (var i = 0; i < depth; i++)
        {
            value = arrays ? new JsonArray(value) : new JsonObject { ["a"] = value };
        }

        return value;
    }

    /// <summary>A textual break: a character dropped, one inserted, or the text cut short.</summary>
    private static string Break(string json, int where, int how)
    {
        var at = where % Math.Max(1, json.Length);
        return (how % 3) switch
        {
            0 => json.Remove(at, 1),
            1 => json.Insert(at, "{[\",:\\u}"[how % 8].ToString()),
            _ => json[..at],
        };
    }

    private static readonly string[] MarkdownTokens =
    [
        "> ", ">", "- ", "* ", "1. ", "  ", "    ", "\n", "\n\n", "# ", "*", "**", "_", "~~", "~", "^", "==", "++", "[", "]", "](", "(", ")",
        "![", "<div>", "</div>", "<b>", "<br>", "`", "```", "|", "|-|", "\\", "http://x.dk ", "www.x.dk ", "&amp;", "<!--", "-->",
        "tekst ", "ord", "æøå", "😀", "\t", "- [ ] ", "<script>", "\"", "'", "<", "&#",
    ];

    private static readonly Gen<string> Token = Gen.OneOf(MarkdownTokens);

    /// <summary>Markdown: a random sequence of constructs, sometimes one repeated hundreds or thousands of times (deep nesting).</summary>
    public static readonly Gen<string> Markdown = Gen.Frequency(
        (6, Token.Array[0, 120].Select(string.Concat)),
        (2, Gen.Select(Token, Gen.Int[10, 2_000], Token.Array[0, 20], (token, count, tail) => string.Concat(Enumerable.Repeat(token, count)) + string.Concat(tail))),
        (1, Gen.Select(Token.Array[1, 4], Gen.Int[10, 400], (tokens, count) => string.Concat(Enumerable.Repeat(string.Concat(tokens), count)))));
}
