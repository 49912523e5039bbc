using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using Visibility = NetvaerkPortal.Security.Visibility;
using NetvaerkPortal.Tests.Networks;
using NetvaerkPortal.Tests.Search;

namespace NetvaerkPortal.Tests.Admin;

/// <summary>A new item starts with its type's defaults (from the module's content handlers), so an editor who leaves
/// a field as the form shows it gets the module's choice, never a wider one.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class NewItemDefaultsTests(NetworkPortal portal)
{
    [Theory]
    [InlineData("MeetingNote", Visibility.Network)]
    [InlineData("KnowledgeArticle", Visibility.Tenant)]
    [InlineData("Case", Visibility.Public)]
    [InlineData("Network", Visibility.Public)]
    public async Task NewAsync_gives_each_type_its_modules_default_visibility(string type, string visibility)
    {
        var item = await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<ContentManager>().NewAsync(type));

        Assert.Equal(visibility, item.Text("VisibilityPart", "Visibility"));
        Assert.Equal(type, item.ContentType);
        Assert.False(item.Published);
    }

    [Fact]
    public async Task NewAsync_puts_no_visibility_on_a_type_without_VisibilityPart()
    {
        var item = await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<ContentManager>().NewAsync("Article"));

        Assert.Null(item.Part("VisibilityPart"));
    }

    [Fact]
    public async Task A_meeting_note_saved_as_the_admin_form_prefills_it_is_readable_only_by_its_networks_members()
    {
        var (html, antiforgeryCookie) = await GetFormAsync("/alfa/admin/content/new?type=MeetingNote");
        var fields = PrefilledFields(html);
        Assert.Equal(Visibility.Network, fields["p.VisibilityPart.Visibility"]);

        // What an editor must fill in; everything else is posted as the form showed it.
        fields["p.TitlePart.Title"] = "Fortroligt notat 7117";
        fields["p.MarkdownBodyPart.Markdown"] = "Vi drøftede zebrafinkeomlægningen 7117.";
        fields["p.MeetingNotePart.MeetingDate"] = "2026-11-12";
        fields["p.NetworkItemPart.NetworkContentItemId"] = portal.NetworkX;
        fields["action"] = "publish";
        var saved = await PostAsync("/alfa/admin/content/new?type=MeetingNote", fields, antiforgeryCookie);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var id = saved.Headers.Location!.OriginalString.Split('/')[^1].Split('?')[0];

        var stored = await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<ContentManager>().GetAsync(id));
        Assert.Equal(Visibility.Network, stored!.Text("VisibilityPart", "Visibility"));
        // Owned by the user's id, as the API and the site record it, and written by their name.
        var owner = await portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>().FindByIdAsync(stored.Owner));
        Assert.Equal(stored.Author, owner?.UserName);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(ReaderKind.MemberOfX, $"/alfa/content/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(ReaderKind.MemberOfY, $"/alfa/content/{id}"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(ReaderKind.Anonymous, $"/alfa/content/{id}"));

        // Once the member finds it, the index has it: the others still must not.
        Assert.True(await Eventually.TrueAsync(async () => await SearchTotalAsync(ReaderKind.MemberOfX, "zebrafinkeomlægningen") == 1));
        Assert.Equal(0, await SearchTotalAsync(ReaderKind.MemberOfY, "zebrafinkeomlægningen"));
        Assert.Equal(0, await SearchTotalAsync(ReaderKind.Anonymous, "zebrafinkeomlægningen"));
    }

    /// <summary>Every field of the editor's form with the value a browser would send untouched: inputs' values,
    /// textareas' text, and each select's selected option (else its first).</summary>
    private static Dictionary<string, string> PrefilledFields(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var form = document.QuerySelectorAll<IHtmlFormElement>("form[method=post]").Single(f => f.QuerySelector("[name='p.TitlePart.Title']") is not null);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            fields[name] = element switch
            {
                IHtmlSelectElement select => (select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.First()).Value,
                IHtmlTextAreaElement area => area.Value,
                IHtmlInputElement input => input.Value,
                _ => element.TextContent,
            };
        }

        return fields;
    }

    private async Task<(string Html, string AntiforgeryCookie)> GetFormAsync(string path)
    {
        using var editor = portal.Client(ReaderKind.Editor);
        var response = await editor.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = string.Join("; ", NetworkPortal.SetCookies(response).Where(c => c.Name.Contains("Antiforgery", StringComparison.Ordinal)).Select(c => $"{c.Name}={c.Value}"));
        return (await response.Content.ReadAsStringAsync(), cookie);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, string antiforgeryCookie)
    {
        using var client = portal.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", portal.Cookie(ReaderKind.Editor) + "; " + antiforgeryCookie);
        return await client.SendAsync(request);
    }

    private async Task<HttpStatusCode> StatusAsync(ReaderKind reader, string path)
    {
        using var client = portal.Client(reader);
        return (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
    }

    private async Task<int> SearchTotalAsync(ReaderKind reader, string query)
    {
        using var client = portal.Client(reader);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/alfa/api/search?q=" + Uri.EscapeDataString(query), UriKind.Relative)));
        return json.RootElement.GetProperty("total").GetInt32();
    }
}
