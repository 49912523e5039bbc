using System.Net;
using System.Text;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>On /admin/tenants a new organisation's recipe is a shipped one, chosen by name, or an uploaded file:
/// never a path on the server, and an uploaded recipe cannot make the server read files.</summary>
public sealed class TenantRecipeUploadTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private static Dictionary<string, string> Organisation(string name, string recipe = "ftf-formaend") => new()
    {
        ["Input.SiteName"] = "Formandsnetværket",
        ["Input.Name"] = name,
        ["Input.Prefix"] = name.ToLowerInvariant(),
        ["Input.Recipe"] = recipe,
        ["Input.AdminUserName"] = "formand",
        ["Input.AdminEmail"] = "formand@example.dk",
        ["Input.AdminPassword"] = "Formand-Kodeord-1",
    };

    private const string SmallRecipe = """
        { "name": "lille", "steps": [
          { "name": "feature", "enable": [ "Netvaerk.Networks" ] },
          { "name": "settings", "SiteName": "Lille forening" } ] }
        """;

    [Fact]
    public async Task A_server_path_as_the_recipe_is_refused_and_nothing_is_created()
    {
        // A readable recipe file on the server, outside the catalog: the old page ran whatever path it was given.
        var path = Path.Combine(_portal.AppData.Path, "server.recipe.json");
        await File.WriteAllTextAsync(path, SmallRecipe);
        using var admin = await SignedInAsync();

        var byPath = await admin.SubmitAsync("/admin/tenants", Organisation("Sti", path));
        var notOffered = await admin.SubmitAsync("/admin/tenants", Organisation("Hoved", "netvaerk-portal"));

        Assert.Equal(HttpStatusCode.BadRequest, byPath.StatusCode);
        Assert.Contains("Vælg en af portalens opskrifter", WebUtility.HtmlDecode(await byPath.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notOffered.StatusCode);
        Assert.Null(_portal.Store.Find("Sti"));
        Assert.Null(_portal.Store.Find("Hoved"));
        Assert.DoesNotContain("Sti", _portal.AppData.SiteFolders());
    }

    [Fact]
    public async Task An_uploaded_recipe_sets_up_the_organisation()
    {
        using var admin = await SignedInAsync();

        var response = await admin.SubmitWithFileAsync("/admin/tenants", Organisation("Lille", recipe: ""), "Input.RecipeFile", "lille.recipe.json", Encoding.UTF8.GetBytes(SmallRecipe));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Organisationen Lille er oprettet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tenant = _portal.Store.Find("Lille");
        Assert.Equal(TenantState.Running, tenant?.State);
        Assert.Equal("(upload) lille", tenant?.RecipeName);
    }

    public static TheoryData<string, string> UploadsThatReadFiles => new()
    {
        { """{ "name": "x", "steps": [ { "name": "settings", "Footer": "[file:text('/etc/passwd')]" } ] }""", "no folder" },
        { """{ "name": "x", "steps": [ { "name": "settings", "Footer": "[file:text('notes.txt')]" } ] }""", "no folder" },
        { """{ "name": "x", "steps": [ { "name": "media", "Files": [ { "TargetPath": "a.txt", "SourcePath": "a.txt" } ] } ] }""", "no folder" },
        { """{ "name": "x", "steps": [ { "name": "recipes", "Values": [ { "name": "/etc/x.recipe.json" } ] } ] }""", "never a path" },
        { """{ "name": "x", "steps": [ { "name": "lucene-index", "Indices": [ { "..": { "AnalyzerName": "danish" } } ] } ] }""", "index name" },
        { """{ "name": "x", "steps": [ ] """, "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(UploadsThatReadFiles))]
    public async Task An_uploaded_recipe_that_refers_to_files_or_paths_is_refused_with_a_clear_message(string recipe, string expected)
    {
        using var admin = await SignedInAsync();

        var response = await admin.SubmitWithFileAsync("/admin/tenants", Organisation("Fil"), "Input.RecipeFile", "x.recipe.json", Encoding.UTF8.GetBytes(recipe));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(_portal.Store.Find("Fil"));
        Assert.DoesNotContain("Fil", _portal.AppData.SiteFolders());
    }

    [Fact]
    public async Task An_upload_over_1_MB_or_not_utf8_is_refused()
    {
        using var admin = await SignedInAsync();
        var large = Encoding.UTF8.GetBytes("{ \"name\": \"x\", \"description\": \"" + new string('a', RecipeUploadLimit) + "\" }");

        var tooLarge = await admin.SubmitWithFileAsync("/admin/tenants", Organisation("Stor"), "Input.RecipeFile", "x.recipe.json", large);
        var notText = await admin.SubmitWithFileAsync("/admin/tenants", Organisation("Binaer"), "Input.RecipeFile", "x.recipe.json", [0xff, 0xfe, 0x00, 0x7b]);

        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("for stor", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notText.StatusCode);
        Assert.Contains("ikke UTF-8", await notText.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(_portal.Store.Find("Stor"));
    }

    [Fact]
    public async Task A_file_of_several_megabytes_gets_the_clear_message_and_a_body_over_the_form_limit_a_plain_400()
    {
        using var admin = await SignedInAsync();

        var threeMegabytes = await admin.SubmitWithFileAsync("/admin/tenants", Organisation("Kaempe"), "Input.RecipeFile", "x.recipe.json", new byte[3 * RecipeUploadLimit]);
        var overTheFormLimit = await admin.SubmitWithFileAsync("/admin/tenants", Organisation("Kaempe"), "Input.RecipeFile", "x.recipe.json", new byte[9 * RecipeUploadLimit]);

        Assert.Equal(HttpStatusCode.BadRequest, threeMegabytes.StatusCode);
        Assert.Contains("for stor", await threeMegabytes.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, overTheFormLimit.StatusCode);
        Assert.Null(_portal.Store.Find("Kaempe"));
    }

    private const int RecipeUploadLimit = NetvaerkPortal.Web.Pages.Admin.Tenants.RecipeUpload.MaxBytes;

    private async Task<BrowserlessSession> SignedInAsync()
    {
        var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        return admin;
    }
}
