using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.CommandLine;

/// <summary>The portal's command-line verbs: the same services and App_Data as the web server, without the server.
/// The published <c>netvaerk</c> tool (src/NetvaerkPortal.Cli) and <c>dotnet run -- VERB</c> both come here.</summary>
public static class PortalCommands
{
    private delegate Task<int> Verb(IServiceProvider services, string[] args, TextWriter output);

    private sealed record Command(string Words, string Arguments, Verb Run);

    /// <summary>Every verb, in the order help lists them; help is written from this table, so it lists every verb.</summary>
    private static readonly Command[] Commands =
    [
        new("tenants list", "", (services, _, output) => Task.FromResult(TenantCommands.List(services, output))),
        new("tenants create", "NAME (--prefix P | --host H) --recipe NAME|PATH [--param K=V]... [--admin-user U] [--admin-password P] [--admin-email E] [--skip-unsupported] [--database-provider Sqlite|Postgres] [--connection-string CS]", TenantCommands.CreateAsync),
        new("tenants disable", "NAME", (services, args, output) => Task.FromResult(TenantCommands.Disable(services, args, output))),
        new("recipes validate", "PATH [--skip-unsupported]", RecipeCommands.ValidateAsync),
        new("recipes run", "--tenant NAME PATH [--skip-unsupported]", RecipeCommands.RunAsync),
        new("users create", "--tenant T --user U --email E --password P [--role R]... [--network ID]... [--coordinator ID]...", UserCommands.CreateAsync),
        new("users delete", "--tenant T --user U", UserCommands.DeleteAsync),
        new("users reset-password", "--tenant T --user U [--password P]", UserCommands.ResetPasswordAsync),
        new("tokens create", "--tenant T --user U [--name N] [--expires-days D]", TokenCommands.CreateAsync),
        new("tokens revoke", "--tenant T (--user U | --id N)", TokenCommands.RevokeAsync),
        new("tokens list", "--tenant T [--user U]", TokenCommands.ListAsync),
        new("content export", "--tenant T [--type TYPE]", RecipeCommands.ExportAsync),
        new("search rebuild", "--tenant T [--index NAME]", SearchCommands.RebuildAsync),
        new("backup", "--tenant T --to FILE", BackupCommands.BackupAsync),
    ];

    private const string AppDataOption = "--app-data";

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "help" or "--help" or "-h" or AppDataOption || Commands.Any(c => c.Words.Split(' ')[0] == args[0]));

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, IDictionary<string, string?>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        error ??= Console.Error;
        try
        {
            var (rest, settings) = TakeAppData(args, configuration);
            // Help is answered before anything is built: no host, no modules, no App_Data.
            if (rest.Length == 0 || rest.Any(a => a is "--help" or "-h") || rest[0] == "help")
            {
                await output.WriteLineAsync(Help(rest));
                return 0;
            }

            var command = Find(rest) ?? throw new CommandException($"Unknown command '{string.Join(' ', rest.Take(2))}'. Run 'netvaerk --help' for the list.");
            using var host = BuildHost(settings);
            return await command.Run(host.Services, rest.Skip(command.Words.Split(' ').Length).ToArray(), output);
        }
        catch (Exception failure) when (failure is CommandException or NetvaerkPortal.Tenants.TenantSetupException or NetvaerkPortal.Content.ContentValidationException or NetvaerkPortal.Recipes.RecipeException)
        {
            await error.WriteLineAsync("error: " + OneLine(failure.Message));
            return 1;
        }
    }

    /// <summary>The portal's services without the web server, on the App_Data the configuration names.</summary>
    public static IHost BuildHost(IDictionary<string, string?>? configuration = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = typeof(Program).Assembly.GetName().Name });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.None);
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.AddPortalServices();
        builder.Services.AddSingleton(NetvaerkPortal.Audit.AuditOrigin.CommandLine);
        return builder.Build();
    }

    /// <summary>All verbs; or, after a verb's words (<c>tenants create --help</c>, <c>tenants --help</c>), only its own.</summary>
    public static string Help(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = args.Where(a => !a.StartsWith('-') && a != "help").Take(2).ToArray();
        var exact = Commands.Where(c => c.Words == string.Join(' ', words)).ToList();
        var chosen = exact.Count > 0 ? exact : Commands.Where(c => words.Length > 0 && c.Words.Split(' ')[0] == words[0]).ToList();
        var lines = (chosen.Count > 0 ? chosen : Commands.ToList()).Select(c => $"  {c.Words} {c.Arguments}".TrimEnd());
        return $"""
            Usage: netvaerk [{AppDataOption} PATH] VERB ...   (from the repository: dotnet run --project src/NetvaerkPortal.Web -- VERB ...)
            {string.Join(Environment.NewLine, lines)}
            App_Data: {AppDataOption} PATH, else Portal__AppDataPath, else ./App_Data; relative paths are from the current directory.
            """;
    }

    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    private static Command? Find(string[] args) =>
        Commands.FirstOrDefault(c => c.Words.Split(' ') is var words && args.Length >= words.Length && words.SequenceEqual(args.Take(words.Length), StringComparer.Ordinal));

    /// <summary>Takes <c>--app-data PATH</c> out of the arguments, resolved from the caller's directory.</summary>
    private static (string[] Verb, Dictionary<string, string?> Settings) TakeAppData(string[] args, IDictionary<string, string?>? configuration)
    {
        var settings = new Dictionary<string, string?>(configuration ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] != AppDataOption && !args[i].StartsWith(AppDataOption + "=", StringComparison.Ordinal))
            {
                rest.Add(args[i]);
                continue;
            }

            var value = args[i].Length > AppDataOption.Length ? args[i][(AppDataOption.Length + 1)..] : i + 1 < args.Length ? args[++i] : "";
            if (string.IsNullOrWhiteSpace(value) || value.Contains('\0', StringComparison.Ordinal))
            {
                throw new CommandException($"{AppDataOption} needs the path of the portal's App_Data folder. Example: {AppDataOption} /srv/netvaerk/App_Data");
            }

            settings["Portal:AppDataPath"] = Path.GetFullPath(value);
        }

        return ([.. rest], settings);
    }
}
