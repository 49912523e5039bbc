using System.Text.Json.Nodes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>Creating a tenant is all or nothing: a refused or failed creation says why and leaves
/// neither a tenants.json entry nor a site folder behind.</summary>
public sealed class TenantCreationTests
{
    [Fact]
    public async Task A_created_tenant_is_running_with_its_entry_and_site_folder()
    {
        await using var host = PortalTestHost.Create();

        var tenant = await host.CreateTenantAsync("Nyborg", prefix: "nyborg");

        Assert.Equal(TenantState.Running, tenant.State);
        Assert.Equal([("Nyborg", "Running", "nyborg")], EntriesIn(host.AppData));
        Assert.Equal(["Nyborg"], host.AppData.SiteFolders());
    }

    [Theory]
    [InlineData("Nyborg")]
    [InlineData("nyborg")]
    public async Task A_duplicate_name_is_refused_and_leaves_no_second_entry(string duplicate)
    {
        await using var host = PortalTestHost.Create();
        await host.CreateTenantAsync("Nyborg", prefix: "nyborg");

        var refused = await Assert.ThrowsAsync<TenantSetupException>(() => host.CreateTenantAsync(duplicate, prefix: "andet"));

        Assert.Contains("'Nyborg' already exists", refused.Message, StringComparison.Ordinal);
        Assert.Equal([("Nyborg", "Running", "nyborg")], EntriesIn(host.AppData));
        Assert.Equal(["Nyborg"], host.AppData.SiteFolders());
    }

    [Fact]
    public async Task A_duplicate_prefix_is_refused_naming_the_tenant_that_has_it()
    {
        await using var host = PortalTestHost.Create();
        await host.CreateTenantAsync("Nyborg", prefix: "nyborg");

        var refused = await Assert.ThrowsAsync<TenantSetupException>(() => host.CreateTenantAsync("Andet", prefix: "nyborg"));

        Assert.Contains("'nyborg'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'Nyborg'", refused.Message, StringComparison.Ordinal);
        Assert.Equal([("Nyborg", "Running", "nyborg")], EntriesIn(host.AppData));
        Assert.Equal(["Nyborg"], host.AppData.SiteFolders());
    }

    [Fact]
    public async Task A_duplicate_host_is_refused()
    {
        await using var host = PortalTestHost.Create();
        await host.CreateTenantAsync("Aarhus", host: "aarhus.example.test");

        var refused = await Assert.ThrowsAsync<TenantSetupException>(() => host.CreateTenantAsync("Andet", host: "aarhus.example.test"));

        Assert.Contains("'aarhus.example.test' is already used by tenant 'Aarhus'", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["Aarhus"], EntriesIn(host.AppData).Select(e => e.Name));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../x")]
    [InlineData("Admin")]
    [InlineData("admin")]
    [InlineData("api")]
    [InlineData("nyborg kommune")]
    [InlineData("-nyborg")]
    [InlineData("%2e%2e")]
    public async Task An_unsafe_or_reserved_prefix_is_refused_and_leaves_nothing(string prefix)
    {
        await using var host = PortalTestHost.Create();

        var refused = await Assert.ThrowsAsync<TenantSetupException>(() => host.CreateTenantAsync("Nyborg", prefix: prefix));

        Assert.Contains($"The URL prefix '{prefix}'", refused.Message, StringComparison.Ordinal);
        Assert.Matches(@"\. (Use|Choose) ", refused.Message);
        Assert.Empty(EntriesIn(host.AppData));
        Assert.Empty(host.AppData.SiteFolders());
    }

    [Theory]
    [InlineData("1nyborg")]
    [InlineData("ny/borg")]
    [InlineData("..")]
    [InlineData("")]
    public async Task An_unsafe_name_is_refused_and_leaves_nothing(string name)
    {
        await using var host = PortalTestHost.Create();

        var refused = await Assert.ThrowsAsync<TenantSetupException>(() => host.CreateTenantAsync(name, prefix: "nyborg"));

        Assert.Contains($"The tenant name '{name}' is not allowed", refused.Message, StringComparison.Ordinal);
        Assert.Empty(EntriesIn(host.AppData));
        Assert.Empty(host.AppData.SiteFolders());
    }

    [Fact]
    public async Task A_tenant_without_prefix_or_host_is_refused()
    {
        await using var host = PortalTestHost.Create();

        var refused = await Assert.ThrowsAsync<TenantSetupException>(() => host.Tenants.CreateAsync(
            new CreateTenantRequest("Nyborg", null, null, "nyborg-kommune", new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword))));

        Assert.Contains("--prefix", refused.Message, StringComparison.Ordinal);
        Assert.Empty(EntriesIn(host.AppData));
    }

    [Fact]
    public async Task A_setup_that_fails_removes_entry_and_folder_so_it_can_be_tried_again()
    {
        await using var host = PortalTestHost.Create();
        var weak = new CreateTenantRequest("Nyborg", "nyborg", null, "nyborg-kommune", new SetupRequest("admin", "admin@example.test", "kort"));

        var failed = await Assert.ThrowsAsync<TenantSetupException>(() => host.Tenants.CreateAsync(weak));

        Assert.Contains("admin user", failed.Message, StringComparison.Ordinal);
        Assert.Empty(EntriesIn(host.AppData));
        Assert.Empty(host.AppData.SiteFolders());

        var tenant = await host.CreateTenantAsync("Nyborg", prefix: "nyborg");
        Assert.Equal(TenantState.Running, tenant.State);
    }

    [Fact]
    public async Task A_registered_tenant_whose_recipe_fails_goes_back_to_uninitialized_without_database_or_folder()
    {
        await using var host = PortalTestHost.Create();
        var broken = Path.Combine(host.AppData.Path, "broken.recipe.json");
        await File.WriteAllTextAsync(broken, """{ "name": "broken", "steps": [ { "name": "feature", "enable": [] }, { "name": "content", "data": [ { "ContentType": "Ukendt" } ] } ] }""");
        host.Tenants.Register(new TenantSettings { Name = "Default", RecipeName = broken });

        var failed = await Assert.ThrowsAsync<NetvaerkPortal.Recipes.RecipeException>(() =>
            host.Tenants.SetupExistingAsync("Default", new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));

        Assert.Contains("step 2 'content'", failed.Message, StringComparison.Ordinal);
        Assert.Equal([("Default", "Uninitialized", "")], EntriesIn(host.AppData));
        Assert.Empty(host.AppData.SiteFolders());

        host.Tenants.Register(new TenantSettings { Name = "Default", RecipeName = host.AppData.EmptyRecipe() });
        var retried = await host.Tenants.SetupExistingAsync("Default", new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword));
        Assert.Equal(TenantState.Running, retried.Tenant.State);
    }

    [Fact]
    public async Task A_leftover_site_folder_is_not_taken_over()
    {
        await using var host = PortalTestHost.Create();
        var leftover = Directory.CreateDirectory(host.AppData.SitePath("Nyborg"));
        await File.WriteAllTextAsync(Path.Combine(leftover.FullName, "keep.txt"), "someone's data");

        var refused = await Assert.ThrowsAsync<TenantSetupException>(() => host.CreateTenantAsync("Nyborg", prefix: "nyborg"));

        Assert.Contains("already exists but no tenant uses it", refused.Message, StringComparison.Ordinal);
        Assert.Empty(EntriesIn(host.AppData));
        Assert.True(File.Exists(Path.Combine(leftover.FullName, "keep.txt")));
    }

    [Fact]
    public async Task Default_cannot_be_disabled()
    {
        await using var host = PortalTestHost.Create();
        await host.CreateTenantAsync("Default", prefix: "standard");

        var refused = Assert.Throws<TenantSetupException>(() => host.Tenants.Disable("Default"));

        Assert.Contains("cannot be disabled", refused.Message, StringComparison.Ordinal);
        Assert.Equal(TenantState.Running, host.Tenants.List().Single().State);
    }

    /// <summary>The entries of tenants.json as written on disk.</summary>
    private static List<(string Name, string State, string Prefix)> EntriesIn(TempAppData appData) =>
        !File.Exists(appData.TenantsFile)
            ? []
            : JsonNode.Parse(File.ReadAllText(appData.TenantsFile))!["Tenants"]!.AsArray()
                .Select(t => ((string)t!["Name"]!, (string)t["State"]!, (string)t["RequestUrlPrefix"]!))
                .ToList();
}
