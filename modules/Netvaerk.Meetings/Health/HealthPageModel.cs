namespace Netvaerk.Meetings.Health;

/// <summary>What the "Health" template shows. Charts come rendered (the "HealthChart" shape); every chart has a table
/// with the same numbers beside it. Numbers are formatted for the reader's language.</summary>
public sealed record HealthPageModel(
    string NetworkTitle,
    string BackUrl,
    string AttendanceUrl,
    int MeetingsHeld,
    int? AverageAttendance,
    string? AverageValue,
    int Minimum,
    string? AttendanceChart,
    string? EvaluationChart,
    string? WorthItChart,
    string? PhaseChart,
    IReadOnlyList<HealthMeetingRow> Meetings,
    IReadOnlyList<MemberShare> Roles,
    IReadOnlyList<string> NoCaseYet,
    IReadOnlyList<string> NotLedYet,
    int OpenActions,
    int OverdueActions,
    IReadOnlyList<HealthActionRow> Actions,
    IReadOnlyList<HealthPhaseRow> Phases);

/// <param name="Value">Formatted mean, or null under three answers (as Time, Energy, WorthIt).</param>
public sealed record HealthMeetingRow(string Url, string Date, string? Theme, int? Present, int Members, int? Rate, int Answers,
    string? Value, string? Time, string? Energy, int? WorthIt);

public sealed record HealthActionRow(string Text, string? Owner, string? Due, bool Overdue, string MeetingUrl);

public sealed record HealthPhaseRow(string Phase, int Items, int Planned, string Spent, string Difference);

/// <summary>The tenant's overview (/moeder/sundhed): one row per network.</summary>
public sealed record HealthOverviewModel(IReadOnlyList<HealthOverviewRow> Networks, int Minimum);

public sealed record HealthOverviewRow(string Title, string Url, int MeetingsHeld, int? AverageAttendance, string? AverageValue, int OpenActions, int OverdueActions, string? LastMeeting);
