using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Media;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Tests.Media;

/// <summary>Portal:MediaPath: every tenant's media under one root that several nodes share, with the same refusals
/// below it as in a site folder (a link there leads nowhere), and a root that cannot mix with App_Data.</summary>
public sealed class SharedMediaPathTests : IDisposable
{
    private readonly TempAppData _shared = new();

    private string MediaRoot => Path.Combine(_shared.Path, "media");

    public void Dispose() => _shared.Dispose();

    /// <summary>A recipe that puts a logo in the media folder and makes it the tenant's logo; returns its path.</summary>
    private static string MediaRecipe(string folder)
    {
        var steps = new JsonArray(
            new JsonObject { ["name"] = "feature", ["enable"] = new JsonArray("Netvaerk.Networks", "Netvaerk.Theme") },
            new JsonObject { ["name"] = "media", ["Files"] = new JsonArray(new JsonObject { ["TargetPath"] = "billeder/logo.png", ["Base64"] = Convert.ToBase64String(TestImages.Png) }) },
            new JsonObject { ["name"] = "settings", ["Branding"] = new JsonObject { ["LogoPath"] = "/media/billeder/logo.png" } });
        var path = Path.Combine(folder, "medier.recipe.json");
        File.WriteAllText(path, new JsonObject { ["name"] = "medier", ["steps"] = steps }.ToJsonString());
        return path;
    }

    private static WebApplicationFactory<Program> WithMediaPath(PortalWebFactory factory, string mediaPath) =>
        factory.WithWebHostBuilder(builder => builder.UseSetting("Portal:MediaPath", mediaPath));

    [Fact]
    public async Task Media_written_on_one_node_lands_under_MediaPath_and_a_second_node_serves_it_from_there()
    {
        await using var first = new PortalWebFactory();
        var nodeA = WithMediaPath(first, MediaRoot);
        await nodeA.Services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
            "Medier", "medier", null, MediaRecipe(_shared.Path), new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));

        var stored = Path.Combine(MediaRoot, "Medier", "billeder", "logo.png");
        Assert.Equal(TestImages.Png, await File.ReadAllBytesAsync(stored));
        Assert.False(Directory.Exists(Path.Combine(first.AppData.SitePath("Medier"), MediaFiles.Folder)), "with MediaPath set nothing goes to the site folder's Media");
        Assert.Equal(TestImages.Png, await nodeA.CreateClient().GetByteArrayAsync("/medier/media/billeder/logo.png"));

        // Node B: its own App_Data that knows the tenant (as a shared registry would), the same media root.
        await using var second = new PortalWebFactory();
        await nodeA.DisposeAsync();
        SqliteConnection.ClearAllPools();
        CopyFolder(first.AppData.Path, second.AppData.Path);
        var nodeB = WithMediaPath(second, MediaRoot);
        var served = await nodeB.CreateClient().GetAsync(new Uri("/medier/media/billeder/logo.png", UriKind.Relative));
        var page = await nodeB.CreateClient().GetStringAsync("/medier/");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Contains("/medier/media/billeder/logo.png", page, StringComparison.Ordinal);
        await nodeB.DisposeAsync();
    }

    [Fact]
    public async Task A_node_without_MediaPath_does_not_find_media_that_lives_under_the_shared_root()
    {
        await using var first = new PortalWebFactory();
        var nodeA = WithMediaPath(first, MediaRoot);
        await nodeA.Services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
            "Medier", "medier", null, MediaRecipe(_shared.Path), new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));
        await nodeA.DisposeAsync();

        var response = await first.CreateClient().GetAsync(new Uri("/medier/media/billeder/logo.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task MediaPath_that_is_itself_a_link_is_the_operators_choice_and_works()
    {
        var real = Directory.CreateDirectory(Path.Combine(_shared.Path, "real-media")).FullName;
        var link = Path.Combine(_shared.Path, "media-link");
        Directory.CreateSymbolicLink(link, real);
        await using var factory = new PortalWebFactory();
        var node = WithMediaPath(factory, link);
        await node.Services.GetRequiredService<TenantManager>().CreateAsync(new CreateTenantRequest(
            "Medier", "medier", null, MediaRecipe(_shared.Path), new SetupRequest("admin", "admin@example.test", PortalTestHost.AdminPassword)));

        Assert.True(File.Exists(Path.Combine(real, "Medier", "billeder", "logo.png")));
        Assert.Equal(TestImages.Png, await node.CreateClient().GetByteArrayAsync("/medier/media/billeder/logo.png"));
        await node.DisposeAsync();
    }

    [Fact]
    public async Task A_tenant_folder_below_MediaPath_that_is_a_link_is_neither_served_nor_written()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_shared.Path, "elsewhere", "billeder")).Parent!.FullName;
        await File.WriteAllBytesAsync(Path.Combine(elsewhere, "billeder", "logo.png"), TestImages.Png);
        Directory.CreateDirectory(MediaRoot);
        Directory.CreateSymbolicLink(Path.Combine(MediaRoot, "Medier"), elsewhere);
        var error = new StringWriter();

        var created = await PortalCommands.RunAsync(["tenants", "create", "Medier", "--prefix", "medier", "--recipe", MediaRecipe(_shared.Path)], new StringWriter(), error, CommandConfiguration);

        Assert.NotEqual(0, created);
        Assert.Contains("target path 'billeder/logo.png' is refused", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(TestImages.Png, await File.ReadAllBytesAsync(Path.Combine(elsewhere, "billeder", "logo.png")));
        Assert.Single(Directory.GetFileSystemEntries(elsewhere));

        var media = new MediaLocations(Microsoft.Extensions.Options.Options.Create(new PortalOptions { MediaPath = MediaRoot, AppDataPath = "App_Data" }), new TestEnvironment(_shared.Path));
        Assert.Null(media.For("Medier", "unused").FullPath);
        Assert.Null(MediaFiles.Resolve(media.For("Medier", "unused"), "/media/billeder/logo.png"));
    }

    private Dictionary<string, string?> CommandConfiguration => new()
    {
        ["Portal:AppDataPath"] = Path.Combine(_shared.Path, "App_Data"),
        ["Portal:MediaPath"] = MediaRoot,
        ["Portal:Setup:AdminPassword"] = PortalTestHost.AdminPassword,
    };

    [Fact]
    public async Task A_failed_setup_removes_the_media_it_wrote_under_the_shared_root()
    {
        var recipe = MediaRecipe(_shared.Path);
        File.WriteAllText(recipe, File.ReadAllText(recipe).Replace("\"LogoPath\":\"/media/billeder/logo.png\"", "\"PrimaryColor\":\"red\"", StringComparison.Ordinal));
        var error = new StringWriter();

        var created = await PortalCommands.RunAsync(["tenants", "create", "Medier", "--prefix", "medier", "--recipe", recipe], new StringWriter(), error, CommandConfiguration);

        Assert.NotEqual(0, created);
        Assert.Contains("Branding.PrimaryColor", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(MediaRoot, "Medier")), "the media folder this setup made must go with it");
    }

    [Fact]
    public async Task Files_left_under_the_shared_root_by_an_earlier_tenant_of_that_name_stop_a_new_one()
    {
        Directory.CreateDirectory(Path.Combine(MediaRoot, "Medier"));
        await File.WriteAllTextAsync(Path.Combine(MediaRoot, "Medier", "gammel.png"), "x");
        var error = new StringWriter();

        var created = await PortalCommands.RunAsync(["tenants", "create", "Medier", "--prefix", "medier", "--recipe", MediaRecipe(_shared.Path)], new StringWriter(), error, CommandConfiguration);

        Assert.NotEqual(0, created);
        Assert.Contains("already exists but no tenant uses it", error.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(MediaRoot, "Medier", "gammel.png")));
    }

    public static TheoryData<string> HostileMediaPaths => new()
    {
        "App_Data",
        "App_Data/Sites",
        "App_Data/..",
        ".",
        "/",
        "med\0ier",
    };

    [Theory]
    [MemberData(nameof(HostileMediaPaths))]
    public void MediaPath_that_shares_a_folder_with_App_Data_or_is_no_folder_is_refused_with_what_to_do(string mediaPath)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => MediaLocations.SharedRootFor(mediaPath, "App_Data", _shared.Path));

        Assert.Contains("Portal:MediaPath", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Give a folder of its own", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MediaPath_relative_is_under_the_content_root_and_empty_keeps_the_site_folder()
    {
        Assert.Equal(Path.Combine(_shared.Path, "media"), MediaLocations.SharedRootFor("media/", "App_Data", _shared.Path));
        Assert.Null(MediaLocations.SharedRootFor("  ", "App_Data", _shared.Path));
        var defaults = new MediaLocations(Microsoft.Extensions.Options.Options.Create(new PortalOptions()), new TestEnvironment(_shared.Path));
        Assert.Equal(new MediaFolder("/srv/site", MediaFiles.Folder), defaults.For("Nyborg", "/srv/site"));
    }

    [Theory]
    [InlineData("../Default")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("nul")]
    public void Tenant_name_that_is_no_folder_name_gets_no_media_folder_under_the_shared_root(string name)
    {
        var media = new MediaLocations(Microsoft.Extensions.Options.Options.Create(new PortalOptions { MediaPath = MediaRoot }), new TestEnvironment(_shared.Path));

        Assert.Throws<TenantSetupException>(() => media.For(name, "unused"));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
        }
    }

    private sealed class TestEnvironment(string contentRoot) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "Test";

        public string ContentRootPath { get; set; } = contentRoot;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
