using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Tests.Recipes;

/// <summary>Runs the portal's command line against its own temporary App_Data, as a user would.</summary>
public sealed class PortalCommandRunner : IDisposable
{
    private readonly TempAppData _appData = new();
    private readonly TestDatabase _database;

    /// <summary>A command line whose new tenants go to <paramref name="databaseProvider"/> (SQLite when null).</summary>
    public PortalCommandRunner(string? databaseProvider = null) => _database = TestDatabase.Create(databaseProvider);

    public string AppData => _appData.Path;

    public string TenantsFile => _appData.TenantsFile;

    public string SiteFolder(string tenant) => _appData.SitePath(tenant);

    /// <summary>A real Orchard Core recipe; copied into the repository (with its licence notice) so the tests need nothing beside it.</summary>
    public static string Fixture(string name) =>
        Path.Combine(RepositoryRoot, "tests", "NetvaerkPortal.Tests", "Fixtures", "orchardcore-recipes", name);

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task<CommandResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await PortalCommands.RunAsync(args, output, error, Configuration);
        return new CommandResult(exitCode, output.ToString(), error.ToString());
    }

    private Dictionary<string, string?> Configuration => new(_database.Settings)
    {
        ["Portal:AppDataPath"] = AppData,
        ["Portal:Setup:AdminPassword"] = "Test-Password-123",
    };

    /// <summary>Runs <paramref name="work"/> in a service scope of the named tenant.</summary>
    public async Task<T> InTenantAsync<T>(string tenantName, Func<IServiceProvider, Task<T>> work)
    {
        using var host = PortalCommands.BuildHost(Configuration);
        var tenant = host.Services.GetRequiredService<TenantStore>().Find(tenantName)
            ?? throw new InvalidOperationException($"No tenant {tenantName}");
        await using var scope = host.Services.GetRequiredService<TenantScopes>().Create(tenant);
        return await work(scope.ServiceProvider);
    }

    /// <summary>Writes a recipe file into a folder of its own inside App_Data and returns its path.</summary>
    public string WriteRecipe(string json, string fileName = "test.recipe.json")
    {
        var folder = Path.Combine(AppData, "recipes");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose()
    {
        _appData.Dispose();
        _database.Dispose();
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetvaerkPortal.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find NetvaerkPortal.sln above the test folder.");
    }
}

public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;
}
