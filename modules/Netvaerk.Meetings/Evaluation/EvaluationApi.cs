using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Meetings.Api;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Api;

namespace Netvaerk.Meetings.Evaluation;

/// <param name="Value">Mean of 1–5 with one decimal; null under three answers (as are Time, Energy and WorthIt).</param>
/// <param name="WorthIt">The share who found the meeting worth the time, 0–1.</param>
/// <param name="Mine">Whether the caller has evaluated the meeting (never what they answered).</param>
/// <param name="Comments">Only from three answers up, sorted by text, without names.</param>
public sealed record EvaluationResponse(
    int Answers, double? Value, double? Time, double? Energy, double? WorthIt, bool Mine,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Comments);

/// <summary>POST/GET /api/meetings/{id}/evaluations. Anyone who reads the meeting sees the aggregates; a member who
/// attended answers once. An answer is never returned, not even to the one who gave it (201 carries no id).</summary>
public static class EvaluationApi
{
    private static readonly string[] Fields = ["Value", "Time", "Energy", "WorthIt", "Comment"];
    private const string Example = "{\"Value\": 4, \"Time\": 3, \"Energy\": 5, \"WorthIt\": true, \"Comment\": \"God runde\"}";

    public static IEndpointRouteBuilder MapEvaluationApi(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/meetings/{meetingId}/evaluations").WithTags("Meetings");
        meetings.MapGet("", GetAsync).WithName("GetMeetingEvaluation")
            .WithSummary("The evaluation's aggregates: answers, the means of value, time and energy (1–5) and the share who found it worth the time (0–1), all null under 3 answers; comments from 3 answers; mine = whether the caller has answered.");
        meetings.MapPost("", AnswerAsync).WithName("EvaluateMeeting").JsonBody(Example)
            .WithSummary("Evaluates the meeting, once, anonymously: members who attended, from the meeting's start, not for a cancelled meeting. 201 without an id; the answer is only counted, never stored as yours.")
            .AddEndpointFilter<ApiWriteProtection>();
        return routes;
    }

    private static async Task<IResult> GetAsync(string meetingId, MeetingAccess access, MeetingEvaluations evaluations, CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
        if (decision != MeetingAccessResult.Allowed || meeting is null)
        {
            return NotFound(meetingId);
        }

        var results = await evaluations.ResultsAsync(meeting.Id, cancellationToken);
        var mine = await evaluations.HasAnsweredAsync(meeting.Id, (await access.ReaderAsync(cancellationToken)).UserId, cancellationToken);
        return TypedResults.Ok(new EvaluationResponse(results.Answers, results.Value, results.Time, results.Energy, results.WorthIt, mine,
            results.Shown ? results.Comments : null));
    }

    private static async Task<IResult> AnswerAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingEvaluations evaluations, CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Evaluate, cancellationToken);
        var userId = (await access.ReaderAsync(cancellationToken)).UserId;
        if (decision == MeetingAccessResult.Hidden || meeting is null)
        {
            return NotFound(meetingId);
        }

        if (decision != MeetingAccessResult.Allowed || userId is null)
        {
            return ApiResults.Forbidden("Only the network's members who attended the meeting evaluate it.");
        }

        try
        {
            var text = await ApiResults.ReadBodyAsync(http.Request, cancellationToken);
            if (text is null)
            {
                return ApiResults.TooLarge();
            }

            var body = MeetingBody.Read(text, Fields, Example);
            var answer = new EvaluationAnswer(Rating(body, "Value"), Rating(body, "Time"), Rating(body, "Energy"), WorthIt(body), Comment(body));
            await evaluations.AnswerAsync(meeting, userId, answer, cancellationToken);
            return TypedResults.Created();
        }
        catch (MeetingInputException error)
        {
            return ApiResults.Invalid(error.Field, error.Message);
        }
        catch (EvaluationRefusedException refused) when (refused.Reason == EvaluationRefusal.AlreadyAnswered)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already evaluated", detail: refused.Message,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["meetingId"] = [refused.Message] } });
        }
        catch (EvaluationRefusedException refused)
        {
            return ApiResults.Forbidden(refused.Message);
        }
    }

    /// <summary>A rating as a JSON whole number 1–5; "5", 4.5 or true are refused with the same plain rule.</summary>
    private static int Rating(MeetingBody body, string field)
    {
        int? value;
        try
        {
            value = body.Int(field);
        }
        catch (MeetingInputException)
        {
            value = 0;
        }

        return value is null
            ? throw new MeetingInputException(field, "{0} is missing. Send a whole number from 1 to 5, e.g. \"{0}\": 4.", field)
            : MeetingEvaluations.CheckScore(field, value);
    }

    private static bool WorthIt(MeetingBody body) =>
        body.Bool("WorthIt") ?? throw new MeetingInputException("WorthIt", "WorthIt is missing. Send true if the meeting was worth the time, else false.");

    private static string? Comment(MeetingBody body) => body.Text("Comment");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string meetingId) => ApiResults.NotFound($"The meeting '{MeetingPlanner.Shorten(meetingId)}'");
}
