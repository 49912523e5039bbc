using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Pages;

/// <summary>/moeder/{meetingId}: the meeting for its network's members and the tenant's editors (404 for anyone else):
/// when and where, the answers, the cases, the agenda with clock times, the roles, and the forms each reader may use.</summary>
public static class MeetingPage
{
    public const string RsvpForm = "svar";
    public const string BringForm = "case";
    public const string RolesForm = "roller";
    public const string MoveForm = "flyt";
    public const string CancelForm = "aflys";

    /// <summary>The form that edits one case (one per case of the reader's).</summary>
    public static string EditForm(string caseId) => "ret-" + caseId;

    public static async Task<IResult> ShowAsync(string meetingId, HttpContext http, MeetingAccess access, CancellationToken cancellationToken) =>
        await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken) is (MeetingAccessResult.Allowed, { } meeting)
            ? await RenderAsync(http, meeting, FormState.None, cancellationToken)
            : Results.NotFound();

    /// <summary>The page; after a refused form, <paramref name="state"/> holds its typed values and errors (answered 400).</summary>
    public static async Task<IResult> RenderAsync(HttpContext http, Meeting meeting, FormState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(state);
        var services = http.RequestServices;
        var access = services.GetRequiredService<MeetingAccess>();
        var display = services.GetRequiredService<PageDisplay>();
        var content = services.GetRequiredService<ContentManager>();
        var network = await content.GetAsync(meeting.NetworkContentItemId, VersionOptions.Latest, cancellationToken);
        if (network is null)
        {
            return Results.NotFound();
        }

        var view = await services.GetRequiredService<MeetingOverview>().ForMeetingAsync(meeting, cancellationToken);
        var members = await services.GetRequiredService<NetworkMembers>().ListAsync(meeting.NetworkContentItemId, cancellationToken);
        var names = await services.GetRequiredService<MeetingPeople>().NamesAsync(MeetingShapes.People(view).Concat(members.Select(m => m.UserId)), cancellationToken);
        var readerId = (await access.ReaderAsync(cancellationToken)).UserId;
        async Task<bool> May(MeetingRight right) => (await access.ForMeetingAsync(meeting.Id, right, cancellationToken)).Decision == MeetingAccessResult.Allowed;

        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var started = meeting.StartUtc <= now;
        var open = !meeting.Cancelled && !started;
        var culture = CultureInfo.CurrentCulture;
        var text = display.Text;
        var pathBase = MeetingPages.PathBase(http);
        var path = pathBase + MeetingPages.MeetingPath(meeting.Id);
        var form = MeetingPages.Form(http, path);
        var memberNames = members.Select(m => (m.UserId, Name: names.GetValueOrDefault(m.UserId, "?"))).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
        var mayRespond = await May(MeetingRight.Respond);
        var maySetRoles = await May(MeetingRight.SetRoles);

        var model = new MeetingPageModel(
            MeetingShapes.Summary(meeting, network, pathBase, culture),
            MeetingDates.Duration(meeting.DurationMinutes, text),
            view.Protocol?.DisplayText,
            view.Protocol is null ? null : pathBase + MeetingPages.ProtocolPath(view.Protocol.ContentItemId),
            meeting.Purpose,
            meeting.DesiredEffect,
            meeting.Practicalities,
            pathBase + MeetingPages.InvitationPath(meeting.Id),
            pathBase + MeetingPages.NetworkPath(meeting.NetworkContentItemId),
            started,
            state.HasErrors ? null : MeetingMessages.From(http.Request, text),
            MeetingMessages.SectionOf(http.Request),
            state.Links(name => InputId(state.Form, name)),
            form.AntiforgeryField,
            form.AntiforgeryToken,
            Rsvp(view, state, memberNames, names, readerId, mayRespond && open, seeReasons: maySetRoles, path),
            Cases(view, state, names, readerId, mayBring: mayRespond && open, mayPick: !meeting.Cancelled && await May(MeetingRight.PickCases), path),
            MeetingShapes.Agenda(view.Agenda, view.Cases.Where(c => c.Selected).ToList(), names, culture),
            Roles(view, state, memberNames, names, readerId, maySetRoles && !meeting.Cancelled, text, culture, path),
            started && !meeting.Cancelled && await May(MeetingRight.RecordAttendance)
                ? new AttendanceSection(path + "/fremmoede", meeting.AttendanceRecorded,
                    memberNames.Select(m => new AttendanceLine(m.UserId, m.Name, view.Present.Contains(m.UserId))).ToList())
                : null,
            await May(MeetingRight.Plan) ? Manage(meeting, state, path) : null,
            await ToolsAsync(services, meeting, path, cancellationToken));
        var title = $"{meeting.Theme ?? text["Netværksmøde"]} – {MeetingDates.ShortDay(MeetingTime.ToLocal(meeting.StartUtc), culture)}";
        return await display.PageAsync(["Meeting"], model,
            new PageOptions(title, StatusCode: state.HasErrors ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK), cancellationToken);
    }

    private static async Task<IReadOnlyList<MeetingToolLink>> ToolsAsync(IServiceProvider services, Meeting meeting, string path, CancellationToken cancellationToken)
    {
        var links = new List<MeetingToolLink>();
        foreach (var tool in services.GetServices<IMeetingTool>().OrderBy(t => t.Position))
        {
            if (await tool.LinkAsync(meeting, path, cancellationToken) is { } link)
            {
                links.Add(link);
            }
        }

        return links;
    }

    /// <summary>The id of an input of a form on this page (ids are unique per page: the form's name comes first).</summary>
    public static string InputId(string form, string name) => $"{form}-{name}";

    private static RsvpSection Rsvp(MeetingView view, FormState state, List<(string UserId, string Name)> members, IReadOnlyDictionary<string, string> names,
        string? readerId, bool mayAnswer, bool seeReasons, string path)
    {
        var mine = view.Rsvps.FirstOrDefault(r => r.UserId == readerId);
        var answered = view.Rsvps.Select(r => r.UserId).ToHashSet(StringComparer.Ordinal);
        string Name(string userId) => names.GetValueOrDefault(userId, "?");
        return new RsvpSection(
            mayAnswer,
            path + "/svar",
            state.Is(RsvpForm) ? state.Value("svar") : mine is null ? null : mine.Attending ? "yes" : "no",
            state.ErrorFor(RsvpForm, "svar"),
            state.Field(RsvpForm, "begrundelse", InputId(RsvpForm, "begrundelse"), mine?.Reason),
            view.Rsvps.Where(r => r.Attending).Select(r => Name(r.UserId)).Order(StringComparer.CurrentCulture).ToList(),
            view.Rsvps.Where(r => !r.Attending).Select(r => new RsvpLine(Name(r.UserId), seeReasons || r.UserId == readerId ? r.Reason : null))
                .OrderBy(r => r.Person, StringComparer.CurrentCulture).ToList(),
            members.Where(m => !answered.Contains(m.UserId)).Select(m => m.Name).ToList());
    }

    private static CasesSection Cases(MeetingView view, FormState state, IReadOnlyDictionary<string, string> names, string? readerId, bool mayBring, bool mayPick, string path)
    {
        CaseForm Form(string form, MeetingCase? current) => new(
            state.Field(form, "titel", InputId(form, "titel"), current?.Title),
            state.Field(form, "spoergsmaal", InputId(form, "spoergsmaal"), current?.KeyQuestion),
            state.Field(form, "oenske", InputId(form, "oenske"), current?.WantFromGroup),
            state.Field(form, "minutter", InputId(form, "minutter"), (current?.MinutesNeeded ?? 20).ToString(CultureInfo.InvariantCulture)),
            state.Field(form, "prioritet", InputId(form, "prioritet"), (current?.Priority ?? 2).ToString(CultureInfo.InvariantCulture)),
            MeetingShapes.Priorities(FormInput.Number(state.Is(form) ? state.Value("prioritet") : null) ?? current?.Priority ?? 2),
            state.Is(form));

        // Chosen cases first, in agenda order; then the others as they were brought.
        var lines = view.Cases.OrderByDescending(c => c.Selected).ThenBy(c => c.Selected ? c.Position : 0).ThenBy(c => c.CreatedUtc)
            .Select(c =>
            {
                var own = c.UserId == readerId && mayBring;
                var casePath = $"{path}/cases/{Uri.EscapeDataString(c.Id)}";
                return new CaseLine(c.Id, c.Title, c.KeyQuestion, c.WantFromGroup, c.MinutesNeeded, MeetingShapes.PriorityName(c.Priority),
                    names.GetValueOrDefault(c.UserId, "?"), c.Selected, c.Position + 1,
                    own ? casePath : null, own ? casePath + "/traek-tilbage" : null, own ? Form(EditForm(c.Id), c) : null);
            }).ToList();
        return new CasesSection(lines, lines.Where(c => c.Edit is not null).ToList(), mayBring, path + "/cases", Form(BringForm, null), mayPick, path + "/dagsorden");
    }

    private static RolesSection Roles(MeetingView view, FormState state, List<(string UserId, string Name)> members, IReadOnlyDictionary<string, string> names,
        string? readerId, bool mayChange, IStringLocalizer text, CultureInfo culture, string path)
    {
        var lines = MeetingShapes.Roles(view.Roles, names, readerId, view.SwapRequests);
        var selects = MeetingRoles.Single.Select(role =>
        {
            var input = RoleInputs[role];
            var chosen = state.Is(RolesForm) ? state.Value(input) : view.Roles.Holder(role);
            return new RoleSelect(input, InputId(RolesForm, input), MeetingShapes.RoleName(role),
                members.Select(m => new Choice(m.UserId, m.Name, m.UserId == chosen)).ToList(), state.ErrorFor(RolesForm, input));
        }).ToList();
        var swaps = view.SwapRequests.Select(s => new SwapLine(names.GetValueOrDefault(s.UserId, "?"), text[MeetingShapes.RoleName(s.Role)], s.Note,
            MeetingDates.ShortDay(MeetingTime.ToLocal(s.CreatedUtc), culture))).ToList();
        return new RolesSection(lines, view.Roles.Suggested.Count > 0, lines.Where(l => l.Mine && !l.SwapRequested).ToList(), path + "/bytte", swaps,
            mayChange, path + "/roller", selects, state.Is(RolesForm));
    }

    /// <summary>The role's input name in the change form.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleInputs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MeetingRoles.MeetingLeader] = "moedeleder",
        [MeetingRoles.Timekeeper] = "tidtager",
        [MeetingRoles.NoteTaker] = "referent",
        [MeetingRoles.Host] = "vaert",
    };

    private static ManageSection Manage(Meeting meeting, FormState state, string path)
    {
        var (date, time) = MeetingDates.Inputs(MeetingTime.ToLocal(meeting.StartUtc));
        FormField Move(string name, string? value) => state.Field(MoveForm, name, InputId(MoveForm, name), value);
        return new ManageSection(
            path + "/flyt",
            Move("dato", date),
            Move("tid", time),
            Move("timer", (meeting.DurationMinutes / 60).ToString(CultureInfo.InvariantCulture)),
            Move("minutter", (meeting.DurationMinutes % 60).ToString(CultureInfo.InvariantCulture)),
            Move("sted", meeting.Place),
            state.Is(MoveForm),
            path + "/aflys",
            state.Field(CancelForm, "begrundelse", InputId(CancelForm, "begrundelse"), ""),
            state.Field(CancelForm, "bekraeft", InputId(CancelForm, "bekraeft"), ""),
            state.Is(CancelForm),
            meeting.SeriesId is not null);
    }
}
