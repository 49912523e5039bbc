using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The invitation: the page, its print version, and the shape on its own (as an e-mail would render it).</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed partial class InvitationPageTests(MeetingsApiPortal portal)
{
    [Fact]
    public async Task The_invitation_has_the_agenda_with_clock_times_guidance_roles_chosen_cases_and_open_actions()
    {
        var meeting = await MeetingWithCaseAndActionAsync(days: 80);
        using var member = await portal.PageSessionAsync("carl");
        var html = await member.HtmlAsync($"/moeder/{meeting}/indkaldelse");

        Assert.Contains("Indkaldelse", html, StringComparison.Ordinal);
        Assert.Contains(MeetingsApiPortal.Purpose, html, StringComparison.Ordinal);
        Assert.Contains(MeetingsApiPortal.DesiredEffect, html, StringComparison.Ordinal);
        Assert.Matches(AgendaLine(), html);
        Assert.Contains("Case om vagtplaner", html, StringComparison.Ordinal);
        Assert.Contains("Hvordan får jeg alle med?", html, StringComparison.Ordinal);
        Assert.Contains("Ring til HR 2291", html, StringComparison.Ordinal);
        Assert.Contains("Mødeleder", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/alfa/moeder/" + meeting + "/indkaldelse?udskrift=1\"", html, StringComparison.Ordinal);
        // The link back is absolute: the shape does not depend on the request's path base.
        Assert.Matches(AbsoluteMeetingLink(), html);
    }

    [Fact]
    public async Task The_print_version_is_the_same_invitation_without_the_sites_header_menus_or_footer()
    {
        var meeting = await MeetingWithCaseAndActionAsync(days: 81);
        using var member = await portal.PageSessionAsync("carl");
        var html = await member.HtmlAsync($"/moeder/{meeting}/indkaldelse?udskrift=1");
        Assert.Contains("class=\"invitation", html, StringComparison.Ordinal);
        Assert.Contains("Case om vagtplaner", html, StringComparison.Ordinal);
        Assert.Contains("meetings.css", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("main-menu", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-footer", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_invitation_shape_renders_outside_a_request_with_the_links_it_is_given()
    {
        var meetingId = await MeetingWithCaseAndActionAsync(days: 82);
        var html = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var invitation = services.GetRequiredService<InvitationShape>();
            var meeting = (await services.GetRequiredService<MeetingPlanner>().GetAsync(meetingId))!;
            return await invitation.RenderAsync(await invitation.BuildAsync(meeting, "https://portal.example.dk/alfa"));
        });
        Assert.Contains($"href=\"https://portal.example.dk/alfa/moeder/{meetingId}\"", html, StringComparison.Ordinal);
        Assert.Contains("Case om vagtplaner", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_refusal_the_meeting_services_give_has_a_danish_text()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var module = Path.Combine(root, "modules", "Netvaerk.Meetings");
        var templates = Directory.EnumerateFiles(module, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Refusal().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(templates);
        var danish = Directory.EnumerateFiles(Path.Combine(module, "Texts"), "*.da.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!.Keys).ToHashSet(StringComparer.Ordinal);
        var untranslated = templates.Where(t => !danish.Contains(t)).ToList();
        Assert.True(untranslated.Count == 0, "No Danish text in the module's Texts/*.da.json for:\n" + string.Join("\n", untranslated));
    }

    /// <summary>A meeting whose suggested leader chose one case, and an open action of the network.</summary>
    private async Task<string> MeetingWithCaseAndActionAsync(int days)
    {
        var meeting = (await portal.PlanAsync(1, days))[0];
        await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var cases = services.GetRequiredService<CaseIntake>();
            var brought = await cases.BringAsync(meeting, portal.UserIds["anne"], new BringCase("Case om vagtplaner", "Hvordan får jeg alle med?", 20, 1, "Erfaringer"));
            await cases.SelectAsync(meeting, [brought.Id]);
            await services.GetRequiredService<MeetingActions>().AddAsync(meeting, "Ring til HR 2291", portal.UserIds["bo"], null);
            return true;
        });
        return meeting;
    }

    [GeneratedRegex(@"13\.00–13\.15</span> <strong class=""invitation-agenda__phase"">Check-in</strong>")]
    private static partial Regex AgendaLine();

    [GeneratedRegex(@"href=""http://[^""]+/alfa/moeder/[0-9a-z]+""")]
    private static partial Regex AbsoluteMeetingLink();

    [GeneratedRegex(@"MeetingInputException\(\s*[^,]+,\s*""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Refusal();
}
