using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Meetings.Notes;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Api;
using Netvaerk.Networks.Writing;

namespace Netvaerk.Meetings.Api;

/// <summary>Notes, decisions and learnings of a meeting (the actions have their own routes in MeetingsApi.Parts.cs).
/// Members of the network read; the meeting leader, the note-taker, coordinators, editors and administrators write.</summary>
public static partial class MeetingsApi
{
    private const string NoteExample = "{\"Text\": \"Vi aftalte at prøve den nye vagtplan i to måneder.\", \"Revision\": 3}";
    private const string DecisionExample = "{\"Text\": \"Vi mødes hos Anne i marts\", \"Position\": 2}";
    private const string LearningExample = "{\"Title\": \"Sådan tager vi den svære samtale\", \"Text\": \"Det virkede at …\"}";
    private const string NotesRule = "Only the meeting leader, the note-taker, the network's coordinators (tovholdere), editors and administrators write the meeting's notes, decisions and learnings.";

    public static void MapNotesApi(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/meetings/{meetingId}").WithTags("Meeting notes");
        meetings.MapGet("/notes", NotesAsync).WithName("GetMeetingNotes")
            .WithSummary("The agenda items (position -1: the meeting as a whole) with their notes and revisions, the decisions, the actions and the learnings.");
        meetings.MapPut("/notes/{position}", SaveNoteAsync).WithName("SaveMeetingNote").JsonBody(NoteExample)
            .WithSummary("Saves an item's notes if Revision is still the stored one (0 for new notes): 200 {\"revision\"}; else 409 with the stored \"text\" and \"revision\", nothing changed.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPost("/decisions", AddDecisionAsync).WithName("AddMeetingDecision").JsonBody(DecisionExample)
            .WithSummary("Records a decision (Position optional: the agenda item it was made on). 201 {\"id\"}.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPost("/learnings", PromoteLearningAsync).WithName("PromoteMeetingLearning").JsonBody(LearningExample)
            .WithSummary("Promotes a learning to a knowledge article draft of the network (visibility Network, with the anonymisation checklist). 201 {\"id\",\"articleId\"}.")
            .AddEndpointFilter<ApiWriteProtection>();
        routes.MapDelete("/api/decisions/{decisionId}", DeleteDecisionAsync).WithTags("Meeting notes").WithName("DeleteMeetingDecision")
            .WithSummary("Deletes a decision.")
            .AddEndpointFilter<ApiWriteProtection>();
    }

    private static Task<IResult> NotesAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingNotes notes, MeetingDecisions decisions,
        MeetingActions actions, MeetingLearnings learnings, MeetingPeople people, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), "") is { } refused)
            {
                return refused;
            }

            var items = await notes.ItemsAsync(meeting!, cancellationToken);
            var agreed = await actions.OfMeetingAsync(meeting!.Id, cancellationToken);
            var names = await people.NamesAsync(agreed.Select(a => a.OwnerUserId), cancellationToken);
            var pathBase = http.Request.PathBase.Value ?? "";
            var reader = await access.ReaderAsync(cancellationToken);
            return TypedResults.Ok(new NotesJson(
                items.Select(i => new NoteItemJson(i.Position, i.Phase, i.CaseTitle, i.StartUtc is { } start ? MeetingTime.ToIso(start) : null, i.Text, i.Revision)).ToList(),
                (await decisions.ListAsync(meeting.Id, cancellationToken)).Select(d => new DecisionJson(d.Id, d.Text, d.Position)).ToList(),
                agreed.Select(a => MeetingJson.Action(a, names)).ToList(),
                (await learnings.ListAsync(reader, meeting.Id, cancellationToken))
                    .Select(l => new LearningJson(l.Id, l.ArticleId, l.Title, l.Published, l.PagePath is null ? null : pathBase + l.PagePath)).ToList()));
        });

    private static Task<IResult> SaveNoteAsync(string meetingId, string position, HttpContext http, MeetingAccess access, MeetingNotes notes, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.WriteNotes, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), NotesRule) is { } refused)
            {
                return refused;
            }

            if (position.Length > 6 || !int.TryParse(position, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var at))
            {
                throw new MeetingInputException("position", "The position in the address must be a whole number: -1 for the meeting as a whole, 0 for the first agenda item.");
            }

            var body = await BodyAsync(http, ["Text", "Revision"], NoteExample, cancellationToken);
            var text = body.Text("Text") ?? throw Missing("Text", "\"…\"");
            var revision = body.Int("Revision") ?? throw Missing("Revision", "0");
            var userId = (await access.ReaderAsync(cancellationToken)).UserId!;
            var saved = await notes.SaveAsync(meeting!, at, text, revision, userId, cancellationToken);
            return saved.Saved
                ? TypedResults.Ok(new NoteRevision(saved.Revision))
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                    detail: $"The notes were changed since revision {revision.ToString(CultureInfo.InvariantCulture)}: they are now at revision {saved.Revision.ToString(CultureInfo.InvariantCulture)}. Nothing was changed. Merge your text with \"text\" and send it again with that revision.",
                    extensions: new Dictionary<string, object?> { ["text"] = saved.CurrentText, ["revision"] = saved.Revision });
        });

    private static Task<IResult> AddDecisionAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingDecisions decisions, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.WriteNotes, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), NotesRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Text", "Position"], DecisionExample, cancellationToken);
            var added = await decisions.AddAsync(meeting!, body.Text("Text"), body.Int("Position"), (await access.ReaderAsync(cancellationToken)).UserId!, cancellationToken);
            return TypedResults.Created($"{http.Request.PathBase}/api/meetings/{meeting!.Id}/notes", new CreatedId(added.Id));
        });

    private static Task<IResult> DeleteDecisionAsync(string decisionId, MeetingAccess access, MeetingDecisions decisions, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var found = await decisions.FindAsync(decisionId, cancellationToken);
            var what = $"The decision '{MeetingPlanner.Shorten(decisionId)}'";
            var decision = found is null ? MeetingAccessResult.Hidden : (await access.ForMeetingAsync(found.MeetingId, MeetingRight.WriteNotes, cancellationToken)).Decision;
            if (Refusal(decision, what, NotesRule) is { } refused)
            {
                return refused;
            }

            await decisions.DeleteAsync(found!.Id, cancellationToken);
            return TypedResults.NoContent();
        });

    private static Task<IResult> PromoteLearningAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingLearnings learnings, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.WriteNotes, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), NotesRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Title", "Text"], LearningExample, cancellationToken);
            var outcome = await learnings.PromoteAsync(await access.ReaderAsync(cancellationToken), meeting!, body.Text("Title"), body.Text("Text"), cancellationToken);
            return outcome.Refusal switch
            {
                WriteRefusal.None => TypedResults.Created($"{http.Request.PathBase}/api/content/{outcome.Saved!.ContentItemId}",
                    new PromotedLearning(outcome.Saved.ContentItemId)),
                WriteRefusal.Invalid => ApiResults.Invalid(outcome.Error!),
                _ => ApiResults.Forbidden("You may not write knowledge articles in this network."),
            };
        });
}

public sealed record NotesJson(IReadOnlyList<NoteItemJson> Items, IReadOnlyList<DecisionJson> Decisions, IReadOnlyList<ActionJson> Actions, IReadOnlyList<LearningJson> Learnings);

public sealed record NoteItemJson(int Position, string Phase, string? Case, string? Start, string Text, int Revision);

public sealed record DecisionJson(string Id, string Text, int? Position);

public sealed record LearningJson(string Id, string ArticleId, string Title, bool Published, string? Url);

public sealed record NoteRevision(int Revision);

public sealed record PromotedLearning(string ArticleId);
