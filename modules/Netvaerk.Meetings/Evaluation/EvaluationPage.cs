using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Evaluation;

/// <summary>/moeder/{meetingId}/evaluering: the evaluation form for a member who attended (from the meeting's start,
/// once), a thank-you after answering, and the aggregates for every reader of the meeting (only from three answers).
/// Works without JavaScript: the form posts here (antiforgery), a refusal shows the page again with the errors (400),
/// an accepted answer redirects back (post-redirect-get).</summary>
public static class EvaluationPage
{
    public const string ThankYou = "tak";

    public static string PathFor(string meetingId) => MeetingPages.MeetingPath(meetingId) + "/evaluering";

    private static readonly (string Name, string Field, string Legend, string Low, string High)[] Questions =
    [
        ("vaerdi", "Value", "Hvor meget fik du ud af mødet?", "Meget lidt", "Rigtig meget"),
        ("tid", "Time", "Blev tiden brugt godt?", "Meget dårligt", "Rigtig godt"),
        ("energi", "Energy", "Hvor meget energi gav mødet dig?", "Meget lidt", "Rigtig meget"),
    ];

    public static IEndpointRouteBuilder MapEvaluationPage(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/moeder/{meetingId}/evaluering", ShowAsync).RequireAuthorization().ExcludeFromDescription();
        routes.MapPost("/moeder/{meetingId}/evaluering", AnswerAsync).RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ShowAsync(string meetingId, HttpContext http, MeetingAccess access, CancellationToken cancellationToken) =>
        await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken) is (MeetingAccessResult.Allowed, { } meeting)
            ? await RenderAsync(http, meeting, FormState.None, cancellationToken)
            : Results.NotFound();

    private static async Task<IResult> AnswerAsync(string meetingId, [FromForm] string? vaerdi, [FromForm] string? tid, [FromForm] string? energi,
        [FromForm] string? vaerd, [FromForm] string? kommentar, HttpContext http, MeetingAccess access, MeetingEvaluations evaluations, PageDisplay display,
        CancellationToken cancellationToken)
    {
        var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Evaluate, cancellationToken);
        var userId = (await access.ReaderAsync(cancellationToken)).UserId;
        if (decision == MeetingAccessResult.Hidden || meeting is null)
        {
            return Results.NotFound();
        }

        if (decision != MeetingAccessResult.Allowed || userId is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var state = FormState.Posted("evaluering", await http.Request.ReadFormAsync(cancellationToken));
        var scores = Questions.Select(q => Score(q.Name, q switch
        {
            { Name: "vaerdi" } => vaerdi,
            { Name: "tid" } => tid,
            _ => energi,
        }, state, display)).ToList();
        if (vaerd is not ("ja" or "nej"))
        {
            state.Error("vaerd", display.Text["Svar ja eller nej: var mødet tiden værd?"].Value);
        }

        if (!state.HasErrors)
        {
            try
            {
                await evaluations.AnswerAsync(meeting, userId, new EvaluationAnswer(scores[0], scores[1], scores[2], vaerd == "ja", kommentar), cancellationToken);
                return MeetingPages.Done(http, PathFor(meeting.Id), ThankYou);
            }
            catch (MeetingInputException refusal)
            {
                state.Error(refusal.Field switch { "Comment" => "kommentar", "meetingId" => "evaluering", _ => Questions.First(q => q.Field == refusal.Field).Name },
                    display.Text[refusal.Template, refusal.Arguments].Value);
            }
            catch (EvaluationRefusedException refusal)
            {
                state.Error("evaluering", display.Text[refusal.Template, refusal.Arguments].Value);
            }
        }

        return await RenderAsync(http, meeting, state, cancellationToken);
    }

    private static int Score(string name, string? posted, FormState state, PageDisplay display)
    {
        var number = FormInput.Number(posted);
        if (number is >= MeetingEvaluations.MinScore and <= MeetingEvaluations.MaxScore)
        {
            return number.Value;
        }

        state.Error(name, display.Text["Vælg et tal fra 1 til 5 ved »{0}«.", display.Text[Questions.First(q => q.Name == name).Legend].Value].Value);
        return 0;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Meeting meeting, FormState state, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var access = services.GetRequiredService<MeetingAccess>();
        var display = services.GetRequiredService<PageDisplay>();
        var evaluations = services.GetRequiredService<MeetingEvaluations>();
        var culture = CultureInfo.CurrentCulture;
        var userId = (await access.ReaderAsync(cancellationToken)).UserId;
        var member = (await access.ForMeetingAsync(meeting.Id, MeetingRight.Evaluate, cancellationToken)).Decision == MeetingAccessResult.Allowed;
        var answered = await evaluations.HasAnsweredAsync(meeting.Id, userId, cancellationToken);
        var refusal = member && userId is not null && !answered ? await evaluations.RefusalAsync(meeting, userId, cancellationToken) : null;
        var path = MeetingPages.PathBase(http) + PathFor(meeting.Id);
        var form = member && !answered && refusal is null
            ? new EvaluationForm(
                MeetingPages.Form(http, path),
                Questions.Select(q => new RatingQuestion(q.Name, q.Legend, state.ErrorFor("evaluering", q.Name),
                    Enumerable.Range(MeetingEvaluations.MinScore, MeetingEvaluations.MaxScore).Select(score => new RatingChoice(
                        score, $"{q.Name}-{score}", state.Value(q.Name) == score.ToString(CultureInfo.InvariantCulture),
                        score == MeetingEvaluations.MinScore ? q.Low : score == MeetingEvaluations.MaxScore ? q.High : null)).ToList())).ToList(),
                state.Value("vaerd"),
                state.ErrorFor("evaluering", "vaerd"),
                state.Field("evaluering", "kommentar", "kommentar", null),
                MeetingEvaluations.CommentLength)
            : null;
        var results = await evaluations.ResultsAsync(meeting.Id, cancellationToken);
        string? Mean(double? value) => value?.ToString("0.0", culture);
        var summary = new EvaluationSummary(results.Answers, EvaluationQuestions.MinimumAnswers, Mean(results.Value), Mean(results.Time), Mean(results.Energy),
            results.WorthIt is { } share ? (int)Math.Round(share * 100, MidpointRounding.AwayFromZero) : null, results.Comments);
        var local = MeetingTime.ToLocal(meeting.StartUtc);
        var title = meeting.Theme ?? display.Text["Netværksmøde"].Value;
        var message = http.Request.Query["besked"] == ThankYou && answered ? display.Text["Tak for din evaluering. Den tæller med, men gemmes ikke med dit navn."].Value : null;
        var model = new EvaluationPageModel(
            title,
            MeetingDates.When(local, meeting.DurationMinutes, culture),
            MeetingPages.PathBase(http) + MeetingPages.MeetingPath(meeting.Id),
            form,
            answered,
            message,
            state.ErrorFor("evaluering", "evaluering") ?? (refusal is null ? null : display.Text[refusal.Template, refusal.Arguments].Value),
            summary,
            state.Links(name => name == "evaluering" ? "evaluering-heading" : name == "vaerd" ? "vaerd-ja" : name == "kommentar" ? "kommentar" : name + "-1"));
        return await display.PageAsync(["Evaluation"], model,
            new PageOptions($"{display.Text["Evaluering"]}: {title}", StatusCode: state.HasErrors ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK), cancellationToken);
    }
}
