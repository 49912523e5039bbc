using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Data;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>The evaluation's anonymity: the storage really keeps who apart from what (read straight from the tenant's
/// SQLite file), no route returns one person's answers (API, page, export, audit log), and deleting a member removes
/// that they answered while their answer still counts.</summary>
[Collection(MeetingsApiPortalCollection.Name)]
public sealed class EvaluationAnonymityTests(MeetingsApiPortal portal)
{
    private SqliteConnection OpenTenantFile()
    {
        var path = Path.Combine(portal.Factory.Store.SitePath(portal.Alfa.Name), "portal.db");
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static List<List<string>> Rows(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToList());
        }

        return rows;
    }

    [Fact]
    public async Task The_tenant_file_keeps_who_answered_apart_from_the_scores_and_the_comments_without_authors()
    {
        var meeting = await portal.HeldMeetingAsync(["anne", "bo"]);
        await portal.EvaluateAsync(meeting, "anne", 5, 1, 4, true, "Kommentar fra et medlem 8181");
        await portal.EvaluateAsync(meeting, "bo", 2, 3, 3, false);

        using var connection = OpenTenantFile();
        var schema = Rows(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'MeetingEvaluation%'").ToDictionary(r => r[0], r => r[1]);
        var responderColumns = Rows(connection, "SELECT name FROM pragma_table_info('MeetingEvaluationResponders')").Select(r => r[0]).ToList();
        var tallyColumns = Rows(connection, "SELECT name FROM pragma_table_info('MeetingEvaluationTallies')").Select(r => r[0]).ToList();
        var commentColumns = Rows(connection, "SELECT name FROM pragma_table_info('MeetingEvaluationComments')").Select(r => r[0]).ToList();
        var tallies = Rows(connection, "SELECT * FROM MeetingEvaluationTallies WHERE MeetingId = $m ORDER BY Id", ("$m", meeting));
        var comments = Rows(connection, "SELECT * FROM MeetingEvaluationComments WHERE MeetingId = $m", ("$m", meeting));
        var responders = Rows(connection, "SELECT * FROM MeetingEvaluationResponders WHERE MeetingId = $m", ("$m", meeting));

        Assert.Equal(new[] { "MeetingId", "UserId" }, responderColumns.Order().ToArray());
        Assert.Contains("WITHOUT ROWID", schema["MeetingEvaluationResponders"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("WITHOUT ROWID", schema["MeetingEvaluationComments"], StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(tallyColumns, c => c.Contains("User", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(commentColumns, c => c.Contains("User", StringComparison.OrdinalIgnoreCase) || c.Contains("Created", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, responders.Count);
        var everyCell = string.Join("|", tallies.Concat(comments).SelectMany(r => r));
        Assert.DoesNotContain(portal.UserIds["anne"], everyCell, StringComparison.Ordinal);
        Assert.DoesNotContain(portal.UserIds["bo"], everyCell, StringComparison.Ordinal);
        // Every counter was made at the first answer, in the fixed order (value 1–5, time 1–5, energy 1–5, worthIt 0–1).
        Assert.Equal(
            "value1 value2 value3 value4 value5 time1 time2 time3 time4 time5 energy1 energy2 energy3 energy4 energy5 worthIt0 worthIt1",
            string.Join(' ', tallies.Select(t => t[tallyColumns.IndexOf("Question")] + t[tallyColumns.IndexOf("Score")])));
        Assert.Equal("0 1 0 0 1 1 0 1 0 0 0 0 1 1 0 1 1", string.Join(' ', tallies.Select(t => t[tallyColumns.IndexOf("Count")])));
        Assert.Single(comments);
        Assert.Matches("^[0-9a-f]{32}$", comments[0][commentColumns.IndexOf("Id")]);
    }

    [Fact]
    public async Task Evaluating_writes_nothing_to_the_audit_log()
    {
        var meeting = await portal.HeldMeetingAsync(["anne"]);
        var before = await AuditCountAsync();

        using var anne = portal.Client("anne");
        var response = await anne.PostAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/evaluations"),
            MeetingsApiPortal.Json("""{"Value": 2, "Time": 4, "Energy": 1, "WorthIt": false}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task No_route_shows_one_or_two_answers_and_the_members_export_lists_the_meeting_but_no_score()
    {
        var meeting = await portal.HeldMeetingAsync(["anne", "bo", "carl"]);
        await portal.EvaluateAsync(meeting, "anne", 2, 4, 1, false, "Min hemmelige kommentar 5151");

        using var coordinator = await portal.PageSessionAsync("tovholder");
        var page = await coordinator.HtmlAsync($"/moeder/{meeting}/evaluering");
        using var api = portal.Client("redaktoer");
        var json = await (await api.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/evaluations"))).Content.ReadAsStringAsync();
        var health = await (await api.GetAsync(MeetingsApiPortal.Url($"/api/networks/{portal.NetworkX}/health"))).Content.ReadAsStringAsync();
        using var anneClient = portal.Client("anne");
        var export = await (await anneClient.GetAsync(MeetingsApiPortal.Url("/api/me/data"))).Content.ReadAsStringAsync();
        using var anneSession = await portal.PageSessionAsync("anne");
        var ownPage = await anneSession.HtmlAsync($"/moeder/{meeting}/evaluering");

        Assert.Contains("Der vises først resultater, når mindst 3 har svaret", page, StringComparison.Ordinal);
        Assert.Contains("1 har svaret.", page, StringComparison.Ordinal);
        foreach (var shown in new[] { page, ownPage, json, health, export })
        {
            Assert.DoesNotContain("Min hemmelige kommentar 5151", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("2 af 5", shown, StringComparison.Ordinal);
        }

        var evaluation = JsonNode.Parse(json)!;
        Assert.Null(evaluation["value"]);
        var healthMeeting = JsonNode.Parse(health)!["meetings"]!.AsArray().Single(m => (string)m!["id"]! == meeting)!;
        Assert.Equal(1, (int)healthMeeting["answers"]!);
        Assert.Null(healthMeeting["value"]);
        Assert.Null(healthMeeting["worthIt"]);
        var exported = JsonNode.Parse(export)!["meetingEvaluations"]!;
        Assert.Contains(meeting, exported["evaluatedMeetings"]!.AsArray().Select(m => (string)m!));
        Assert.Contains("not what you answered", (string)exported["note"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("\"value\"", exported.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["evaluatedMeetings", "note"], Keys(exported));
    }

    [Fact]
    public async Task Deleting_a_member_removes_that_they_answered_but_their_answer_still_counts()
    {
        var userId = await portal.CreateUserAsync(portal.Alfa, "evaluering-slettes", PortalRoles.Member, (portal.NetworkX, NetworkRoles.Member));
        portal.UserIds["evaluering-slettes"] = userId;
        var meeting = await portal.HeldMeetingAsync(["anne", "bo", "evaluering-slettes"]);
        await portal.EvaluateAsync(meeting, "anne", 4, 4, 4, true);
        await portal.EvaluateAsync(meeting, "bo", 4, 4, 4, true);
        await portal.EvaluateAsync(meeting, "evaluering-slettes", 1, 1, 1, false);

        await portal.InTenantAsync(portal.Alfa, async services =>
            await services.GetRequiredService<MemberDeletion>().DeleteAsync((await services.GetRequiredService<UserManager<PortalUser>>().FindByIdAsync(userId))!, null));

        Assert.Equal("responders 2, tallies 17/12, comments 0", await portal.EvaluationRowsAsync(meeting));
        using var client = portal.Client("tovholder");
        var json = JsonNode.Parse(await (await client.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{meeting}/evaluations"))).Content.ReadAsStringAsync())!;
        Assert.Equal(3, (int)json["answers"]!);
        Assert.Equal(3.0, (double)json["value"]!);
        Assert.Equal(0.67, (double)json["worthIt"]!);
    }

    private static IEnumerable<string> Keys(JsonNode node) => node.AsObject().Select(p => p.Key);

    private Task<int> AuditCountAsync() => portal.InTenantAsync(portal.Alfa, services => services.GetRequiredService<PortalDbContext>().AuditEntries.CountAsync());
}
