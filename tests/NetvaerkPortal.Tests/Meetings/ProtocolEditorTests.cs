using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Protocols;
using NetvaerkPortal.Content;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>Copying a protocol into a network and the phase editor, as a browser without JavaScript uses them: every
/// button posts the form, and the page comes back with the change and everything typed.</summary>
[Collection(ProtocolPortalCollection.Name)]
public sealed partial class ProtocolEditorTests(ProtocolPortal portal)
{
    private static readonly string SparringPage = $"/protokoller/{ProtocolPortal.KollegialSparring}";

    /// <summary>The editor's fields as a browser would post them: every input and textarea with its value, checked boxes only.</summary>
    private static Dictionary<string, string> FormOf(string html)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(html))
        {
            var tag = input.Value;
            var name = WebUtility.HtmlDecode(NameOf().Match(tag).Groups[1].Value);
            if (name.Length == 0 || name == "action" || (tag.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !tag.Contains(" checked", StringComparison.Ordinal)))
            {
                continue;
            }

            form[name] = WebUtility.HtmlDecode(ValueOf().Match(tag).Groups[1].Value);
        }

        foreach (Match area in TextareaPattern().Matches(html))
        {
            form[WebUtility.HtmlDecode(area.Groups[1].Value)] = WebUtility.HtmlDecode(area.Groups[2].Value.TrimStart('\n'));
        }

        return form;
    }

    private static async Task<(HttpStatusCode Status, string Html)> ReadAsync(HttpResponseMessage response) =>
        (response.StatusCode, await response.Content.ReadAsStringAsync());

    /// <summary>Posts the editor's form as shown on <paramref name="html"/>, changed by <paramref name="change"/>, with the button <paramref name="action"/>.</summary>
    private static async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> PressAsync(BrowserlessSession session, string path, string html, string action, Action<Dictionary<string, string>>? change = null)
    {
        var form = FormOf(html);
        change?.Invoke(form);
        form["action"] = action;
        var response = await session.PostAsync(path, form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private async Task<string> CopyIntoXAsync()
    {
        var coordinator = await portal.SessionAsync("tovholder-x");
        var response = await coordinator.SubmitAsync(SparringPage, new Dictionary<string, string> { ["network"] = portal.NetworkX }, SparringPage + "/kopier");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/protokoller/[a-z0-9]{26}/rediger\\?kopieret=1$", location);
        return location.Split('/')[2];
    }

    [Fact]
    public async Task A_coordinator_copies_a_protocol_into_the_network_as_its_own_and_lands_in_the_editor()
    {
        var coordinator = await portal.SessionAsync("tovholder-x");
        var (_, page) = await ReadAsync(await coordinator.GetAsync(SparringPage));
        Assert.Contains("<option value=\"" + portal.NetworkX + "\">Netværk X</option>", page, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.NetworkY, page, StringComparison.Ordinal);

        var id = await CopyIntoXAsync();

        var copy = (await portal.LatestAsync(id))!;
        Assert.True(copy.Published);
        Assert.Equal("Kollegial sparring", copy.DisplayText);
        Assert.Equal(portal.NetworkX, copy.Text("NetworkItemPart", "NetworkContentItemId"));
        Assert.Equal("Network", copy.Text("VisibilityPart", "Visibility"));
        Assert.Equal(ProtocolPortal.KollegialSparring, ProtocolPart.CopiedFrom(copy));
        Assert.Equal(7, ProtocolPart.Phases(copy).Count);
        var (status, editor) = await ReadAsync(await coordinator.GetAsync($"/protokoller/{id}/rediger?kopieret=1"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Protokollen er kopieret til netværket.", editor, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SessionAsync("medlem-y")).GetAsync($"/protokoller/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_member_who_coordinates_nothing_cannot_copy_and_a_coordinator_only_into_their_own_network()
    {
        var member = await portal.SessionAsync("medlem-x");
        var coordinator = await portal.SessionAsync("tovholder-x");

        // The member's page has no copy form; the token comes from the page's sign-out form, as a forged form's would.
        var memberPage = await (await member.GetAsync(SparringPage)).Content.ReadAsStringAsync();
        var token = LayoutToken().Match(memberPage).Groups[1].Value;
        Assert.NotEmpty(token);
        var byMember = await member.PostAsync(SparringPage + "/kopier", new Dictionary<string, string> { ["network"] = portal.NetworkX, ["__RequestVerificationToken"] = token });
        var intoY = await coordinator.SubmitAsync(SparringPage, new Dictionary<string, string> { ["network"] = portal.NetworkY }, SparringPage + "/kopier");
        var withoutToken = await coordinator.PostAsync(SparringPage + "/kopier", new Dictionary<string, string> { ["network"] = portal.NetworkX });

        Assert.Equal(HttpStatusCode.NotFound, byMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, intoY.StatusCode);
        Assert.Contains("Vælg det netværk, protokollen skal kopieres til.", await intoY.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
    }

    [Fact]
    public async Task Add_move_and_remove_work_without_javascript_and_keep_what_was_typed()
    {
        var coordinator = await portal.SessionAsync("tovholder-x");
        var id = await CopyIntoXAsync();
        var path = $"/protokoller/{id}/rediger";
        var (_, html) = await ReadAsync(await coordinator.GetAsync(path));
        Assert.Contains("name=\"Phases[6].Name\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Phases[7].Name\"", html, StringComparison.Ordinal);

        var (status, added, _) = await PressAsync(coordinator, path, html, "add", form => form["Title"] = "Vores sparring");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"Phases[7].Name\" value=\"\" maxlength=\"100\" autofocus", added, StringComparison.Ordinal);
        Assert.Contains("value=\"Vores sparring\"", added, StringComparison.Ordinal);
        Assert.Contains("Fase 8 er tilføjet nederst.", added, StringComparison.Ordinal);

        (_, var moved, _) = await PressAsync(coordinator, path, added, "up-7", form =>
        {
            form["Phases[7].Name"] = "Pause";
            form["Phases[7].Minutes"] = "10";
        });
        Assert.Contains("name=\"Phases[6].Name\" value=\"Pause\"", moved, StringComparison.Ordinal);
        Assert.Contains("name=\"Phases[7].Name\" value=\"Afrunding\"", moved, StringComparison.Ordinal);

        (_, var down, _) = await PressAsync(coordinator, path, moved, "down-0");
        Assert.Contains("name=\"Phases[0].Name\" value=\"Præsentation af casen\"", down, StringComparison.Ordinal);
        Assert.Contains("name=\"Phases[1].Name\" value=\"Casting og rollefordeling\"", down, StringComparison.Ordinal);

        (_, var removed, _) = await PressAsync(coordinator, path, down, "remove-3");
        Assert.DoesNotContain("value=\"Afklarende spørgsmål\"", removed, StringComparison.Ordinal);
        Assert.Contains("name=\"Phases[6].Name\" value=\"Afrunding\"", removed, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Phases[7].Name\"", removed, StringComparison.Ordinal);

        // Nothing is stored until the protocol is saved.
        Assert.Equal(7, ProtocolPart.Phases((await portal.LatestAsync(id))!).Count);
        var (saved, _, response) = await PressAsync(coordinator, path, removed, "save");
        Assert.Equal(HttpStatusCode.Redirect, saved);
        Assert.Equal($"/protokoller/{id}?gemt=1", response.Headers.Location!.ToString());

        var stored = (await portal.LatestAsync(id))!;
        Assert.Equal("Vores sparring", stored.DisplayText);
        Assert.Equal(
            ["Præsentation af casen", "Casting og rollefordeling", "Fokusspørgsmål", "Refleksion", "Casegiverens respons", "Pause", "Afrunding"],
            ProtocolPart.Phases(stored).Select(p => p.Name));
        Assert.True(ProtocolPart.Phases(stored)[0].PerCase);
        Assert.Equal(10, ProtocolPart.Phases(stored).Single(p => p.Name == "Pause").Minutes);
        Assert.Contains("Protokollen er gemt.", await (await coordinator.GetAsync($"/protokoller/{id}?gemt=1")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_save_names_each_bad_field_beside_it_in_danish_keeps_the_typing_and_stores_nothing()
    {
        var coordinator = await portal.SessionAsync("tovholder-x");
        var id = await CopyIntoXAsync();
        var path = $"/protokoller/{id}/rediger";
        var (_, html) = await ReadAsync(await coordinator.GetAsync(path));

        var (status, page, _) = await PressAsync(coordinator, path, html, "save", form =>
        {
            form["Title"] = "Ny titel der ikke gemmes";
            form["Phases[1].Minutes"] = "ti";
            form["Phases[2].Name"] = "";
            form["Phases[3].Minutes"] = "300";
            form["Phases[4].Guidance"] = new string('g', ProtocolRules.TextLength + 1);
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Protokollen er ikke gemt. Ret det markerede:", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"phase-1-minutes-error\">Fase 2: Skriv minutterne som et helt tal fra 0 til 240.</p>", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"field-error\" id=\"phase-2-name-error\">Fase 3 mangler et navn. Giv fasen et navn.</p>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"phase-3-minutes-error\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"phase-4-guidance-error\"", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#phase-1-minutes\">", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Phases[1].Minutes\" value=\"ti\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ny titel der ikke gemmes\"", page, StringComparison.Ordinal);
        Assert.Equal("Kollegial sparring", (await portal.LatestAsync(id))!.DisplayText);
    }

    [Fact]
    public async Task Rows_left_empty_are_not_saved_and_errors_keep_the_number_the_writer_sees()
    {
        var editor = await portal.SessionAsync("redaktoer");
        var (_, html) = await ReadAsync(await editor.GetAsync("/protokoller/ny"));
        (_, html, _) = await PressAsync(editor, "/protokoller/ny", html, "add");
        (_, html, _) = await PressAsync(editor, "/protokoller/ny", html, "add");

        var (status, page, _) = await PressAsync(editor, "/protokoller/ny", html, "save", form =>
        {
            form["Title"] = "Kort tjek-ind";
            form["Phases[2].Name"] = "Runde";
            form["Phases[2].Minutes"] = "-3";
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("id=\"phase-2-minutes-error\">Fase 3: Skriv minutterne", page, StringComparison.Ordinal);
        Assert.DoesNotContain("phase-0-name-error", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_creates_an_organisation_protocol_that_every_member_can_read()
    {
        var editor = await portal.SessionAsync("redaktoer");
        var (_, html) = await ReadAsync(await editor.GetAsync("/protokoller/ny"));

        var (status, _, response) = await PressAsync(editor, "/protokoller/ny", html, "save", form =>
        {
            form["Title"] = "Walk and talk";
            form["Description"] = "Når netværket vil ud at gå.";
            form["Phases[0].Name"] = "Gåtur to og to";
            form["Phases[0].Minutes"] = "30";
            form["Phases[0].PerCase"] = "true";
            form["Phases[0].Speaks"] = "Begge på skift";
        });

        Assert.Equal(HttpStatusCode.Redirect, status);
        var id = response.Headers.Location!.ToString().Split('/', '?')[2];
        var stored = (await portal.LatestAsync(id))!;
        Assert.Equal("Tenant", stored.Text("VisibilityPart", "Visibility"));
        Assert.Null(stored.Text("NetworkItemPart", "NetworkContentItemId"));
        Assert.Equal([new ProtocolPhase("Gåtur to og to", 30, true, null, "Begge på skift")], ProtocolPart.Phases(stored));
        Assert.Equal(HttpStatusCode.OK, (await (await portal.SessionAsync("medlem-y")).GetAsync($"/protokoller/{id}")).StatusCode);
    }

    [Fact]
    public async Task Only_editors_create_and_change_the_organisations_protocols()
    {
        var coordinator = await portal.SessionAsync("tovholder-x");

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/protokoller/ny")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(SparringPage + "/rediger")).StatusCode);
        var post = await coordinator.SubmitAsync(SparringPage, new Dictionary<string, string> { ["Title"] = "Overtaget", ["Phases[0].Name"] = "A", ["Phases[0].Minutes"] = "1", ["action"] = "save" }, SparringPage + "/rediger");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Kollegial sparring", (await portal.LatestAsync(ProtocolPortal.KollegialSparring))!.DisplayText);
        Assert.Equal(HttpStatusCode.OK, (await (await portal.SessionAsync("redaktoer")).GetAsync(SparringPage + "/rediger")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_edits_the_networks_own_protocols_but_a_member_does_not()
    {
        var path = $"/protokoller/{portal.XProtocol}/rediger";

        Assert.Equal(HttpStatusCode.OK, (await (await portal.SessionAsync("tovholder-x")).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await portal.SessionAsync("medlem-x")).GetAsync(path)).StatusCode);
        Assert.Contains(path, await (await (await portal.SessionAsync("tovholder-x")).GetAsync($"/protokoller/{portal.XProtocol}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_through_the_editor_keeps_the_versions()
    {
        var coordinator = await portal.SessionAsync("tovholder-x");
        var id = await CopyIntoXAsync();
        var path = $"/protokoller/{id}/rediger";
        var (_, html) = await ReadAsync(await coordinator.GetAsync(path));

        await PressAsync(coordinator, path, html, "save", form => form["Phases[0].Minutes"] = "7");

        var versions = await portal.InTenantAsync(services => services.GetRequiredService<ContentManager>().ListVersionsAsync(id));
        Assert.Equal(2, versions.Count);
        Assert.Equal(7, ProtocolPart.Phases(versions[0])[0].Minutes);
        Assert.Equal(5, ProtocolPart.Phases(versions[1])[0].Minutes);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex LayoutToken();

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameOf();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueOf();

    [GeneratedRegex("<textarea [^>]*name=\"([^\"]*)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();
}
