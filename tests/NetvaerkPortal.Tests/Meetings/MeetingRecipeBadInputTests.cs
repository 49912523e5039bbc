using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Recipes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The "Meetings" recipe step refuses bad input with a message naming the step, the network and the field: at
/// <c>recipes validate</c> what the JSON alone shows, at run what needs the tenant; a refused run leaves nothing behind.
/// Each case starts from the shipped Nyborg recipe and breaks one thing.</summary>
public sealed class MeetingRecipeBadInputTests : IDisposable
{
    private const string NetworkLabel = "network '[js: variables('networkId')]'";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    public static TheoryData<string, string> CheckedBeforeRunning => new()
    {
        { "rating", "Held.Evaluations.Answers[1].Value: 7 is outside 1–5" },
        { "more-evaluations-than-attendees", "7 evaluations, but only 3 attended" },
        { "answers-without-responders", "6 answers for 5 responders" },
        { "not-a-member", "Roles[1].MeetingLeader: 'admin' is not a member of this network" },
        { "not-a-date", "Meetings[1].Start: 'sidste tirsdag' is not a date and time" },
        { "not-a-time", "Meetings[2].Start.Time: '25:00' is not a time of day" },
        { "held-in-the-future", "Meetings[1].Start: a held meeting lies in the past, but Days is 5" },
        { "duration-as-text", "Meetings[2].DurationMinutes: must be a whole number from 15 to 720, not text" },
        { "attending-as-number", "Rsvps[1].Attending: must be true or false, not a number" },
        { "networks-as-object", "Networks: must be an array, not an object" },
        { "field-twice", "the field 'place' is given twice" },
        { "unknown-field", "unknown field 'Tovholder'" },
        { "long-protocol-id", "Meetings[2].Protocol: 'aaaaaaaa" },
        { "dots-as-network", "Network: '..' is not a content item id" },
        { "protocol-not-in-recipe", "Meetings[2].Protocol: no Protocol item in this recipe's content step has the ContentItemId [js: variables('caseId')]" },
        { "network-not-in-recipe", "network '[js: variables('caseId')]': no Network item in this recipe's content step has this ContentItemId" },
    };

    [Theory]
    [MemberData(nameof(CheckedBeforeRunning))]
    public async Task Validate_refuses_the_recipe_naming_the_step_and_the_field(string breakage, string expected)
    {
        var recipe = Nyborg();
        Break(recipe, breakage);

        var result = await _portal.RunAsync("recipes", "validate", _portal.WriteRecipe(recipe.ToJsonString(Readable)));

        Assert.True(result.ExitCode != 0, result.All);
        Assert.Contains("'Meetings'", result.All, StringComparison.Ordinal);
        Assert.Contains(expected, result.All, StringComparison.Ordinal);
        if (breakage is not ("networks-as-object" or "dots-as-network" or "network-not-in-recipe"))
        {
            Assert.Contains(NetworkLabel, result.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_value_nested_ten_thousand_deep_is_refused_without_a_crash()
    {
        var json = Nyborg().ToJsonString(Readable).Replace("\"Theme\":\"Børn som pårørende\"", "\"Theme\":" + new string('[', 10_000) + new string(']', 10_000), StringComparison.Ordinal);

        var result = await _portal.RunAsync("recipes", "validate", _portal.WriteRecipe(json));

        Assert.True(result.ExitCode != 0, result.All);
        Assert.Contains("not valid JSON", result.All, StringComparison.Ordinal);

        // Built in memory (no parser to stop it), the step's own check reads only the shape it knows.
        JsonNode deep = new JsonArray();
        for (var i = 0; i < 10_000; i++)
        {
            deep = new JsonArray(deep);
        }

        var recipe = Nyborg();
        Series(recipe)["Theme"] = deep;
        var problems = new MeetingsRecipeStep().Check(Step(recipe), RecipeReader.Read("""{"name": "x", "steps": []}""", null), evaluated: false).ToList();
        Assert.Contains(problems, p => p.Contains("Meetings[2].Theme: must be text, not an array", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_given_twice_is_refused()
    {
        var json = Nyborg().ToJsonString(Readable).Replace("\"DurationMinutes\":150,", "\"DurationMinutes\":150,\"DurationMinutes\":90,", StringComparison.Ordinal);

        var result = await _portal.RunAsync("recipes", "validate", _portal.WriteRecipe(json));

        Assert.True(result.ExitCode != 0, result.All);
        Assert.Contains("DurationMinutes", result.All, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> CheckedWhileRunning => new()
    {
        { "unknown-protocol", "Meetings[2].Protocol: there is no published protocol 'protokolfindesikke00000000'" },
        { "unknown-user", "Members[13].UserName: there is no user 'ukendt'" },
        { "unknown-network", "network 'netvaerkfindesikke00000000': there is no network with this ContentItemId" },
        { "phase-out-of-step", "Held.Items[8].Phase: 'Forkert fase', but agenda item 8 is 'Aftaler, opfølgning og evaluering'" },
    };

    [Theory]
    [MemberData(nameof(CheckedWhileRunning))]
    public async Task A_new_tenant_whose_meetings_step_fails_is_not_created(string breakage, string expected)
    {
        var recipe = Nyborg();
        Break(recipe, breakage);

        var result = await _portal.RunAsync("tenants", "create", "Org", "--prefix", "org", "--recipe", _portal.WriteRecipe(recipe.ToJsonString(Readable)));

        Assert.True(result.ExitCode != 0, result.All);
        Assert.Contains("'Meetings'", result.All, StringComparison.Ordinal);
        Assert.Contains(expected, result.All, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_portal.SiteFolder("Org")));
        Assert.DoesNotContain("\"Org\"", File.Exists(_portal.TenantsFile) ? await File.ReadAllTextAsync(_portal.TenantsFile) : "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meetings_step_that_fails_late_leaves_an_existing_tenant_as_it_was()
    {
        var empty = _portal.WriteRecipe("""{"name": "tom", "steps": [{"name": "feature", "enable": ["Netvaerk.Networks", "Netvaerk.Meetings"]}]}""", "tom.recipe.json");
        var created = await _portal.RunAsync("tenants", "create", "Org", "--prefix", "org", "--recipe", empty);
        Assert.True(created.ExitCode == 0, created.All);
        var recipe = Nyborg();
        Break(recipe, "phase-out-of-step");

        var result = await _portal.RunAsync("recipes", "run", "--tenant", "Org", _portal.WriteRecipe(recipe.ToJsonString(Readable)));

        Assert.True(result.ExitCode != 0, result.All);
        var left = await _portal.InTenantAsync("Org", async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            var users = await services.GetRequiredService<UserManager<PortalUser>>().Users.Select(u => u.UserName).ToListAsync();
            var networks = await services.GetRequiredService<ContentManager>().ListAsync("Network", VersionOptions.Latest);
            return $"users {string.Join(",", users)}; networks {networks.Count}; meetings {await db.Meetings.CountAsync()}; items {await db.RunItems.CountAsync()}; attendance {await db.Attendance.CountAsync()}";
        });
        Assert.Equal("users admin; networks 0; meetings 0; items 0; attendance 0", left);
    }

    private static JsonObject Nyborg()
    {
        var text = File.ReadAllText(Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes", "nyborg-kommune.recipe.json"));
        var recipe = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        recipe["name"] = "moedetest";
        return recipe;
    }

    private static JsonObject Step(JsonObject recipe) => recipe["steps"]!.AsArray().OfType<JsonObject>().Single(s => (string?)s["name"] == "Meetings");

    private static JsonObject Network(JsonObject recipe) => Step(recipe)["Networks"]![0]!.AsObject();

    private static JsonObject HeldMeeting(JsonObject recipe) => Network(recipe)["Meetings"]![0]!.AsObject();

    private static JsonObject Held(JsonObject recipe) => HeldMeeting(recipe)["Held"]!.AsObject();

    private static JsonObject Series(JsonObject recipe) => Network(recipe)["Meetings"]![1]!.AsObject();

    private static void Break(JsonObject recipe, string breakage)
    {
        var evaluations = Held(recipe)["Evaluations"]!.AsObject();
        switch (breakage)
        {
            case "rating":
                evaluations["Answers"]![0]!["Value"] = 7;
                break;
            case "more-evaluations-than-attendees":
                Held(recipe)["Present"] = new JsonArray("karina", "birgitte", "thomas");
                evaluations["Responders"] = new JsonArray("karina", "birgitte", "thomas", "lene", "ahmad", "pia", "morten");
                evaluations["Answers"]!.AsArray().Add(JsonNode.Parse("""{"Value": 4, "Time": 4, "Energy": 4, "WorthIt": true}"""));
                break;
            case "answers-without-responders":
                evaluations["Responders"]!.AsArray().RemoveAt(5);
                break;
            case "not-a-member":
                Series(recipe)["Roles"]![0]!["MeetingLeader"] = "admin";
                break;
            case "not-a-date":
                HeldMeeting(recipe)["Start"] = "sidste tirsdag";
                break;
            case "not-a-time":
                Series(recipe)["Start"]!["Time"] = "25:00";
                break;
            case "held-in-the-future":
                HeldMeeting(recipe)["Start"]!["Days"] = 5;
                break;
            case "duration-as-text":
                Series(recipe)["DurationMinutes"] = "150";
                break;
            case "attending-as-number":
                HeldMeeting(recipe)["Rsvps"]![0]!["Attending"] = 0;
                break;
            case "networks-as-object":
                Step(recipe)["Networks"] = new JsonObject();
                break;
            case "field-twice":
                HeldMeeting(recipe)["place"] = "Et andet sted";
                break;
            case "unknown-field":
                Series(recipe)["Tovholder"] = "karina";
                break;
            case "long-protocol-id":
                Series(recipe)["Protocol"] = new string('a', 10_000);
                break;
            case "dots-as-network":
                Network(recipe)["Network"] = "..";
                break;
            case "protocol-not-in-recipe":
                Series(recipe)["Protocol"] = "[js: variables('caseId')]";
                break;
            case "network-not-in-recipe":
                Network(recipe)["Network"] = "[js: variables('caseId')]";
                break;
            case "unknown-protocol":
                Series(recipe)["Protocol"] = "protokolfindesikke00000000";
                break;
            case "unknown-user":
                Network(recipe)["Members"]!.AsArray().Add(new JsonObject { ["UserName"] = "ukendt" });
                break;
            case "unknown-network":
                Network(recipe)["Network"] = "netvaerkfindesikke00000000";
                break;
            case "phase-out-of-step":
                Held(recipe)["Items"]![7]!["Phase"] = "Forkert fase";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(breakage), breakage, null);
        }
    }
}
