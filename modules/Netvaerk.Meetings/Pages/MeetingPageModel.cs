namespace Netvaerk.Meetings.Pages;

/// <summary>What the "Meeting" template shows. A section's form is null or its flag false when the reader may not use
/// it (as <see cref="Planning.MeetingAccess"/> decided); after a refused form, its section holds the typed values and
/// errors and is open.</summary>
public sealed record MeetingPageModel(
    MeetingSummary Meeting,
    string Duration,
    string? ProtocolName,
    string? ProtocolUrl,
    string? Purpose,
    string? DesiredEffect,
    string? Practicalities,
    string InvitationUrl,
    string NetworkMeetingsUrl,
    bool Started,
    string? Message,
    string? MessageAt,
    IReadOnlyList<ErrorLink> Errors,
    string AntiforgeryField,
    string AntiforgeryToken,
    RsvpSection Rsvp,
    CasesSection Cases,
    AgendaView Agenda,
    RolesSection Roles,
    AttendanceSection? Attendance,
    ManageSection? Manage,
    IReadOnlyList<MeetingToolLink> Tools)
{
    public InputLimits Limits { get; } = InputLimits.Meetings;
}

/// <param name="Yes">Who comes, by name.</param>
/// <param name="No">Who sent apologies; the reason only for the readers who may see it.</param>
public sealed record RsvpSection(
    bool MayAnswer,
    string Action,
    string? MyAnswer,
    string? AnswerError,
    FormField Reason,
    IReadOnlyList<string> Yes,
    IReadOnlyList<RsvpLine> No,
    IReadOnlyList<string> NotAnswered);

public sealed record RsvpLine(string Person, string? Reason);

public sealed record CasesSection(
    IReadOnlyList<CaseLine> Cases,
    IReadOnlyList<CaseLine> Mine,
    bool MayBring,
    string BringAction,
    CaseForm Bring,
    bool MayPick,
    string PickAction);

/// <summary>A case's form (to bring one, or to change one's own), with <see cref="Open"/> after a refusal.</summary>
public sealed record CaseForm(FormField Title, FormField KeyQuestion, FormField WantFromGroup, FormField Minutes, FormField Priority, IReadOnlyList<Choice> Priorities, bool Open);

/// <param name="Priority">The priority's Danish name.</param>
/// <param name="Edit">The owner's form to change it; null for others' cases.</param>
public sealed record CaseLine(
    string Id,
    string Title,
    string KeyQuestion,
    string? WantFromGroup,
    int Minutes,
    string Priority,
    string BroughtBy,
    bool Selected,
    int Position,
    string? EditAction,
    string? WithdrawAction,
    CaseForm? Edit);

public sealed record RolesSection(
    IReadOnlyList<RoleLine> Roles,
    bool Suggested,
    IReadOnlyList<RoleLine> Mine,
    string SwapAction,
    IReadOnlyList<SwapLine> SwapRequests,
    bool MayChange,
    string Action,
    IReadOnlyList<RoleSelect> Selects,
    bool Open);

/// <summary>One role's select in the change form: the network's members, the current holder selected.</summary>
public sealed record RoleSelect(string Name, string Id, string Label, IReadOnlyList<Choice> Options, string? Error);

public sealed record SwapLine(string Person, string Role, string? Note, string When);

public sealed record AttendanceSection(string Action, bool Recorded, IReadOnlyList<AttendanceLine> Members);

public sealed record AttendanceLine(string UserId, string Name, bool Present);

public sealed record ManageSection(
    string MoveAction,
    FormField Date,
    FormField Time,
    FormField Hours,
    FormField Minutes,
    FormField Place,
    bool MoveOpen,
    string CancelAction,
    FormField Reason,
    FormField Confirm,
    bool CancelOpen,
    bool InSeries);
