using NetvaerkPortal.Files;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>A failed setup removes what it made and nothing else: files that were in the tenant's folder before stay,
/// and a folder that holds someone else's files is not taken over at all.</summary>
public sealed class TenantSetupCleanupTests
{
    private const string BrokenRecipe = """{ "name": "broken", "steps": [ { "name": "content", "data": [ { "ContentType": "Ukendt" } ] } ] }""";

    [Fact]
    public async Task A_failed_setup_in_a_folder_with_foreign_files_deletes_none_of_them()
    {
        await using var host = PortalTestHost.Create();
        var folder = Directory.CreateDirectory(host.AppData.SitePath("Default")).FullName;
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "an operator's notes");
        host.Tenants.Register(new TenantSettings { Name = "Default", RecipeName = WriteBroken(host) });

        var failed = await Record.ExceptionAsync(() => host.Tenants.SetupExistingAsync("Default", Request()));

        Assert.IsType<TenantSetupException>(failed);
        Assert.Contains("did not create", failed.Message, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failed_setup_in_a_folder_the_portal_made_removes_only_what_this_setup_created()
    {
        await using var host = PortalTestHost.Create();
        var folder = host.AppData.SitePath("Default");
        OwnedFolders.CreateOwned(folder, "tenant site folder");
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "there before");
        host.Tenants.Register(new TenantSettings { Name = "Default", RecipeName = WriteBroken(host) });

        await Assert.ThrowsAsync<RecipeException>(() => host.Tenants.SetupExistingAsync("Default", Request()));

        Assert.Equal([OwnedFolders.MarkerFileName, "keep.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failed_setup_of_a_new_tenant_leaves_no_folder()
    {
        await using var host = PortalTestHost.Create();

        await Assert.ThrowsAsync<RecipeException>(() => host.Tenants.CreateAsync(new CreateTenantRequest("Nyborg", "nyborg", null, WriteBroken(host), Request())));

        Assert.Empty(host.AppData.SiteFolders());
    }

    [Fact]
    public async Task A_tenant_whose_folder_is_a_link_is_not_used()
    {
        await using var host = PortalTestHost.Create();
        var elsewhere = Directory.CreateDirectory(Path.Combine(host.AppData.Path, "elsewhere")).FullName;
        Directory.CreateDirectory(Path.Combine(host.AppData.Path, "Sites"));
        Directory.CreateSymbolicLink(host.AppData.SitePath("Default"), elsewhere);
        host.Tenants.Register(new TenantSettings { Name = "Default", RecipeName = host.AppData.EmptyRecipe() });

        var failed = await Record.ExceptionAsync(() => host.Tenants.SetupExistingAsync("Default", Request()));

        Assert.IsType<TenantSetupException>(failed);
        Assert.Contains("symbolic link", failed.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }

    private static SetupRequest Request() => new("admin", "admin@example.test", PortalTestHost.AdminPassword);

    private static string WriteBroken(PortalTestHost host)
    {
        var path = Path.Combine(host.AppData.Path, "broken.recipe.json");
        File.WriteAllText(path, BrokenRecipe);
        return path;
    }
}
