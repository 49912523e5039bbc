using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>A new organisation starts from the neutral starter recipe: an empty portal with its own name, nothing of the
/// case organisations'.</summary>
public sealed partial class StarterRecipeTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server; // sets up Default, which manages the organisations
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private static Dictionary<string, string> Organisation(string siteName, string name, string? recipe = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.SiteName"] = siteName,
            ["Input.Name"] = name,
            ["Input.Prefix"] = name.ToLowerInvariant(),
            ["Input.AdminUserName"] = "leder",
            ["Input.AdminEmail"] = "leder@example.dk",
            ["Input.AdminPassword"] = "Leder-Kodeord-1",
        };
        if (recipe is not null)
        {
            form["Input.Recipe"] = recipe;
        }

        return form;
    }

    private async Task<BrowserlessSession> DefaultAdminAsync()
    {
        var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        return admin;
    }

    [Fact]
    public async Task The_create_form_offers_the_starter_first_and_chosen_and_labels_the_others_as_examples()
    {
        using var admin = await DefaultAdminAsync();

        var html = WebUtility.HtmlDecode(await (await admin.GetAsync("/admin/tenants")).Content.ReadAsStringAsync());

        var options = OptionPattern().Matches(html).Select(m => (Value: m.Groups[1].Value, Selected: m.Groups[2].Success, Label: m.Groups[3].Value)).ToList();
        Assert.Equal(("ny-organisation", true), (options[0].Value, options[0].Selected));
        Assert.Contains("anbefalet", options[0].Label, StringComparison.Ordinal);
        Assert.All(options.Skip(1), o => Assert.StartsWith("Eksempel: ", o.Label, StringComparison.Ordinal));
        Assert.DoesNotContain(options, o => o.Value == "netvaerk-portal");
        Assert.Contains("<label for=\"siteName\">Organisationens navn</label>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_created_from_the_starter_has_its_own_name_and_no_other_organisations_content()
    {
        using var admin = await DefaultAdminAsync();

        // The form's default recipe, not named in the post: the starter.
        var response = await admin.SubmitAsync("/admin/tenants", Organisation("Vesthavn Kommune", "Vesthavn"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ny-organisation", _portal.Store.Find("Vesthavn")?.RecipeName);
        using var visitor = new BrowserlessSession(_portal, "/vesthavn");
        var front = WebUtility.HtmlDecode(await (await visitor.GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("<title>Vesthavn Kommune</title>", front, StringComparison.Ordinal);
        Assert.Contains("<span class=\"brand__name\">Vesthavn Kommune</span>", front, StringComparison.Ordinal);
        Assert.Contains("Portalen er tom endnu", front, StringComparison.Ordinal);
        foreach (var other in new[] { "Nyborg", "Aarhus", "Socialrådgiver", "Formand", "Tværgående ledernetværk", "Vesthavn</title>" })
        {
            Assert.DoesNotContain(other, front, StringComparison.Ordinal);
        }

        // No other organisation's content; the built-in meeting protocols are the tool's, and come along.
        var items = await CountAsync("Vesthavn", db => db.ContentItems.CountAsync(r => r.ContentType != "Protocol"));
        Assert.Equal(0, items);
        Assert.Equal(6, await CountAsync("Vesthavn", db => db.ContentItems.Where(r => r.ContentType == "Protocol" && r.Latest).CountAsync()));
        // Once the new index is built (right after setup it answers "being rebuilt"), it finds nothing.
        var answer = "";
        Assert.True(await NetvaerkPortal.Tests.Search.Eventually.TrueAsync(async () =>
        {
            var search = await visitor.GetAsync("/api/search?q=netværk");
            answer = await search.Content.ReadAsStringAsync();
            return search.StatusCode == HttpStatusCode.OK;
        }), answer);
        Assert.Contains("\"total\":0", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_name_given_at_creation_wins_over_an_example_recipes_own()
    {
        using var admin = await DefaultAdminAsync();

        await admin.SubmitAsync("/admin/tenants", Organisation("Formændenes Netværk", "Formaend", "ftf-formaend"));

        var front = WebUtility.HtmlDecode(await (await new BrowserlessSession(_portal, "/formaend").GetAsync("/")).Content.ReadAsStringAsync());
        Assert.Contains("<title>Formændenes Netværk</title>", front, StringComparison.Ordinal);
        Assert.DoesNotContain("FTF – Formandsnetværket</span>", front, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Vesthavn\u0000")]
    public async Task An_organisation_without_a_usable_name_is_refused_and_nothing_is_created(string siteName)
    {
        using var admin = await DefaultAdminAsync();

        // Multipart, as the browser sends this form (it can carry a recipe file).
        var response = await admin.SubmitWithFileAsync("/admin/tenants", Organisation(siteName, "Navnlos"), "Input.RecipeFile", "x.recipe.json", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Organisationen kunne ikke oprettes: ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(_portal.Store.Find("Navnlos"));
        Assert.DoesNotContain("Navnlos", _portal.AppData.SiteFolders());
    }

    private async Task<T> CountAsync<T>(string tenantName, Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = _portal.Services.GetRequiredService<TenantScopes>().Create(_portal.Store.Find(tenantName)!);
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"( selected=\"selected\")?>([^<]*)</option>")]
    private static partial Regex OptionPattern();
}
