using System.Net;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Admin;

/// <summary>A signed-in user changes their own password; the old one stops working.</summary>
public sealed class ChangePasswordTests : IAsyncLifetime, IDisposable
{
    private readonly PortalWebFactory _portal = new();

    public Task InitializeAsync()
    {
        _ = _portal.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_new_password_works_and_the_old_one_does_not()
    {
        using var admin = new BrowserlessSession(_portal);
        await admin.SignInAsync("admin", PortalTestHost.AdminPassword);

        var wrong = await admin.SubmitAsync("/account/password", Form("forkert-kodeord", "Nyt-Kodeord-2026", "Nyt-Kodeord-2026"));
        var mismatch = await admin.SubmitAsync("/account/password", Form(PortalTestHost.AdminPassword, "Nyt-Kodeord-2026", "Andet-Kodeord-2026"));
        var changed = await admin.SubmitAsync("/account/password", Form(PortalTestHost.AdminPassword, "Nyt-Kodeord-2026", "Nyt-Kodeord-2026"));

        Assert.Contains("Den nuværende adgangskode er forkert.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.Contains("De to nye adgangskoder er ikke ens.", WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync()));
        Assert.Contains("Din adgangskode er skiftet.", WebUtility.HtmlDecode(await changed.Content.ReadAsStringAsync()));
        using var again = new BrowserlessSession(_portal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => again.SignInAsync("admin", PortalTestHost.AdminPassword));
        await again.SignInAsync("admin", "Nyt-Kodeord-2026");
    }

    private static Dictionary<string, string> Form(string current, string next, string confirm) => new()
    {
        ["currentPassword"] = current,
        ["newPassword"] = next,
        ["confirmPassword"] = confirm,
    };
}
