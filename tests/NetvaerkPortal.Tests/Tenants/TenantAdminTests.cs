using System.Net;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Tenants;

/// <summary>The Default tenant's administrators create and disable organisations from the admin.</summary>
public sealed class TenantAdminTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server; // starts the host, which sets up Default
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private static Dictionary<string, string> NewOrganisation(string name, string prefix) => new()
    {
        ["Input.SiteName"] = "Formandsnetværket",
        ["Input.Name"] = name,
        ["Input.Prefix"] = prefix,
        ["Input.Recipe"] = "ftf-formaend",
        ["Input.AdminUserName"] = "formand",
        ["Input.AdminEmail"] = "formand@example.dk",
        ["Input.AdminPassword"] = "Formand-Kodeord-1",
    };

    [Fact]
    public async Task An_administrator_creates_an_organisation_that_answers_at_its_prefix_and_whose_admin_can_sign_in()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var response = await admin.SubmitAsync("/admin/tenants", NewOrganisation("Formaend", "formaend"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Organisationen Formaend er oprettet", await response.Content.ReadAsStringAsync());
        Assert.Equal(TenantState.Running, _portal.Store.Find("Formaend")?.State);
        using var chairperson = new BrowserlessSession(_portal, "/formaend");
        await chairperson.SignInAsync("formand", "Formand-Kodeord-1");
        Assert.Equal(HttpStatusCode.OK, (await chairperson.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_reserved_prefix_is_refused_in_danish_and_nothing_is_created()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var response = await admin.SubmitAsync("/admin/tenants", NewOrganisation("Api", "api"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("URL-præfikset »api« bruges af portalen selv", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Null(_portal.Store.Find("Api"));
        Assert.DoesNotContain("Api", _portal.AppData.SiteFolders());
    }

    [Fact]
    public async Task Without_sign_in_the_tenant_admin_redirects_to_the_login_and_a_post_without_token_is_refused()
    {
        using var anonymous = new BrowserlessSession(_portal);

        var page = await anonymous.GetAsync("/admin/tenants");
        var post = await anonymous.PostAsync("/admin/tenants", NewOrganisation("Snyd", "snyd"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Null(_portal.Store.Find("Snyd"));
    }

    [Fact]
    public async Task Tenant_management_does_not_exist_on_an_organisation_tenant()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        await admin.SubmitAsync("/admin/tenants", NewOrganisation("Formaend", "formaend"));
        using var chairperson = new BrowserlessSession(_portal, "/formaend");
        await chairperson.SignInAsync("formand", "Formand-Kodeord-1");

        var response = await chairperson.GetAsync("/admin/tenants");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Disabling_an_organisation_makes_its_urls_answer_404()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);
        await admin.SubmitAsync("/admin/tenants", NewOrganisation("Formaend", "formaend"));

        var response = await admin.SubmitAsync("/admin/tenants", new Dictionary<string, string> { ["name"] = "Formaend" }, "/admin/tenants?handler=Disable");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await new BrowserlessSession(_portal).GetAsync("/formaend/")).StatusCode);
    }
}
