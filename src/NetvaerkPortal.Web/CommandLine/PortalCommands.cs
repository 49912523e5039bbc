using NetvaerkPortal.Web.Hosting;

namespace NetvaerkPortal.Web.CommandLine;

/// <summary>The portal's command-line verbs: the same services and App_Data as the web server, without the server.</summary>
public static class PortalCommands
{
    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "tenants", "recipes", "users", "tokens", "search", "content", "help", "--help" };

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null, IDictionary<string, string?>? configuration = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        using var host = BuildHost(configuration);
        try
        {
            return await Dispatch(host.Services, args, output);
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

    private static async Task<int> Dispatch(IServiceProvider services, string[] args, TextWriter output)
    {
        var words = args.Take(2).ToArray();
        var rest = args.Skip(2).ToArray();
        switch (words)
        {
            case ["tenants", "list"]:
                return TenantCommands.List(services, output);
            case ["tenants", "create"]:
                return await TenantCommands.CreateAsync(services, rest, output);
            case ["tenants", "disable"]:
                return TenantCommands.Disable(services, rest, output);
            case ["recipes", "validate"]:
                return await RecipeCommands.ValidateAsync(services, rest, output);
            case ["recipes", "run"]:
                return await RecipeCommands.RunAsync(services, rest, output);
            case ["users", "create"]:
                return await UserCommands.CreateAsync(services, rest, output);
            case ["users", "delete"]:
                return await UserCommands.DeleteAsync(services, rest, output);
            case ["users", "reset-password"]:
                return await UserCommands.ResetPasswordAsync(services, rest, output);
            case ["tokens", "create"]:
                return await TokenCommands.CreateAsync(services, rest, output);
            case ["tokens", "revoke"]:
                return await TokenCommands.RevokeAsync(services, rest, output);
            case ["tokens", "list"]:
                return await TokenCommands.ListAsync(services, rest, output);
            case ["search", "rebuild"]:
                return await SearchCommands.RebuildAsync(services, rest, output);
            case ["content", "export"]:
                return await RecipeCommands.ExportAsync(services, rest, output);
            default:
                await output.WriteLineAsync(Usage);
                return words is ["help"] or ["--help"] ? 0 : throw new CommandException($"Unknown command '{string.Join(' ', words)}'. Run 'help' for the list.");
        }
    }

    public const string Usage = """
        Usage: dotnet run --project src/NetvaerkPortal.Web -- VERB ...
          tenants list
          tenants create NAME (--prefix P | --host H) --recipe NAME|PATH [--param K=V]... [--admin-user U] [--admin-password P] [--admin-email E] [--skip-unsupported]
                         [--database-provider Sqlite|Postgres] [--connection-string CS]
          tenants disable NAME
          recipes validate PATH [--skip-unsupported]
          recipes run --tenant NAME PATH [--skip-unsupported]
          users create --tenant T --user U --email E --password P [--role R]... [--network ID]... [--coordinator ID]...
          users delete --tenant T --user U
          users reset-password --tenant T --user U [--password P]
          tokens create --tenant T --user U [--name N] [--expires-days D]
          tokens revoke --tenant T (--user U | --id N)
          tokens list --tenant T [--user U]
          content export --tenant T [--type TYPE]
          search rebuild --tenant T [--index NAME]
        """;

    public static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
