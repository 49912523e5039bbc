namespace Netvaerk.Meetings.Health;

/// <summary>A network's health, computed from its meetings (nothing of it is stored): the held meetings over time,
/// how evenly roles and cases are spread, the open actions and time planned against time spent per phase.</summary>
public sealed record HealthReport(
    string NetworkId,
    IReadOnlyList<HeldMeeting> Meetings,
    IReadOnlyList<MemberShare> Members,
    IReadOnlyList<string> NoCaseYet,
    IReadOnlyList<string> NotLedYet,
    ActionsHealth Actions,
    IReadOnlyList<PhaseTime> Phases)
{
    /// <summary>Mean of the recorded meetings' attendance rates, in whole per cent; null when none was recorded.</summary>
    public int? AverageAttendance =>
        Meetings.Where(m => m.Rate is not null).Select(m => m.Rate!.Value).ToList() is { Count: > 0 } rates
            ? (int)Math.Round(rates.Average(), MidpointRounding.AwayFromZero)
            : null;

    /// <summary>Mean of the meetings' value means (those with at least the minimum answers), one decimal.</summary>
    public double? AverageValue =>
        Meetings.Where(m => m.Value is not null).Select(m => m.Value!.Value).ToList() is { Count: > 0 } values
            ? Math.Round(values.Average(), 1, MidpointRounding.AwayFromZero)
            : null;
}

/// <summary>One meeting that has started (not cancelled), in time order.</summary>
/// <param name="Present">How many came, once recorded; null before.</param>
/// <param name="Members">Members of the network on the meeting's day (joined by then).</param>
/// <param name="Rate">Present of members in whole per cent; null until attendance is recorded.</param>
/// <param name="Value">The evaluation's means and share of "worth it"; null under three answers.</param>
public sealed record HeldMeeting(
    string Id, DateTime StartUtc, string? Theme, int? Present, int Members, int? Rate,
    int Answers, double? Value, double? Time, double? Energy, double? WorthIt);

/// <summary>How often a current member held each role at the held meetings (effective roles: stored or suggested).</summary>
public sealed record MemberShare(string UserId, string Name, int MeetingLeader, int Timekeeper, int NoteTaker, int Host, int CaseGiver);

/// <param name="Overdue">Open actions whose due date has passed (Danish date).</param>
public sealed record ActionsHealth(int Open, int Overdue, IReadOnlyList<OpenAction> Items);

public sealed record OpenAction(string Id, string MeetingId, string Text, string? Owner, DateOnly? Due, bool Overdue);

/// <summary>One phase name summed over the held meetings' agenda items that ran (started and ended).</summary>
/// <param name="SpentMinutes">Ended − started, summed, in minutes with one decimal.</param>
public sealed record PhaseTime(string Phase, int Items, int PlannedMinutes, double SpentMinutes);
