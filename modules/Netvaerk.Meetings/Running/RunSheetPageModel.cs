namespace Netvaerk.Meetings.Running;

/// <summary>What the "RunSheet" template shows: the state (server-rendered, so the page works printed and without
/// JavaScript), the current phase, the agenda with planned and spent time, the open actions carried from earlier
/// meetings, and the runner's forms when the reader may run the meeting.</summary>
/// <param name="Status">before, running, ended, cancelled or empty (as the API's status).</param>
/// <param name="Remaining">The countdown at render time, "mm:ss" (with "+" once time is up: the minutes over).</param>
/// <param name="EndsAtClock">The clock time the current phase's time is up ("14.35"), for the page without script.</param>
public sealed record RunSheetPageModel(
    string MeetingId,
    string Title,
    string MeetingUrl,
    string Status,
    string StartClock,
    DateTimeOffset Start,
    int Position,
    int Count,
    RunSheetCurrent? Current,
    string? Remaining,
    string? EndsAtClock,
    bool Warning,
    bool Over,
    string? EndsAt,
    string ServerNow,
    IReadOnlyList<RunSheetRow> Items,
    RunSheetSummary? Summary,
    bool MayRun,
    RunSheetButtons Buttons,
    bool ShowActions,
    IReadOnlyList<CarriedActionRow> Actions,
    string? Message,
    string FormAction,
    string AntiforgeryField,
    string AntiforgeryToken,
    string HubUrl,
    string ScriptUrl,
    string SignalRUrl);

/// <param name="Number">1-based, as people count phases.</param>
public sealed record RunSheetCurrent(int Number, string Phase, string? Guidance, string? Speaks, string? Produces, string? CaseTitle, string? KeyQuestion,
    int PlannedMinutes, int ExtraMinutes);

/// <param name="Status">done, current, coming or skipped.</param>
/// <param name="Spent">Whole minutes actually spent (done or current), else null.</param>
public sealed record RunSheetRow(int Number, string Clock, string Phase, string? CaseTitle, int PlannedMinutes, int ExtraMinutes, string Status, int? Spent);

/// <summary>Planned against spent, once the meeting has ended.</summary>
public sealed record RunSheetSummary(int PlannedMinutes, int SpentMinutes, int Difference);

/// <summary>Which of the runner's buttons apply now.</summary>
public sealed record RunSheetButtons(bool Start, bool Next, bool Previous, bool Extend, bool End, bool IsLast);

/// <param name="Due">The due date as an ISO date ("2027-02-01"; local_date shows it), or null.</param>
/// <param name="CloseUrl">Where "Udført" posts, or null when the reader may not close it.</param>
public sealed record CarriedActionRow(string Id, string Text, string? Owner, string? Due, bool Overdue, string? CloseUrl);
