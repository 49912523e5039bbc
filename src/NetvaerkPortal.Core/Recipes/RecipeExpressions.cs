using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Recipes;

/// <summary>Evaluates the expressions real recipes use: <c>[js: f('x') + 'y']</c> with exactly the functions
/// uuid, variables, parameters, configuration, base64 and html, and <c>[file:text('path')]</c>. A small
/// parser for these calls, string literals and '+' on purpose: a general script engine would let a
/// recipe run arbitrary code on the server.</summary>
public sealed class RecipeExpressions(
    JsonObject variables,
    IReadOnlyDictionary<string, string> parameters,
    Func<string, string?> configuration,
    string? recipeFolder,
    Action<string>? skipMissingFile = null)
{
    public static readonly IReadOnlyList<string> Functions = ["uuid", "variables", "parameters", "configuration", "base64", "html"];

    /// <summary>How deep calls may nest inside each other, and variables refer to further variables.</summary>
    public const int MaxNesting = 32;

    /// <summary>The longest text '+' may make (1 Mi characters): "a + a" over nested variables doubles with each one.</summary>
    public const int MaxTextLength = 1 << 20;

    private readonly Dictionary<string, string> _variableValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>Returns a copy of <paramref name="node"/> with every expression string replaced by its value.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Evaluate).ToArray()),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>() is var text && IsExpression(text)
            => JsonValue.Create(EvaluateString(text)),
        _ => node?.DeepClone(),
    };

    /// <summary>True while <paramref name="value"/> is an expression that has not been evaluated yet, so a check
    /// of its value must wait until the step runs.</summary>
    public static bool Pending(string value, bool evaluated) => !evaluated && IsExpression(value);

    /// <summary>True when any string inside <paramref name="node"/> is an expression.</summary>
    public static bool Contains(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Any(p => Contains(p.Value)),
        JsonArray array => array.Any(Contains),
        JsonValue value => value.GetValueKind() == System.Text.Json.JsonValueKind.String && IsExpression(value.GetValue<string>()),
        _ => false,
    };

    public static bool IsExpression(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.AsSpan().Trim();
        return trimmed.EndsWith("]") && (trimmed.StartsWith("[js:") || trimmed.StartsWith("[file:"));
    }

    public string EvaluateString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.StartsWith("[file:", StringComparison.Ordinal))
        {
            var call = Parse(trimmed[6..^1], text);
            if (call is not Call { Name: "text", Arguments: [var pathArgument] })
            {
                throw new RecipeException($"Unsupported file expression '{SafePaths.Show(text)}'. Use [file:text('relative/path.txt')].");
            }

            return ReadRecipeFile(Value(pathArgument, text));
        }

        return Value(Parse(trimmed[4..^1], text), text);
    }

    /// <summary>Checks an expression without evaluating it: known functions, defined variables.</summary>
    public IEnumerable<string> Problems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        Expression parsed;
        try
        {
            parsed = trimmed.StartsWith("[file:", StringComparison.Ordinal) ? Parse(trimmed[6..^1], text) : Parse(trimmed[4..^1], text);
        }
        catch (RecipeException error)
        {
            return [error.Message];
        }

        var problems = new List<string>();
        Walk(parsed, call =>
        {
            if (trimmed.StartsWith("[file:", StringComparison.Ordinal) ? call.Name != "text" : !Functions.Contains(call.Name))
            {
                problems.Add(UnknownFunction(call.Name, text));
            }
            else if (call is { Name: "variables", Arguments: [Literal { Text: var name }] } && RecipeReader.Get(variables, name) is null)
            {
                problems.Add(UndefinedVariable(name, text));
            }
            else if (call is { Name: "text", Arguments: [Literal { Text: var path }] } && trimmed.StartsWith("[file:", StringComparison.Ordinal))
            {
                try
                {
                    RecipeFiles.Resolve(recipeFolder, path);
                }
                catch (RecipeException error)
                {
                    problems.Add(error.Message);
                }
            }
        });
        return problems;
    }

    private static void Walk(Expression expression, Action<Call> visit)
    {
        switch (expression)
        {
            case Call call:
                visit(call);
                foreach (var argument in call.Arguments)
                {
                    Walk(argument, visit);
                }

                break;
            case Concat concat:
                foreach (var part in concat.Parts)
                {
                    Walk(part, visit);
                }

                break;
        }
    }

    private string Value(Expression expression, string source) => expression switch
    {
        Literal literal => literal.Text,
        Concat concat => Join(concat, source),
        Call call => Invoke(call, source),
        _ => throw new InvalidOperationException(),
    };

    private string Join(Concat concat, string source)
    {
        var text = new StringBuilder();
        foreach (var part in concat.Parts)
        {
            var value = Value(part, source);
            if (text.Length + value.Length > MaxTextLength)
            {
                throw new RecipeException($"'{SafePaths.Show(source)}' makes a text longer than {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)} characters. Shorten the recipe's texts.");
            }

            text.Append(value);
        }

        return text.ToString();
    }

    private string Invoke(Call call, string source)
    {
        string Argument(int index, string example) =>
            index < call.Arguments.Count ? Value(call.Arguments[index], source)
            : throw new RecipeException($"{call.Name}() needs an argument in '{SafePaths.Show(source)}', e.g. {example}.");

        return call.Name switch
        {
            "uuid" => Content.ContentManager.NewId(),
            "variables" => Variable(Argument(0, "variables('networkId')"), source),
            "parameters" => parameters.TryGetValue(Argument(0, "parameters('AdminUserId')"), out var parameter) ? parameter
                : throw new RecipeException($"The parameter '{SafePaths.Show(Argument(0, ""))}' in '{SafePaths.Show(source)}' is not set. Known parameters: {string.Join(", ", parameters.Keys)}; pass others with --param NAME=VALUE."),
            "configuration" => configuration(Argument(0, "configuration('Key', 'default')")) ?? (call.Arguments.Count > 1 ? Argument(1, "") : ""),
            "base64" => DecodeBase64(Argument(0, "base64('SGVq')"), source),
            "html" => WebUtility.HtmlDecode(Argument(0, "html('&lt;p&gt;')")),
            _ => throw new RecipeException(UnknownFunction(call.Name, source)),
        };
    }

    private string Variable(string name, string source)
    {
        if (_variableValues.TryGetValue(name, out var known))
        {
            return known;
        }

        var definition = RecipeReader.Get(variables, name) ?? throw new RecipeException(UndefinedVariable(name, source));
        if (!_evaluating.Add(name))
        {
            throw new RecipeException($"The variable '{SafePaths.Show(name)}' refers to itself. Give it a value that does not use variables('{SafePaths.Show(name)}').");
        }

        if (_evaluating.Count > MaxNesting)
        {
            _evaluating.Remove(name);
            throw new RecipeException($"The variable '{SafePaths.Show(name)}' in '{SafePaths.Show(source)}' is reached through more than {MaxNesting} variables that use each other. Give variables values that use fewer others.");
        }

        try
        {
            // A variable evaluates once; every later use sees the same value (e.g. the same uuid).
            var value = definition is JsonValue v && v.TryGetValue<string>(out var text)
                ? (IsExpression(text) ? EvaluateString(text) : text)
                : definition.ToJsonString();
            _variableValues[name] = value;
            return value;
        }
        finally
        {
            _evaluating.Remove(name);
        }
    }

    private string ReadRecipeFile(string relativePath)
    {
        var path = RecipeFiles.Resolve(recipeFolder, relativePath);
        if (File.Exists(path))
        {
            return File.ReadAllText(path);
        }

        if (skipMissingFile is null)
        {
            throw new RecipeException($"[file:text('{SafePaths.Show(relativePath)}')]: the file does not exist beside the recipe. Put it there, or run with --skip-unsupported to use empty text.");
        }

        skipMissingFile(relativePath);
        return "";
    }

    private static string DecodeBase64(string value, string source)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            throw new RecipeException($"base64() in '{SafePaths.Show(source)}' got text that is not base64.");
        }
    }

    private static string UnknownFunction(string name, string source) =>
        $"Unknown function '{SafePaths.Show(name)}' in '{SafePaths.Show(source)}'. Recipes may use: {string.Join(", ", Functions.Select(f => f + "()"))}, and [file:text('path')].";

    private static string UndefinedVariable(string name, string source) =>
        $"The variable '{SafePaths.Show(name)}' used in '{SafePaths.Show(source)}' is not defined. Add it to the recipe's \"variables\".";

    private abstract record Expression;

    private sealed record Literal(string Text) : Expression;

    private sealed record Call(string Name, IReadOnlyList<Expression> Arguments) : Expression;

    // Flat, not a tree of pairs: 'a' + 'b' + ... with many parts must not nest (and recurse) as deep as it is long.
    private sealed record Concat(IReadOnlyList<Expression> Parts) : Expression;

    private static Expression Parse(string text, string source)
    {
        var position = 0;
        var expression = ParseSum(text, ref position, source, 0);
        SkipSpace(text, ref position);
        if (position < text.Length)
        {
            throw new RecipeException($"Cannot read '{SafePaths.Show(source)}' at '{SafePaths.Show(text[position..], 40)}'. Expressions are function calls like variables('x'), string literals and '+'.");
        }

        return expression;
    }

    private static Expression ParseSum(string text, ref int position, string source, int depth)
    {
        if (depth > MaxNesting)
        {
            throw new RecipeException($"The expression '{SafePaths.Show(source)}' nests calls more than {MaxNesting} deep. Use variables for the inner parts.");
        }

        var parts = new List<Expression> { ParseTerm(text, ref position, source, depth) };
        while (true)
        {
            SkipSpace(text, ref position);
            if (position >= text.Length || text[position] != '+')
            {
                return parts.Count == 1 ? parts[0] : new Concat(parts);
            }

            position++;
            parts.Add(ParseTerm(text, ref position, source, depth));
        }
    }

    private static Expression ParseTerm(string text, ref int position, string source, int depth)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length)
        {
            throw new RecipeException($"The expression '{SafePaths.Show(source)}' ends too early.");
        }

        var c = text[position];
        if (c is '\'' or '"')
        {
            var end = text.IndexOf(c, position + 1);
            if (end < 0)
            {
                throw new RecipeException($"A string in '{SafePaths.Show(source)}' has no closing {c}.");
            }

            var literal = text[(position + 1)..end];
            position = end + 1;
            return new Literal(literal);
        }

        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '.'))
        {
            position++;
        }

        if (position == start)
        {
            throw new RecipeException($"Cannot read '{SafePaths.Show(source)}' at '{SafePaths.Show(text[start..], 40)}'. Expressions are function calls like variables('x'), string literals and '+'.");
        }

        var name = text[start..position];
        SkipSpace(text, ref position);
        if (position >= text.Length || text[position] != '(')
        {
            throw new RecipeException($"'{SafePaths.Show(name)}' in '{SafePaths.Show(source)}' is not a function call. Write {SafePaths.Show(name)}(...) or quote text as '{SafePaths.Show(name)}'.");
        }

        position++;
        var arguments = new List<Expression>();
        SkipSpace(text, ref position);
        if (position < text.Length && text[position] == ')')
        {
            position++;
            return new Call(name, arguments);
        }

        while (true)
        {
            arguments.Add(ParseSum(text, ref position, source, depth + 1));
            SkipSpace(text, ref position);
            if (position < text.Length && text[position] == ',')
            {
                position++;
                continue;
            }

            if (position < text.Length && text[position] == ')')
            {
                position++;
                return new Call(name, arguments);
            }

            throw new RecipeException($"A call to {SafePaths.Show(name)}() in '{SafePaths.Show(source)}' has no closing ')'.");
        }
    }

    private static void SkipSpace(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
