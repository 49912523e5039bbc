namespace Netvaerk.Meetings.Data;

/// <summary>One meeting of a network. Times are stored in UTC and shown in <see cref="MeetingTime.Zone"/> (Europe/Copenhagen).</summary>
public sealed class Meeting
{
    /// <summary>A content-id-shaped id (<c>ContentIds.New()</c>), so it is safe in a URL and a file name.</summary>
    public required string Id { get; set; }

    public required string NetworkContentItemId { get; set; }

    /// <summary>The meetings planned together in one step share it; null for a single meeting.</summary>
    public string? SeriesId { get; set; }

    public DateTime StartUtc { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>The Protocol content item the agenda is computed from.</summary>
    public string? ProtocolContentItemId { get; set; }

    /// <summary>Where: usually a member's workplace (rotating with the host role); free text.</summary>
    public string? Place { get; set; }

    /// <summary>A link for an online meeting (http or https only).</summary>
    public string? OnlineUrl { get; set; }

    public string? Theme { get; set; }

    /// <summary>Pre-filled from the network's charter (NetworkPart.Purpose) when planned.</summary>
    public string? Purpose { get; set; }

    /// <summary>Pre-filled from the network's charter (NetworkPart.DesiredEffect) when planned.</summary>
    public string? DesiredEffect { get; set; }

    /// <summary>Practical information for the invitation (parking, food, what to bring).</summary>
    public string? Practicalities { get; set; }

    public bool Cancelled { get; set; }

    public string? CancelledReason { get; set; }

    /// <summary>Raised on every change a calendar must show (iCalendar SEQUENCE), so subscribers replace the old event.</summary>
    public int Sequence { get; set; }

    /// <summary>True once the note-taker has recorded who came.</summary>
    public bool AttendanceRecorded { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ModifiedUtc { get; set; }
}

/// <summary>A case a member brings to a meeting (sag/case til kollegial sparring).</summary>
public sealed class MeetingCase
{
    public required string Id { get; set; }

    public required string MeetingId { get; set; }

    /// <summary>The member who brings it: the case giver if it is chosen.</summary>
    public required string UserId { get; set; }

    public required string Title { get; set; }

    /// <summary>The key question (fokusspørgsmål) the case giver wants the group to work on.</summary>
    public required string KeyQuestion { get; set; }

    /// <summary>What the case giver wants from the group: advice, perspectives, a sparring partner …</summary>
    public string? WantFromGroup { get; set; }

    public int MinutesNeeded { get; set; }

    /// <summary>1 (urgent) to 3 (can wait); the meeting leader reads it when choosing.</summary>
    public int Priority { get; set; }

    /// <summary>Chosen by the meeting leader to go on the agenda.</summary>
    public bool Selected { get; set; }

    /// <summary>The order on the agenda among the selected cases.</summary>
    public int Position { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A role a member holds at a meeting, as the coordinator or meeting leader set it. A meeting without rows
/// has the suggested assignment (computed, not stored).</summary>
public sealed class MeetingRoleAssignment
{
    public long Id { get; set; }

    public required string MeetingId { get; set; }

    /// <summary>One of <see cref="MeetingRoles"/>.</summary>
    public required string Role { get; set; }

    public required string UserId { get; set; }
}

/// <summary>The rotating roles of a meeting.</summary>
public static class MeetingRoles
{
    public const string MeetingLeader = "meetingLeader";
    public const string Timekeeper = "timekeeper";
    public const string NoteTaker = "noteTaker";
    public const string Host = "host";
    public const string CaseGiver = "caseGiver";

    /// <summary>The roles held by one person each, in the order they are filled.</summary>
    public static readonly IReadOnlyList<string> Single = [MeetingLeader, Timekeeper, NoteTaker, Host];

    public static readonly IReadOnlyList<string> All = [MeetingLeader, Timekeeper, NoteTaker, Host, CaseGiver];
}

/// <summary>A member's request to swap a role they were given at a meeting; the coordinator or meeting leader acts on it.</summary>
public sealed class RoleSwapRequest
{
    public long Id { get; set; }

    public required string MeetingId { get; set; }

    public required string Role { get; set; }

    public required string UserId { get; set; }

    public string? Note { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when the roles were changed after the request, or it was withdrawn.</summary>
    public DateTime? ResolvedUtc { get; set; }
}

/// <summary>A member's answer to a meeting's invitation.</summary>
public sealed class MeetingRsvp
{
    public long Id { get; set; }

    public required string MeetingId { get; set; }

    public required string UserId { get; set; }

    /// <summary>true for yes (kommer), false for no (melder afbud).</summary>
    public bool Attending { get; set; }

    public string? Reason { get; set; }

    public DateTime AnsweredUtc { get; set; }
}

/// <summary>A member the note-taker recorded as present.</summary>
public sealed class MeetingAttendance
{
    public long Id { get; set; }

    public required string MeetingId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>An action item agreed at a meeting; open ones are shown in the next invitation until they are done.</summary>
public sealed class MeetingAction
{
    public required string Id { get; set; }

    public required string MeetingId { get; set; }

    public required string NetworkContentItemId { get; set; }

    public required string Text { get; set; }

    public string? OwnerUserId { get; set; }

    /// <summary>A date (no time), in Europe/Copenhagen.</summary>
    public DateOnly? Due { get; set; }

    public bool Done { get; set; }

    public DateTime? DoneUtc { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>A member's secret for their calendar feeds. Only a hash is kept for lookup; the key itself is kept
/// protected (ASP.NET Core data protection) so the member can copy their address again.</summary>
public sealed class CalendarKey
{
    public required string UserId { get; set; }

    /// <summary>SHA-256 of the key, hex: what a feed request is looked up by.</summary>
    public required string KeyHash { get; set; }

    public required string ProtectedKey { get; set; }

    public DateTime CreatedUtc { get; set; }
}
