namespace Netvaerk.Meetings.Running;

// The run-sheet as the hub's "state" message, GET/POST /api/meetings/{id}/run and the page's script read it.
// Instants are UTC ISO strings ("…Z"); the agenda's clock times are local Europe/Copenhagen ISO strings with their offset.

/// <param name="Status">done, current, coming, or skipped (the meeting ended before it).</param>
/// <param name="SpentSeconds">Ended − Started once it ran; while current, up to the server's now.</param>
/// <param name="Speaks">Who speaks: the protocol's words, or for a per-case phase the case giver's user name.</param>
public sealed record RunItemJson(int Position, string Phase, string PlannedStart, int PlannedMinutes, int ExtraMinutes, string Status,
    string? StartedAt, string? EndedAt, int? SpentSeconds, string? Guidance, string? Speaks, string? Produces,
    string? CaseId, string? CaseTitle, string? KeyQuestion, string? CaseGiver);

/// <param name="Status">before, running, ended, cancelled or empty (no agenda).</param>
/// <param name="Position">The current item while running; 0 before; the number of items once ended.</param>
/// <param name="EndsAt">When the current item's time is up (Started + Planned + Extra), UTC; null unless running.</param>
/// <param name="ServerNow">The server's clock when the state was made, for the browser's countdown offset.</param>
public sealed record RunStateJson(string MeetingId, string Status, int Position, string Start, string? EndsAt, string ServerNow,
    bool Warning, bool Over, bool Ended, string? Speaks, IReadOnlyList<RunItemJson> Items)
{
    public RunItemJson? Current => Status == "running" ? Items[Position] : null;
}
