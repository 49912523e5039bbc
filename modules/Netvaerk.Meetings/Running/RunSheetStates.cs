using System.Globalization;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Running;

/// <summary>Builds the one description of a run-sheet (<see cref="RunStateJson"/>) that the hub broadcasts, the API
/// answers and the page renders: the state, every item with planned and spent time, and who speaks (for a per-case
/// phase the case giver, with the case's title and key question). Callers check Read first.</summary>
public sealed class RunSheetStates(MeetingRun run, CaseIntake cases, MeetingPeople people)
{
    public async Task<RunStateJson> BuildAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var (state, items, now) = await run.StateAsync(meeting, cancellationToken);
        var byId = (await cases.ListAsync(meeting.Id, cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var names = await people.NamesAsync(byId.Values.Select(c => c.UserId), cancellationToken);
        var plannedStart = meeting.StartUtc;
        var list = new List<RunItemJson>(items.Count);
        foreach (var item in items)
        {
            var current = state.Running && item.Position == state.Position;
            var started = current ? state.CurrentStartedUtc : item.StartedUtc;
            var spent = started is { } from ? (item.EndedUtc ?? now) - from : (TimeSpan?)null;
            var status = current ? "current"
                : item.EndedUtc is not null ? "done"
                : state.Phase == RunPhase.Ended ? "skipped"
                : "coming";
            var @case = item.CaseId is null ? null : byId.GetValueOrDefault(item.CaseId);
            var giver = @case is null ? null : names.GetValueOrDefault(@case.UserId);
            list.Add(new RunItemJson(item.Position, item.Phase, MeetingTime.ToIso(plannedStart), item.PlannedMinutes, item.ExtraMinutes, status,
                Utc(started), Utc(item.EndedUtc), spent is { } s && status is "done" or "current" ? (int)Math.Max(0, s.TotalSeconds) : null,
                item.Guidance, giver ?? item.Speaks, item.Produces, item.CaseId, @case?.Title, @case?.KeyQuestion, giver));
            plannedStart = plannedStart.AddMinutes(item.PlannedMinutes);
        }

        var overall = state.Phase switch
        {
            RunPhase.Before => "before",
            RunPhase.Running => "running",
            RunPhase.Ended => "ended",
            RunPhase.Cancelled => "cancelled",
            _ => "empty",
        };
        return new RunStateJson(meeting.Id, overall, state.Position, MeetingTime.ToIso(meeting.StartUtc), Utc(state.EndsAtUtc), Utc(now)!,
            state.Warning, state.Over, state.Phase == RunPhase.Ended, state.Running ? list[state.Position].Speaks : null, list);
    }

    /// <summary>An instant as ISO 8601 UTC with milliseconds ("2027-01-14T12:00:00.000Z").</summary>
    public static string? Utc(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
