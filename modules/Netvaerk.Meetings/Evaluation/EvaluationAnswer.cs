namespace Netvaerk.Meetings.Evaluation;

/// <summary>One attendee's evaluation of a meeting as it arrives. It is never stored as it is: each score only adds one
/// to a counter (<see cref="Data.MeetingEvaluationTally"/>), and the comment is kept without its author.</summary>
public sealed record EvaluationAnswer(int Value, int Time, int Energy, bool WorthIt, string? Comment);

/// <summary>A meeting's evaluation as anyone who reads the meeting may see it: the number of answers, and the means,
/// the share of "worth it" and the comments only from <see cref="Data.EvaluationQuestions.MinimumAnswers"/> answers up
/// (null before, so a small group's answers cannot be told apart).</summary>
/// <param name="WorthIt">The share who answered yes, 0–1.</param>
/// <param name="Comments">Sorted by their text (a neutral order); empty under the minimum.</param>
public sealed record EvaluationResults(int Answers, double? Value, double? Time, double? Energy, double? WorthIt, IReadOnlyList<string> Comments)
{
    public bool Shown => Value is not null;
}

/// <summary>Why an attendee's evaluation was refused, for the status the API answers.</summary>
public enum EvaluationRefusal
{
    /// <summary>Not a member, or did not attend (403).</summary>
    NotAttended,

    /// <summary>Has already evaluated the meeting (409).</summary>
    AlreadyAnswered,
}

/// <summary>An evaluation the reader may not give (an English template; the page translates it).</summary>
public sealed class EvaluationRefusedException(EvaluationRefusal reason, string template, params object[] arguments)
    : NetvaerkPortal.Display.TranslatableException(template, arguments)
{
    public EvaluationRefusal Reason { get; } = reason;
}
