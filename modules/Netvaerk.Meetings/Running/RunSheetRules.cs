using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Running;

/// <summary>Where a meeting is on its run-sheet.</summary>
public enum RunPhase
{
    /// <summary>The meeting has not begun (before its start, nobody pressed "Start nu").</summary>
    Before,

    /// <summary>An item is current and its countdown runs.</summary>
    Running,

    /// <summary>The meeting was ended: no item runs any more.</summary>
    Ended,

    Cancelled,

    /// <summary>The meeting has no agenda (no protocol, no cases): there is nothing to run.</summary>
    Empty,
}

/// <summary>What a runner may do with the run-sheet.</summary>
public enum RunAction
{
    Start,
    Next,
    Previous,
    Extend,
    End,
}

/// <summary>The run-sheet at one instant. <paramref name="Position"/>: the current item while running, 0 before the
/// start, the number of items once ended. <paramref name="CurrentStartedUtc"/>/<paramref name="EndsAtUtc"/> only while running.</summary>
public sealed record RunState(RunPhase Phase, int Position, DateTime? CurrentStartedUtc, DateTime? EndsAtUtc, bool Warning, bool Over)
{
    public bool Running => Phase == RunPhase.Running;
}

/// <summary>Why an action was not carried out: the input is wrong for the meeting's state (refused, 400), or the client
/// saw another position than the current one (stale: two devices pressed at once; nothing changes, 409).</summary>
public enum RunRefusal
{
    None,
    Cancelled,
    NotStarted,
    AlreadyEnded,
    NothingBefore,
    TooEarly,
    ExtraLimit,
    Empty,
    Stale,
}

/// <summary>The rules of the live run-sheet, on the frozen items (or the live agenda before freezing) and "now". The clock
/// runs from the agenda: from the meeting's start the first item is current, started at the start, without anyone
/// pressing anything. An item's countdown ends at Started + Planned + Extra; the warning comes two minutes before; when
/// time is up the next item is offered, never forced. Pure: the service persists what <see cref="Apply"/> changes.</summary>
public static class RunSheetRules
{
    public static readonly TimeSpan WarningBefore = TimeSpan.FromMinutes(2);

    /// <summary>What "Mere tid" adds.</summary>
    public const int ExtendMinutes = 5;

    /// <summary>The most extra time one item can get: more than an hour is a new meeting, not a longer phase.</summary>
    public const int MaxExtraMinutes = 60;

    /// <summary>How early a leader may start the meeting by hand.</summary>
    public static readonly TimeSpan EarliestStart = TimeSpan.FromHours(1);

    public static RunState State(Meeting meeting, IReadOnlyList<MeetingRunItem> items, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(items);
        if (meeting.Cancelled)
        {
            return new RunState(RunPhase.Cancelled, 0, null, null, false, false);
        }

        if (items.Count == 0)
        {
            return new RunState(RunPhase.Empty, 0, null, null, false, false);
        }

        var running = Running(items);
        if (running is not null)
        {
            return Counting(running, running.StartedUtc!.Value, now);
        }

        if (items.Any(i => i.StartedUtc is not null))
        {
            return new RunState(RunPhase.Ended, items.Count, null, null, false, false);
        }

        // Nobody has pressed anything: the agenda's clock says whether the first item runs.
        return now >= meeting.StartUtc
            ? Counting(items[0], meeting.StartUtc, now)
            : new RunState(RunPhase.Before, 0, null, null, false, false);
    }

    /// <summary>The time actually spent on an item: Ended − Started once it ran; while it runs, up to now.</summary>
    public static TimeSpan? Spent(MeetingRunItem item, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.StartedUtc is { } started ? (item.EndedUtc ?? now) - started : null;
    }

    /// <summary>Checks <paramref name="action"/> against the state and applies it to <paramref name="items"/> (the frozen,
    /// tracked rows). <paramref name="fromPosition"/> is the position the client saw; a different one is stale.</summary>
    public static RunRefusal Apply(Meeting meeting, IReadOnlyList<MeetingRunItem> items, RunAction action, int fromPosition, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(items);
        var state = State(meeting, items, now);
        if (Refusal(meeting, items, state, action, fromPosition, now) is var refusal and not RunRefusal.None)
        {
            return refusal;
        }

        switch (action)
        {
            case RunAction.Start:
                items[0].StartedUtc = now;
                break;
            case RunAction.Next or RunAction.End:
                var current = items[state.Position];
                current.StartedUtc ??= meeting.StartUtc;
                current.EndedUtc = now;
                if (action == RunAction.Next && state.Position + 1 < items.Count)
                {
                    items[state.Position + 1].StartedUtc = now;
                    items[state.Position + 1].EndedUtc = null;
                }

                break;
            case RunAction.Previous:
                // Undo a mistaken next (or end): the item before runs on, as if nobody had pressed; the time it ran counts.
                if (state.Running)
                {
                    items[state.Position].StartedUtc = null;
                    items[state.Position].EndedUtc = null;
                    items[state.Position - 1].EndedUtc = null;
                }
                else
                {
                    items.Last(i => i.StartedUtc is not null).EndedUtc = null;
                }

                break;
            case RunAction.Extend:
                items[state.Position].StartedUtc ??= meeting.StartUtc;
                items[state.Position].ExtraMinutes += ExtendMinutes;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action));
        }

        return RunRefusal.None;
    }

    private static RunRefusal Refusal(Meeting meeting, IReadOnlyList<MeetingRunItem> items, RunState state, RunAction action, int fromPosition, DateTime now)
    {
        if (state.Phase == RunPhase.Cancelled)
        {
            return RunRefusal.Cancelled;
        }

        if (state.Phase == RunPhase.Empty)
        {
            return RunRefusal.Empty;
        }

        if (fromPosition != state.Position)
        {
            return RunRefusal.Stale;
        }

        return action switch
        {
            RunAction.Start when state.Phase != RunPhase.Before => RunRefusal.Stale,
            RunAction.Start when now < meeting.StartUtc - EarliestStart => RunRefusal.TooEarly,
            RunAction.Start => RunRefusal.None,
            _ when state.Phase == RunPhase.Before => RunRefusal.NotStarted,
            RunAction.Previous when state.Running && state.Position == 0 => RunRefusal.NothingBefore,
            RunAction.Previous => RunRefusal.None,
            _ when state.Phase == RunPhase.Ended => RunRefusal.AlreadyEnded,
            RunAction.Extend when items[state.Position].ExtraMinutes + ExtendMinutes > MaxExtraMinutes => RunRefusal.ExtraLimit,
            _ => RunRefusal.None,
        };
    }

    private static MeetingRunItem? Running(IReadOnlyList<MeetingRunItem> items) =>
        items.LastOrDefault(i => i.StartedUtc is not null && i.EndedUtc is null);

    private static RunState Counting(MeetingRunItem item, DateTime started, DateTime now)
    {
        var endsAt = started.AddMinutes(item.PlannedMinutes + item.ExtraMinutes);
        return new RunState(RunPhase.Running, item.Position, started, endsAt, now >= endsAt - WarningBefore && now < endsAt, now >= endsAt);
    }
}
