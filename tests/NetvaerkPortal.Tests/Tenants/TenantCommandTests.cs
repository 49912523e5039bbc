using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>The <c>tenants</c> verbs of the command line, on an App_Data of their own.</summary>
public sealed class TenantCommandTests : IDisposable
{
    private readonly TempAppData _appData = new();

    public void Dispose() => _appData.Dispose();

    [Fact]
    public async Task Tenants_create_with_an_invalid_prefix_fails_with_one_line_and_creates_nothing()
    {
        var run = await RunAsync("tenants", "create", "Nyborg", "--prefix", "a/b", "--recipe", "nyborg-kommune");

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("'a/b'", line, StringComparison.Ordinal);
        Assert.False(File.Exists(_appData.TenantsFile), "A refused tenant must not be written to tenants.json.");
        Assert.Empty(_appData.SiteFolders());
    }

    [Fact]
    public async Task Tenants_create_without_a_recipe_fails_with_one_line_saying_what_is_missing()
    {
        var run = await RunAsync("tenants", "create", "Nyborg", "--prefix", "nyborg");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--recipe", Assert.Single(Lines(run.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_fails_with_one_line()
    {
        var run = await RunAsync("tenants", "explode");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("tenants explode", Assert.Single(Lines(run.Error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tenants_list_shows_the_tenants_that_tenants_create_made()
    {
        var create = await RunAsync("tenants", "create", "Nyborg", "--prefix", "nyborg", "--recipe", "nyborg-kommune", "--admin-password", PortalTestHost.AdminPassword);
        Assert.True(create.ExitCode == 0, create.Error);
        Assert.Contains("/nyborg/", create.Output, StringComparison.Ordinal);

        var list = await RunAsync("tenants", "list");

        Assert.Equal(0, list.ExitCode);
        var lines = Lines(list.Output);
        Assert.StartsWith("NAME", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines.Skip(1));
        Assert.Equal(["Nyborg", "Running", "nyborg", "-", "nyborg-kommune"], row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Tenants_disable_makes_the_tenant_disabled_in_the_list()
    {
        Assert.Equal(0, (await RunAsync("tenants", "create", "Nyborg", "--prefix", "nyborg", "--recipe", "nyborg-kommune", "--admin-password", PortalTestHost.AdminPassword)).ExitCode);

        var disable = await RunAsync("tenants", "disable", "Nyborg");
        var list = await RunAsync("tenants", "list");

        Assert.Equal(0, disable.ExitCode);
        Assert.Contains("Disabled", Lines(list.Output).Single(l => l.StartsWith("Nyborg", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PortalCommands.RunAsync(args, output, error, new Dictionary<string, string?> { ["Portal:AppDataPath"] = _appData.Path });
        return (exitCode, output.ToString(), error.ToString());
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
