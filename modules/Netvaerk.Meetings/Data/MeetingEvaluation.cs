namespace Netvaerk.Meetings.Data;

/// <summary>Who has evaluated a meeting, and nothing about what they answered. Stored WITHOUT ROWID (ordered by its key,
/// not by when it was written), so the order of rows cannot be matched with the order of the answers.</summary>
public sealed class MeetingEvaluationResponder
{
    public required string MeetingId { get; set; }

    public required string UserId { get; set; }
}

/// <summary>How many attendees gave one score to one question of a meeting's evaluation. Individual answers are never
/// stored: each answer adds one to four counters (value, time, energy, worthIt), so no row can be tied to a person and
/// one person's scores cannot be tied to each other.</summary>
public sealed class MeetingEvaluationTally
{
    public long Id { get; set; }

    public required string MeetingId { get; set; }

    /// <summary>One of <see cref="EvaluationQuestions"/>.</summary>
    public required string Question { get; set; }

    /// <summary>1–5 for the ratings; 1 (yes) or 0 (no) for worthIt.</summary>
    public int Score { get; set; }

    public int Count { get; set; }
}

/// <summary>A free-text comment from an evaluation, without its author. A random key and WITHOUT ROWID storage keep the
/// rows in no particular order.</summary>
public sealed class MeetingEvaluationComment
{
    public required string Id { get; set; }

    public required string MeetingId { get; set; }

    public required string Text { get; set; }
}

/// <summary>The questions of a meeting's evaluation.</summary>
public static class EvaluationQuestions
{
    public const string Value = "value";
    public const string Time = "time";
    public const string Energy = "energy";
    public const string WorthIt = "worthIt";

    public static readonly IReadOnlyList<string> All = [Value, Time, Energy, WorthIt];

    /// <summary>Aggregates are shown only from this many answers up, so a small group's answers cannot be told apart.</summary>
    public const int MinimumAnswers = 3;
}
