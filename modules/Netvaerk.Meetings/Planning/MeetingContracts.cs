using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Planning;

// The service surface the API and the pages share. Times in and out are local Europe/Copenhagen wall-clock times
// (DateTime of kind Unspecified); users are user ids inside the services and user names at the API's edge.

/// <summary>A refusal a user caused, naming the field (the API's JSON field name, e.g. "Start", "Count") in an English
/// template that the pages translate (Texts/meetings.da.json). Nothing was changed.</summary>
public sealed class MeetingInputException(string field, string template, params object[] arguments) : TranslatableException(template, arguments)
{
    public string Field { get; } = field;
}

/// <summary>What the reader may do with a network's meetings. Hidden means: answer as if it did not exist (404).</summary>
public enum MeetingAccessResult
{
    Hidden,
    Refused,
    Allowed,
}

/// <summary>Plan one meeting, or a series: <see cref="Count"/> meetings <see cref="EveryWeeks"/> weeks apart.</summary>
public sealed record PlanMeetings(
    DateTime Start,
    int DurationMinutes,
    string? ProtocolId,
    string? Place,
    string? Theme,
    int Count = 1,
    int EveryWeeks = 0,
    string? OnlineUrl = null,
    string? Purpose = null,
    string? DesiredEffect = null,
    string? Practicalities = null);

/// <summary>A change to one meeting; null leaves a field as it is. Moving (Start) raises the calendar sequence.</summary>
public sealed record MeetingChange(
    DateTime? Start = null,
    int? DurationMinutes = null,
    string? ProtocolId = null,
    string? Place = null,
    string? Theme = null,
    string? OnlineUrl = null,
    string? Purpose = null,
    string? DesiredEffect = null,
    string? Practicalities = null);

public sealed record BringCase(string Title, string KeyQuestion, int MinutesNeeded, int Priority, string? WantFromGroup = null);

/// <summary>Who holds each role. CaseGivers follow from the selected cases unless set.</summary>
public sealed record RoleAssignment(string? MeetingLeader, string? Timekeeper, string? NoteTaker, string? Host, IReadOnlyList<string> CaseGivers)
{
    public static readonly RoleAssignment Empty = new(null, null, null, null, []);
}

/// <summary>One item of the computed agenda: a phase (for a per-case phase, once per selected case) at its clock time.</summary>
public sealed record AgendaItem(string Phase, string? CaseId, DateTime Start, int Minutes, string? Guidance = null, string? Speaks = null, string? Listens = null, string? Produces = null);

/// <summary>The agenda: fits when the planned minutes are at most the meeting's duration; the difference says by how much.</summary>
public sealed record Agenda(bool Fits, int PlannedMinutes, int AvailableMinutes, IReadOnlyList<AgendaItem> Items)
{
    public int MinutesOver => Math.Max(0, PlannedMinutes - AvailableMinutes);

    public int MinutesLeft => Math.Max(0, AvailableMinutes - PlannedMinutes);
}
