using System.Net;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Admin;

/// <summary>Administrators create and lock the tenant's users from the admin.</summary>
public sealed class UserAdminTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    private static Dictionary<string, string> NewUser(string name, string password, string role = "Member") => new()
    {
        ["Input.UserName"] = name,
        ["Input.Email"] = name + "@example.dk",
        ["Input.Password"] = password,
        ["Input.Role"] = role,
    };

    [Fact]
    public async Task A_created_user_signs_in_and_a_locked_user_cannot()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var created = await admin.SubmitAsync("/admin/users", NewUser("karen", "Karens-Kodeord-1", "Editor"));
        Assert.Contains("Brugeren karen er oprettet.", WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync()));
        using (var karen = new BrowserlessSession(_portal))
        {
            await karen.SignInAsync("karen", "Karens-Kodeord-1");
            Assert.Equal(HttpStatusCode.OK, (await karen.GetAsync("/admin/content")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await karen.GetAsync("/admin/users")).StatusCode);
        }

        var page = await (await admin.GetAsync("/admin/users")).Content.ReadAsStringAsync();
        var id = System.Text.RegularExpressions.Regex.Match(page, "name=\"id\" value=\"([^\"]+)\">\\s*<input type=\"hidden\" name=\"locked\" value=\"true\">\\s*<button[^>]*aria-label=\"Lås karen\"").Groups[1].Value;
        Assert.NotEmpty(id);
        await admin.SubmitAsync("/admin/users", new Dictionary<string, string> { ["id"] = id, ["locked"] = "true" }, "/admin/users?handler=Lock");

        using var locked = new BrowserlessSession(_portal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => locked.SignInAsync("karen", "Karens-Kodeord-1"));
    }

    [Fact]
    public async Task A_weak_password_and_a_taken_name_are_refused_in_danish()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var weak = await admin.SubmitAsync("/admin/users", NewUser("ole", "kort"));
        var taken = await admin.SubmitAsync("/admin/users", NewUser("admin", "Langt-Kodeord-1"));

        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("Adgangskoden skal være mindst 10 tegn.", WebUtility.HtmlDecode(await weak.Content.ReadAsStringAsync()));
        Assert.Contains("Brugernavnet »admin« er allerede i brug.", WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()));
    }
}
