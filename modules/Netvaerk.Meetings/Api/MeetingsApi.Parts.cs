using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Api;

namespace Netvaerk.Meetings.Api;

/// <summary>The parts of a meeting: cases, agenda, roles and swap requests, RSVP, attendance, actions; and commitment.</summary>
public static partial class MeetingsApi
{
    private static readonly string[] CaseFields = ["Title", "KeyQuestion", "MinutesNeeded", "Priority", "WantFromGroup"];
    private static readonly string[] RoleFields = ["MeetingLeader", "Timekeeper", "NoteTaker", "Host", "CaseGivers"];
    private const string CaseExample = "{\"Title\": \"Ny medarbejder mistrives\", \"KeyQuestion\": \"Hvordan tager jeg samtalen?\", \"MinutesNeeded\": 30, \"Priority\": 1}";
    private const string SelectExample = "{\"Selected\": [\"<case id>\", \"<case id>\"]}";
    private const string RolesExample = "{\"MeetingLeader\": \"anne\", \"Timekeeper\": \"bo\", \"NoteTaker\": \"carl\", \"Host\": \"dorte\", \"CaseGivers\": []}";
    private const string SwapExample = "{\"Role\": \"Host\", \"Note\": \"Vi har ikke lokaler i marts\"}";
    private const string RsvpExample = "{\"Answer\": \"yes\"} or {\"Answer\": \"no\", \"Reason\": \"Kursus\"}";
    private const string AttendanceExample = "{\"Present\": [\"anne\", \"bo\"]}";
    private const string ActionExample = "{\"Text\": \"Sende oplæg\", \"Owner\": \"anne\", \"Due\": \"2027-02-01\"}";
    private const string DoneExample = "{\"Done\": true}";

    /// <summary>The priority of a case that does not say (1 urgent … 3 can wait).</summary>
    public const int DefaultPriority = 2;

    private static void MapParts(RouteGroupBuilder meetings, IEndpointRouteBuilder routes)
    {
        meetings.MapPost("/cases", BringCaseAsync).WithName("BringCase").JsonBody(CaseExample)
            .WithSummary("A member brings a case (before the meeting starts). 201 {\"id\"}.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPut("/cases", SelectCasesAsync).WithName("SelectCases").JsonBody(SelectExample)
            .WithSummary("The meeting leader (or a coordinator) chooses which cases go on the agenda, in order; the others come off.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPut("/cases/{caseId}", EditCaseAsync).WithName("EditCase").JsonBody(CaseExample)
            .WithSummary("The case giver changes their own case; fields left out stay as they are.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapDelete("/cases/{caseId}", WithdrawCaseAsync).WithName("WithdrawCase")
            .WithSummary("The case giver withdraws their own case.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapGet("/agenda", AgendaAsync).WithName("GetMeetingAgenda")
            .WithSummary("The agenda from the protocol's phases and the selected cases, with clock times; fits says whether it fits the meeting's duration.");
        meetings.MapGet("/roles", RolesAsync).WithName("GetMeetingRoles")
            .WithSummary("Who holds each role: stored, or suggested by the rotation (listed in Suggested).");
        meetings.MapPut("/roles", SetRolesAsync).WithName("SetMeetingRoles").JsonBody(RolesExample)
            .WithSummary("Sets the roles (user names, members only); null goes back to the suggestion, empty CaseGivers follow the selected cases: coordinators, editors, the meeting leader.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPost("/roles/swap", AskToSwapAsync).WithName("AskToSwapRole").JsonBody(SwapExample)
            .WithSummary("A member asks to swap a role they hold; resolved when the roles change. 201 {\"id\"}.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPut("/rsvp", RsvpAsync).WithName("AnswerMeeting").JsonBody(RsvpExample)
            .WithSummary("The member's answer, yes or no with an optional reason; answering again replaces it.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPut("/attendance", AttendanceAsync).WithName("RecordAttendance").JsonBody(AttendanceExample)
            .WithSummary("Who came (user names, members only): the meeting leader, the note-taker, coordinators, editors.")
            .AddEndpointFilter<ApiWriteProtection>();
        meetings.MapPost("/actions", AddActionAsync).WithName("AddMeetingAction").JsonBody(ActionExample)
            .WithSummary("An action item agreed at the meeting; open ones show in the next invitation. 201 {\"id\"}.")
            .AddEndpointFilter<ApiWriteProtection>();
        routes.MapPut("/api/actions/{actionId}", SetActionDoneAsync).WithTags("Meetings").WithName("SetMeetingActionDone").JsonBody(DoneExample)
            .WithSummary("Marks an action done (or open again): its owner, the meeting leader, the note-taker, coordinators, editors.")
            .AddEndpointFilter<ApiWriteProtection>();
    }

    private static Task<IResult> BringCaseAsync(string meetingId, HttpContext http, MeetingAccess access, CaseIntake intake, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Respond, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), MembersRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, CaseFields, CaseExample, cancellationToken);
            var input = new BringCase(body.Text("Title") ?? "", body.Text("KeyQuestion") ?? "",
                body.Int("MinutesNeeded") ?? throw Missing("MinutesNeeded", "30"), body.Int("Priority") ?? DefaultPriority, body.Text("WantFromGroup"));
            var reader = await access.ReaderAsync(cancellationToken);
            var item = await intake.BringAsync(meeting!.Id, reader.UserId!, input, cancellationToken);
            return TypedResults.Created($"{http.Request.PathBase}/api/meetings/{meeting.Id}/cases/{item.Id}", new CreatedId(item.Id));
        });

    private static Task<IResult> SelectCasesAsync(string meetingId, HttpContext http, MeetingAccess access, CaseIntake intake, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.PickCases, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), LeaderRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Selected"], SelectExample, cancellationToken);
            var selected = await intake.SelectAsync(meeting!.Id, body.Texts("Selected") ?? throw Missing("Selected", "[]"), cancellationToken);
            return TypedResults.Ok(new SelectedCases(selected.Select(c => c.Id).ToList()));
        });

    private static Task<IResult> EditCaseAsync(string meetingId, string caseId, HttpContext http, MeetingAccess access, CaseIntake intake, MeetingPeople people, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, item) = await access.ForCaseAsync(caseId, cancellationToken);
            if (Refusal(item?.MeetingId == meetingId ? decision : MeetingAccessResult.Hidden, Case(caseId), OwnCaseRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, CaseFields, CaseExample, cancellationToken);
            var input = new BringCase(body.Has("Title") ? body.Text("Title") ?? "" : item!.Title, body.Has("KeyQuestion") ? body.Text("KeyQuestion") ?? "" : item!.KeyQuestion,
                body.Int("MinutesNeeded") ?? item!.MinutesNeeded, body.Int("Priority") ?? item!.Priority, body.Has("WantFromGroup") ? body.Text("WantFromGroup") : item!.WantFromGroup);
            var changed = await intake.EditAsync(item!.Id, input, cancellationToken);
            return TypedResults.Ok(MeetingJson.Case(changed, await people.NamesAsync([changed.UserId], cancellationToken)));
        });

    private static Task<IResult> WithdrawCaseAsync(string meetingId, string caseId, MeetingAccess access, CaseIntake intake, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, item) = await access.ForCaseAsync(caseId, cancellationToken);
            if (Refusal(item?.MeetingId == meetingId ? decision : MeetingAccessResult.Hidden, Case(caseId), OwnCaseRule) is { } refused)
            {
                return refused;
            }

            await intake.WithdrawAsync(item!.Id, cancellationToken);
            return TypedResults.NoContent();
        });

    private static Task<IResult> AgendaAsync(string meetingId, MeetingAccess access, MeetingAgenda agenda, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), "") is { } refused)
            {
                return refused;
            }

            return TypedResults.Ok(MeetingJson.Agenda(await agenda.ForMeetingAsync(meeting!, cancellationToken)));
        });

    private static Task<IResult> RolesAsync(string meetingId, MeetingAccess access, MeetingRoster roster, MeetingPeople people, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), "") is { } refused)
            {
                return refused;
            }

            return TypedResults.Ok(await RolesJsonAsync(await roster.ForMeetingAsync(meeting!, cancellationToken), people, cancellationToken));
        });

    private static Task<IResult> SetRolesAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingRoster roster, MeetingPeople people, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.SetRoles, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), LeaderRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, [.. RoleFields, "Suggested"], RolesExample, cancellationToken);
            var givers = new List<string>();
            foreach (var name in body.Texts("CaseGivers") ?? [])
            {
                givers.Add(await MemberIdAsync(people, "CaseGivers", name, cancellationToken));
            }

            var roles = new RoleAssignment(
                await OptionalMemberAsync(people, "MeetingLeader", body.Text("MeetingLeader"), cancellationToken),
                await OptionalMemberAsync(people, "Timekeeper", body.Text("Timekeeper"), cancellationToken),
                await OptionalMemberAsync(people, "NoteTaker", body.Text("NoteTaker"), cancellationToken),
                await OptionalMemberAsync(people, "Host", body.Text("Host"), cancellationToken),
                givers);
            return TypedResults.Ok(await RolesJsonAsync(await roster.SetAsync(meeting!.Id, roles, cancellationToken), people, cancellationToken));
        });

    private static Task<IResult> AskToSwapAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingRoster roster, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Respond, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), MembersRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Role", "Note"], SwapExample, cancellationToken);
            var name = body.Text("Role") ?? throw Missing("Role", "\"Host\"");
            var role = MeetingJson.Role(name)
                ?? throw new MeetingInputException("Role", "'{0}' is not a role; the roles are {1}.", MeetingPlanner.Shorten(name), string.Join(", ", RoleFields));
            var reader = await access.ReaderAsync(cancellationToken);
            var request = await roster.AskToSwapAsync(meeting!.Id, reader.UserId!, role, body.Text("Note"), cancellationToken);
            return TypedResults.Created($"{http.Request.PathBase}/api/meetings/{meeting.Id}", new { id = request.Id });
        });

    private static Task<IResult> RsvpAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingResponses responses, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.Respond, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), MembersRule) is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Answer", "Reason"], RsvpExample, cancellationToken);
            var attending = body.Text("Answer")?.Trim().ToLowerInvariant() switch
            {
                "yes" or "ja" => true,
                "no" or "nej" => false,
                null => throw Missing("Answer", "\"yes\""),
                _ => throw new MeetingInputException("Answer", "Answer must be \"yes\" or \"no\"."),
            };
            var reader = await access.ReaderAsync(cancellationToken);
            var rsvp = await responses.AnswerAsync(meeting!.Id, reader.UserId!, attending, body.Text("Reason"), cancellationToken);
            return TypedResults.Ok(new RsvpJson(reader.UserName ?? "", rsvp.Attending ? "yes" : "no", rsvp.Reason, MeetingTime.ToIso(rsvp.AnsweredUtc)));
        });

    private static Task<IResult> AttendanceAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingResponses responses, MeetingPeople people, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.RecordAttendance, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), "Only the meeting leader, the note-taker, the network's coordinators, editors and administrators record who came.") is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Present"], AttendanceExample, cancellationToken);
            var ids = new List<string>();
            foreach (var name in body.Texts("Present") ?? throw Missing("Present", "[]"))
            {
                ids.Add(await MemberIdAsync(people, "Present", name, cancellationToken));
            }

            var present = await responses.RecordAttendanceAsync(meeting!.Id, ids, cancellationToken);
            var names = await people.NamesAsync(present, cancellationToken);
            return TypedResults.Ok(new PresentJson(present.Select(id => names.GetValueOrDefault(id)).OfType<string>().ToList()));
        });

    private static Task<IResult> AddActionAsync(string meetingId, HttpContext http, MeetingAccess access, MeetingActions actions, MeetingPeople people, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, meeting) = await access.ForMeetingAsync(meetingId, MeetingRight.WriteActions, cancellationToken);
            if (Refusal(decision, Meeting(meetingId), "Only the meeting leader, the note-taker, the network's coordinators, editors and administrators write its actions.") is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Text", "Owner", "Due"], ActionExample, cancellationToken);
            var owner = await OptionalMemberAsync(people, "Owner", body.Text("Owner"), cancellationToken);
            var action = await actions.AddAsync(meeting!.Id, body.Text("Text"), owner, body.Date("Due"), cancellationToken);
            return TypedResults.Created($"{http.Request.PathBase}/api/actions/{action.Id}", new CreatedId(action.Id));
        });

    private static Task<IResult> SetActionDoneAsync(string actionId, HttpContext http, MeetingAccess access, MeetingActions actions, MeetingPeople people, CancellationToken cancellationToken) =>
        GuardedAsync(async () =>
        {
            var (decision, action) = await access.ForActionAsync(actionId, cancellationToken);
            if (Refusal(decision, $"The action '{MeetingPlanner.Shorten(actionId)}'", "Only the action's owner, the meeting leader, the note-taker, coordinators, editors and administrators mark it done.") is { } refused)
            {
                return refused;
            }

            var body = await BodyAsync(http, ["Done"], DoneExample, cancellationToken);
            var changed = await actions.SetDoneAsync(action!.Id, body.Bool("Done") ?? throw Missing("Done", "true"), cancellationToken);
            return TypedResults.Ok(MeetingJson.Action(changed, await people.NamesAsync([changed.OwnerUserId], cancellationToken)));
        });

    private static async Task<RolesJson> RolesJsonAsync(EffectiveRoles roles, MeetingPeople people, CancellationToken cancellationToken) =>
        MeetingJson.Roles(roles, await people.NamesAsync([roles.Roles.MeetingLeader, roles.Roles.Timekeeper, roles.Roles.NoteTaker, roles.Roles.Host, .. roles.Roles.CaseGivers], cancellationToken));

    /// <summary>The user id of a user name; an unknown name is refused like a non-member (the service checks membership).</summary>
    private static async Task<string> MemberIdAsync(MeetingPeople people, string field, string name, CancellationToken cancellationToken) =>
        await people.IdAsync(name, cancellationToken)
        ?? throw new MeetingInputException(field, "{0}: '{1}' is not a member of this network. Name the network's members by their user names.", field, MeetingPlanner.Shorten(name));

    private static async Task<string?> OptionalMemberAsync(MeetingPeople people, string field, string? name, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(name) ? null : await MemberIdAsync(people, field, name, cancellationToken);

    private const string MembersRule = "Only the network's members answer, bring cases and ask to swap roles.";
    private const string LeaderRule = "Only the meeting leader, the network's coordinators (tovholdere), editors and administrators set roles and choose cases.";
    private const string OwnCaseRule = "Only the member who brought the case changes or withdraws it.";

    private static string Case(string id) => $"The case '{MeetingPlanner.Shorten(id)}'";
}
