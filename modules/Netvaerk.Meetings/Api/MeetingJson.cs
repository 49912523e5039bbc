using System.Text.Json.Serialization;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Api;

// The answers of the meetings API. Times are local Europe/Copenhagen ISO strings with their offset; users are user names.

public sealed record PlannedMeeting(string Id, string Start);

public sealed record PlannedMeetings(IReadOnlyList<PlannedMeeting> Meetings);

public sealed record MeetingSummary(string Id, string NetworkId, string? SeriesId, string Start, string End, int DurationMinutes, string? ProtocolId,
    string? Place, string? OnlineUrl, string? Theme, bool Cancelled, string? CancelledReason, int Sequence);

public sealed record MeetingList(IReadOnlyList<MeetingSummary> Meetings);

/// <summary>The roles with the field names of PUT /api/meetings/{id}/roles, so a GET can be sent back changed.</summary>
public sealed record RolesJson(
    [property: JsonPropertyName("MeetingLeader")] string? MeetingLeader,
    [property: JsonPropertyName("Timekeeper")] string? Timekeeper,
    [property: JsonPropertyName("NoteTaker")] string? NoteTaker,
    [property: JsonPropertyName("Host")] string? Host,
    [property: JsonPropertyName("CaseGivers")] IReadOnlyList<string> CaseGivers,
    [property: JsonPropertyName("Suggested")] IReadOnlyList<string> Suggested);

public sealed record RsvpJson(string User, string Answer, string? Reason, string AnsweredAt);

public sealed record CaseJson(string Id, string User, string Title, string KeyQuestion, string? WantFromGroup, int MinutesNeeded, int Priority, bool Selected, int? Position);

public sealed record ActionJson(string Id, string MeetingId, string Text, string? Owner, string? Due, bool Done);

public sealed record SwapJson(long Id, string User, string Role, string? Note, string CreatedAt);

public sealed record AgendaItemJson(string Phase, string? CaseId, string Start, int Minutes, string? Guidance, string? Speaks, string? Listens, string? Produces);

public sealed record AgendaJson(bool Fits, int PlannedMinutes, int AvailableMinutes, int MinutesOver, int MinutesLeft, IReadOnlyList<AgendaItemJson> Items);

public sealed record MeetingDetail(string Id, string NetworkId, string? SeriesId, string Start, string End, int DurationMinutes, string? ProtocolId, string? ProtocolName,
    string? Place, string? OnlineUrl, string? Theme, string? Purpose, string? DesiredEffect, string? Practicalities, bool Cancelled, string? CancelledReason, int Sequence,
    RolesJson Roles, IReadOnlyList<RsvpJson> Rsvps, IReadOnlyList<CaseJson> Cases, IReadOnlyList<ActionJson> OpenActions, IReadOnlyList<SwapJson> SwapRequests,
    bool AttendanceRecorded, IReadOnlyList<string> Present, AgendaJson Agenda, IReadOnlyList<ActionJson> CarriedActions);

public sealed record CreatedId(string Id);

public sealed record SelectedCases(IReadOnlyList<string> Selected);

public sealed record PresentJson(IReadOnlyList<string> Present);

/// <summary>Entities and service results as the API writes them.</summary>
internal static class MeetingJson
{
    /// <summary>The API's name of a role: its PUT field name (MeetingLeader, Timekeeper, NoteTaker, Host, CaseGivers).</summary>
    public static string RoleField(string role) => role switch
    {
        MeetingRoles.MeetingLeader => "MeetingLeader",
        MeetingRoles.Timekeeper => "Timekeeper",
        MeetingRoles.NoteTaker => "NoteTaker",
        MeetingRoles.Host => "Host",
        MeetingRoles.CaseGiver => "CaseGivers",
        _ => role,
    };

    /// <summary>The role for an API name, either spelling, any case ("MeetingLeader", "meetingLeader", "CaseGiver(s)").</summary>
    public static string? Role(string? name) =>
        MeetingRoles.All.FirstOrDefault(role => string.Equals(role, name, StringComparison.OrdinalIgnoreCase) || string.Equals(RoleField(role), name, StringComparison.OrdinalIgnoreCase));

    public static MeetingSummary Summary(Meeting m) =>
        new(m.Id, m.NetworkContentItemId, m.SeriesId, MeetingTime.ToIso(m.StartUtc), MeetingTime.ToIso(m.StartUtc.AddMinutes(m.DurationMinutes)), m.DurationMinutes,
            m.ProtocolContentItemId, m.Place, m.OnlineUrl, m.Theme, m.Cancelled, m.CancelledReason, m.Sequence);

    public static RolesJson Roles(EffectiveRoles roles, IReadOnlyDictionary<string, string> names) =>
        new(Name(roles.Roles.MeetingLeader, names), Name(roles.Roles.Timekeeper, names), Name(roles.Roles.NoteTaker, names), Name(roles.Roles.Host, names),
            roles.Roles.CaseGivers.Select(id => Name(id, names)).OfType<string>().ToList(),
            MeetingRoles.Single.Where(roles.Suggested.Contains).Select(RoleField).ToList());

    public static AgendaJson Agenda(Agenda agenda) =>
        new(agenda.Fits, agenda.PlannedMinutes, agenda.AvailableMinutes, agenda.MinutesOver, agenda.MinutesLeft,
            agenda.Items.Select(i => new AgendaItemJson(i.Phase, i.CaseId, MeetingTime.ToIso(MeetingTime.ToUtc(i.Start)), i.Minutes, i.Guidance, i.Speaks, i.Listens, i.Produces)).ToList());

    public static CaseJson Case(MeetingCase c, IReadOnlyDictionary<string, string> names) =>
        new(c.Id, Name(c.UserId, names) ?? "", c.Title, c.KeyQuestion, c.WantFromGroup, c.MinutesNeeded, c.Priority, c.Selected, c.Selected ? c.Position + 1 : null);

    public static ActionJson Action(MeetingAction a, IReadOnlyDictionary<string, string> names) =>
        new(a.Id, a.MeetingId, a.Text, Name(a.OwnerUserId, names), a.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), a.Done);

    /// <param name="showReasons">Whether the reader sees the reasons of every answer (else only their own).</param>
    /// <param name="carried">The network's open actions from its earlier meetings (the run-sheet's first phase shows them).</param>
    public static MeetingDetail Detail(MeetingView view, IReadOnlyDictionary<string, string> names, string? readerId, bool showReasons, IReadOnlyList<MeetingAction> carried)
    {
        var m = view.Meeting;
        return new MeetingDetail(m.Id, m.NetworkContentItemId, m.SeriesId, MeetingTime.ToIso(m.StartUtc), MeetingTime.ToIso(m.StartUtc.AddMinutes(m.DurationMinutes)),
            m.DurationMinutes, m.ProtocolContentItemId, view.Protocol?.DisplayText, m.Place, m.OnlineUrl, m.Theme, m.Purpose, m.DesiredEffect, m.Practicalities,
            m.Cancelled, m.CancelledReason, m.Sequence,
            Roles(view.Roles, names),
            view.Rsvps.Select(r => new RsvpJson(Name(r.UserId, names) ?? "", r.Attending ? "yes" : "no", showReasons || r.UserId == readerId ? r.Reason : null,
                MeetingTime.ToIso(r.AnsweredUtc))).ToList(),
            view.Cases.Select(c => Case(c, names)).ToList(),
            view.OpenActions.Select(a => Action(a, names)).ToList(),
            view.SwapRequests.Select(s => new SwapJson(s.Id, Name(s.UserId, names) ?? "", RoleField(s.Role), s.Note, MeetingTime.ToIso(s.CreatedUtc))).ToList(),
            m.AttendanceRecorded,
            view.Present.Select(id => Name(id, names)).OfType<string>().ToList(),
            Agenda(view.Agenda),
            carried.Select(a => Action(a, names)).ToList());
    }

    /// <summary>Every user id a view mentions, to look their names up at once.</summary>
    public static IEnumerable<string?> UserIds(MeetingView view) =>
        new[] { view.Roles.Roles.MeetingLeader, view.Roles.Roles.Timekeeper, view.Roles.Roles.NoteTaker, view.Roles.Roles.Host }
            .Concat(view.Roles.Roles.CaseGivers).Concat(view.Rsvps.Select(r => r.UserId)).Concat(view.Cases.Select(c => c.UserId))
            .Concat(view.OpenActions.Select(a => a.OwnerUserId)).Concat(view.SwapRequests.Select(s => s.UserId)).Concat(view.Present);

    private static string? Name(string? userId, IReadOnlyDictionary<string, string> names) =>
        userId is null ? null : names.GetValueOrDefault(userId);
}
