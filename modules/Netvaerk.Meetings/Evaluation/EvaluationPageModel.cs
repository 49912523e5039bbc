using Netvaerk.Meetings.Pages;

namespace Netvaerk.Meetings.Evaluation;

/// <summary>What the "Evaluation" template shows. Texts in records are Danish sources the template translates.</summary>
/// <param name="Form">The form, for a member who attended and has not answered yet; null otherwise.</param>
/// <param name="Answered">The reader has evaluated the meeting (shows the thank-you, never their answer).</param>
/// <param name="CannotAnswer">Why a member may not evaluate (translated), or null.</param>
public sealed record EvaluationPageModel(
    string Title,
    string When,
    string MeetingUrl,
    EvaluationForm? Form,
    bool Answered,
    string? Message,
    string? CannotAnswer,
    EvaluationSummary Results,
    IReadOnlyList<ErrorLink> Errors);

public sealed record EvaluationForm(PageForm Post, IReadOnlyList<RatingQuestion> Ratings, string? WorthIt, string? WorthItError, FormField Comment, int CommentLength);

/// <param name="Name">The input name (vaerdi, tid, energi).</param>
/// <param name="Legend">Danish source text of the question.</param>
public sealed record RatingQuestion(string Name, string Legend, string? Error, IReadOnlyList<RatingChoice> Choices)
{
    public string ErrorId => $"{Name}-error";
}

/// <param name="Word">The Danish source word at the ends of the scale (1 and 5); null between.</param>
public sealed record RatingChoice(int Score, string Id, bool Checked, string? Word);

/// <summary>The aggregates as the page shows them (numbers formatted in the reader's language); null under the minimum.</summary>
public sealed record EvaluationSummary(int Answers, int Minimum, string? Value, string? Time, string? Energy, int? WorthItPercent, IReadOnlyList<string> Comments)
{
    public bool Shown => Value is not null;
}
