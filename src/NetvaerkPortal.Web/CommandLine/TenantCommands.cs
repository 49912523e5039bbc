using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.CommandLine;

internal static class TenantCommands
{
    /// <summary>A recipe file is kept in tenants.json by its full path, resolved from the caller's directory now, so it
    /// means the same file whoever reads it later; a shipped recipe stays a name.</summary>
    private static string RecipeArgument(IServiceProvider services, string recipe) =>
        NetvaerkPortal.Recipes.RecipeCatalog.LooksLikePath(recipe) && !recipe.Contains('\0', StringComparison.Ordinal)
            && services.GetRequiredService<NetvaerkPortal.Recipes.RecipeCatalog>().Named(recipe) is null
            ? Path.GetFullPath(recipe)
            : recipe;

    public static int List(IServiceProvider services, TextWriter output)
    {
        var tenants = services.GetRequiredService<TenantManager>().List();
        output.WriteLine($"{"NAME",-28} {"STATE",-14} {"PREFIX",-24} {"HOST",-28} RECIPE");
        foreach (var tenant in tenants.OrderBy(t => t.IsDefault ? 0 : 1).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            output.WriteLine($"{tenant.Name,-28} {tenant.State,-14} {Dash(tenant.RequestUrlPrefix),-24} {Dash(tenant.RequestUrlHost),-28} {tenant.RecipeName}");
        }

        return 0;
    }

    public static async Task<int> CreateAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string> { "skip-unsupported" });
        var name = arguments.Words.FirstOrDefault()
            ?? throw new CommandException("Name the tenant. Example: tenants create Nyborg --prefix nyborg --recipe nyborg-kommune");
        var setup = services.GetRequiredService<IOptions<PortalOptions>>().Value.Setup;
        var request = new CreateTenantRequest(
            name,
            arguments.Option("prefix"),
            arguments.Option("host"),
            RecipeArgument(services, arguments.Required("recipe", "--recipe nyborg-kommune")),
            new SetupRequest(
                arguments.Option("admin-user") ?? setup.AdminUserName,
                arguments.Option("admin-email") ?? setup.AdminEmail,
                arguments.Option("admin-password") ?? setup.AdminPassword,
                Parameters(arguments.All("param")),
                arguments.Flag("skip-unsupported")),
            arguments.Option("database-provider"),
            arguments.Option("connection-string"));
        var result = await services.GetRequiredService<TenantManager>().CreateAsync(request);
        foreach (var note in result.Notes)
        {
            output.WriteLine(note);
        }

        output.WriteLine($"Tenant '{result.Tenant.Name}' is running at {Where(result.Tenant)}. Administrator: {result.AdminUserName}");
        if (result.GeneratedPassword is not null)
        {
            output.WriteLine($"Generated password (shown once): {result.GeneratedPassword}");
        }

        return 0;
    }

    public static int Disable(IServiceProvider services, string[] args, TextWriter output)
    {
        var name = args.FirstOrDefault() ?? throw new CommandException("Name the tenant. Example: tenants disable Nyborg");
        var tenant = services.GetRequiredService<TenantManager>().Disable(name);
        output.WriteLine($"Tenant '{tenant.Name}' is disabled; its URLs answer 404 and its data is kept.");
        return 0;
    }

    private static Dictionary<string, string> Parameters(IReadOnlyList<string> pairs)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CommandException($"--param '{pair}' is not KEY=VALUE. Example: --param SiteName=\"Nyborg Kommune\"");
            }

            parameters[pair[..equals]] = pair[(equals + 1)..];
        }

        return parameters;
    }

    private static string Where(TenantSettings tenant) =>
        tenant.RequestUrlHost.Length > 0 ? $"http://{tenant.RequestUrlHost}/" : $"/{tenant.RequestUrlPrefix}/";

    private static string Dash(string value) => value.Length == 0 ? "-" : value;
}
