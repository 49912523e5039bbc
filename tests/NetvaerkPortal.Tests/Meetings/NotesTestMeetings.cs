using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>What the notes tests do with the meetings portal: a meeting of network X on the organisation's protocol
/// (agenda without cases: 0 Check-in, 1 Afslutning) led by anne with carl as note-taker; the notes and decisions rows.</summary>
public static class NotesTestMeetings
{
    public static async Task<string> NotedMeetingAsync(this MeetingsApiPortal portal, int days = 20)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var meeting = (await portal.PlanAsync(1, days, "Noter"))[0];
        await portal.InTenantAsync(portal.Alfa, async services =>
            await services.GetRequiredService<MeetingRoster>().SetAsync(meeting, new RoleAssignment(portal.UserIds["anne"], null, portal.UserIds["carl"], null, [])));
        return meeting;
    }

    /// <summary>The stored notes of the meeting as "position:revision:text" lines, and its decisions and learnings counted.</summary>
    public static Task<string> NotesStateAsync(this MeetingsApiPortal portal, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.InTenantAsync(portal.Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            return await db.InPortalTransactionAsync(async () =>
            {
                var notes = await db.ItemNotes.Where(n => n.MeetingId == meetingId).OrderBy(n => n.Position).ToListAsync();
                return string.Join("\n", notes.Select(n => $"{n.Position}:{n.Revision}:{n.Text}"))
                    + $"\ndecisions {await db.Decisions.CountAsync(d => d.MeetingId == meetingId)}, learnings {await db.Learnings.CountAsync(l => l.MeetingId == meetingId)}";
            }, CancellationToken.None);
        });
    }

    public static async Task<HttpResponseMessage> PutNoteAsync(this MeetingsApiPortal portal, string user, string meetingId, string position, string body)
    {
        ArgumentNullException.ThrowIfNull(portal);
        using var client = portal.Client(user);
        return await client.PutAsync(MeetingsApiPortal.Url($"/api/meetings/{meetingId}/notes/{position}"), MeetingsApiPortal.Json(body));
    }

    public static async Task<JsonNode> NotesJsonAsync(this MeetingsApiPortal portal, string user, string meetingId)
    {
        ArgumentNullException.ThrowIfNull(portal);
        using var client = portal.Client(user);
        var response = await client.GetAsync(MeetingsApiPortal.Url($"/api/meetings/{meetingId}/notes"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The field a 400 answer names (the first key under "errors").</summary>
    public static async Task<string> RefusedFieldAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        return ((JsonObject)JsonNode.Parse(body)!["errors"]!).First().Key;
    }
}
