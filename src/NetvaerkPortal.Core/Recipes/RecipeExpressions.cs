using System.Net;
using System.Text;
using System.Text.Json.Nodes;

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

    private readonly Dictionary<string, string> _variableValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>Returns a copy of <paramref name="node"/> with every expression string replaced by its value.</summary>
    public JsonNode? Evaluate(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Evaluate).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) && IsExpression(text) => JsonValue.Create(EvaluateString(text)),
        _ => node?.DeepClone(),
    };

    public static bool IsExpression(string text)
    {
        var trimmed = text.AsSpan().Trim();
        return trimmed.EndsWith("]") && (trimmed.StartsWith("[js:") || trimmed.StartsWith("[file:"));
    }

    public string EvaluateString(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("[file:", StringComparison.Ordinal))
        {
            var call = Parse(trimmed[6..^1], text);
            if (call is not Call { Name: "text", Arguments: [var pathArgument] })
            {
                throw new RecipeException($"Unsupported file expression '{text}'. Use [file:text('relative/path.txt')].");
            }

            return ReadRecipeFile(Value(pathArgument, text));
        }

        return Value(Parse(trimmed[4..^1], text), text);
    }

    /// <summary>Checks an expression without evaluating it: known functions, defined variables.</summary>
    public IEnumerable<string> Problems(string text)
    {
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
                Walk(concat.Left, visit);
                Walk(concat.Right, visit);
                break;
        }
    }

    private string Value(Expression expression, string source) => expression switch
    {
        Literal literal => literal.Text,
        Concat concat => Value(concat.Left, source) + Value(concat.Right, source),
        Call call => Invoke(call, source),
        _ => throw new InvalidOperationException(),
    };

    private string Invoke(Call call, string source)
    {
        string Argument(int index, string example) =>
            index < call.Arguments.Count ? Value(call.Arguments[index], source)
            : throw new RecipeException($"{call.Name}() needs an argument in '{source}', e.g. {example}.");

        return call.Name switch
        {
            "uuid" => Content.ContentManager.NewId(),
            "variables" => Variable(Argument(0, "variables('networkId')"), source),
            "parameters" => parameters.TryGetValue(Argument(0, "parameters('AdminUserId')"), out var parameter) ? parameter
                : throw new RecipeException($"The parameter '{Argument(0, "")}' in '{source}' is not set. Known parameters: {string.Join(", ", parameters.Keys)}; pass others with --param NAME=VALUE."),
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
            throw new RecipeException($"The variable '{name}' refers to itself. Give it a value that does not use variables('{name}').");
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
            throw new RecipeException($"[file:text('{relativePath}')]: the file does not exist beside the recipe. Put it there, or run with --skip-unsupported to use empty text.");
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
            throw new RecipeException($"base64() in '{source}' got text that is not base64.");
        }
    }

    private static string UnknownFunction(string name, string source) =>
        $"Unknown function '{name}' in '{source}'. Recipes may use: {string.Join(", ", Functions.Select(f => f + "()"))}, and [file:text('path')].";

    private static string UndefinedVariable(string name, string source) =>
        $"The variable '{name}' used in '{source}' is not defined. Add it to the recipe's \"variables\".";

    private abstract record Expression;

    private sealed record Literal(string Text) : Expression;

    private sealed record Call(string Name, IReadOnlyList<Expression> Arguments) : Expression;

    private sealed record Concat(Expression Left, Expression Right) : Expression;

    private static Expression Parse(string text, string source)
    {
        var position = 0;
        var expression = ParseSum(text, ref position, source);
        SkipSpace(text, ref position);
        if (position < text.Length)
        {
            throw new RecipeException($"Cannot read '{source}' at '{text[position..]}'. Expressions are function calls like variables('x'), string literals and '+'.");
        }

        return expression;
    }

    private static Expression ParseSum(string text, ref int position, string source)
    {
        var left = ParseTerm(text, ref position, source);
        while (true)
        {
            SkipSpace(text, ref position);
            if (position >= text.Length || text[position] != '+')
            {
                return left;
            }

            position++;
            left = new Concat(left, ParseTerm(text, ref position, source));
        }
    }

    private static Expression ParseTerm(string text, ref int position, string source)
    {
        SkipSpace(text, ref position);
        if (position >= text.Length)
        {
            throw new RecipeException($"The expression '{source}' ends too early.");
        }

        var c = text[position];
        if (c is '\'' or '"')
        {
            var end = text.IndexOf(c, position + 1);
            if (end < 0)
            {
                throw new RecipeException($"A string in '{source}' has no closing {c}.");
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
            throw new RecipeException($"Cannot read '{source}' at '{text[start..]}'. Expressions are function calls like variables('x'), string literals and '+'.");
        }

        var name = text[start..position];
        SkipSpace(text, ref position);
        if (position >= text.Length || text[position] != '(')
        {
            throw new RecipeException($"'{name}' in '{source}' is not a function call. Write {name}(...) or quote text as '{name}'.");
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
            arguments.Add(ParseSum(text, ref position, source));
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

            throw new RecipeException($"A call to {name}() in '{source}' has no closing ')'.");
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
