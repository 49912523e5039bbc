namespace NetvaerkPortal.Web.CommandLine;

/// <summary>The words and options of one command: positional words, <c>--name value</c> options
/// (repeatable), and <c>--flag</c> switches.</summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public CommandArguments(IReadOnlyList<string> args, IReadOnlySet<string> flagNames)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                Words.Add(arg);
                continue;
            }

            var name = arg[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (flagNames.Contains(name))
            {
                _flags.Add(name);
            }
            else if (equals > 0)
            {
                Add(name[..equals], name[(equals + 1)..]);
            }
            else if (i + 1 < args.Count)
            {
                Add(name, args[++i]);
            }
            else
            {
                throw new CommandException($"The option --{name} needs a value.");
            }
        }
    }

    public List<string> Words { get; } = [];

    public string? Option(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public string Required(string name, string example) =>
        Option(name) ?? throw new CommandException($"Missing --{name}. Example: {example}");

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public bool Flag(string name) => _flags.Contains(name);

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out var values))
        {
            _options[name] = values = [];
        }

        values.Add(value);
    }
}

/// <summary>A command could not run; the message is the one line the user sees.</summary>
public sealed class CommandException(string message) : Exception(message);
