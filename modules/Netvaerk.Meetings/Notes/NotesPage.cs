using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Notes;

/// <summary>A refused form of the notes page shown again: the form's typed values and errors, and for a note whose save
/// met newer text, the stored text and revision (the form then carries the writer's text and the stored revision).</summary>
public sealed record NotesState(FormState Form, int? ConflictPosition = null, string? ConflictText = null, int ConflictRevision = 0)
{
    public static readonly NotesState None = new(FormState.None);
}

/// <summary>/moeder/{meetingId}/noter: per agenda item the notes (a form for those who write them, saved while they type
/// by meeting-notes.js and by the form's button without JavaScript), the decisions, the actions and the learnings
/// promoted to knowledge articles. Members of the network read; 404 for anyone else.</summary>
public static class NotesPage
{
    public const string DecisionForm = "beslutning";
    public const string ActionForm = "handling";
    public const string LearningForm = "laering";

    public static string Path(string meetingId) => MeetingPages.MeetingPath(meetingId) + "/noter";

    public static string NoteForm(int position) => "note-" + Anchor(position);

    public static string Anchor(int position) => position == MeetingNotes.WholeMeeting ? "hele-moedet" : "punkt-" + position.ToString(CultureInfo.InvariantCulture);

    public static async Task<IResult> ShowAsync(string meetingId, HttpContext http, MeetingAccess access, CancellationToken cancellationToken) =>
        await access.ForMeetingAsync(meetingId, MeetingRight.Read, cancellationToken) is (MeetingAccessResult.Allowed, { } meeting)
            ? await RenderAsync(http, meeting, NotesState.None, cancellationToken)
            : Results.NotFound();

    /// <summary>The page; after a refused form, <paramref name="state"/> holds what was typed (answered 400, or 409 for a conflict).</summary>
    public static async Task<IResult> RenderAsync(HttpContext http, Meeting meeting, NotesState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(state);
        var services = http.RequestServices;
        var access = services.GetRequiredService<MeetingAccess>();
        var display = services.GetRequiredService<PageDisplay>();
        var network = await services.GetRequiredService<ContentManager>().GetAsync(meeting.NetworkContentItemId, VersionOptions.Latest, cancellationToken);
        if (network is null)
        {
            return Results.NotFound();
        }

        var reader = await access.ReaderAsync(cancellationToken);
        var mayWrite = (await access.ForMeetingAsync(meeting.Id, MeetingRight.WriteNotes, cancellationToken)).Decision == MeetingAccessResult.Allowed;
        var culture = CultureInfo.CurrentCulture;
        var text = display.Text;
        var pathBase = MeetingPages.PathBase(http);
        var path = pathBase + Path(meeting.Id);
        var form = MeetingPages.Form(http, path);
        var (f, query) = (state.Form, http.Request.Query);

        var items = await services.GetRequiredService<MeetingNotes>().ItemsAsync(meeting, cancellationToken);
        var learnFrom = int.TryParse(query["laering"].ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
            ? items.FirstOrDefault(i => i.Position == from) : null;
        var itemViews = items.Select(item =>
        {
            var posted = state.ConflictPosition == item.Position || f.Is(NoteForm(item.Position));
            return new NoteItemView(
                item.Position,
                Anchor(item.Position),
                item.Phase,
                CaseBeside(item.Phase, item.CaseTitle),
                item.StartUtc is { } start ? MeetingDates.Clock(MeetingTime.ToLocal(start), culture) : null,
                posted ? f.Value("tekst") ?? item.Text : item.Text,
                state.ConflictPosition == item.Position ? state.ConflictRevision : item.Revision,
                $"{path}/punkt/{item.Position.ToString(CultureInfo.InvariantCulture)}",
                $"{pathBase}/api/meetings/{Uri.EscapeDataString(meeting.Id)}/notes/{item.Position.ToString(CultureInfo.InvariantCulture)}",
                mayWrite && item.Text.Length > 0 ? $"{path}?laering={item.Position.ToString(CultureInfo.InvariantCulture)}#laering" : null,
                state.ConflictPosition == item.Position ? state.ConflictText : null,
                f.ErrorFor(NoteForm(item.Position), "tekst"),
                item.UpdatedUtc is { } at ? MeetingDates.Clock(MeetingTime.ToLocal(at), culture) : null);
        }).ToList();

        string? PhaseOf(int? position) => position is { } p && items.FirstOrDefault(i => i.Position == p) is { } item
            ? CaseBeside(item.Phase, item.CaseTitle) is { } title ? $"{item.Phase}: {title}" : item.Phase : null;

        var decisions = await services.GetRequiredService<MeetingDecisions>().ListAsync(meeting.Id, cancellationToken);
        var decisionsView = new DecisionsView(
            decisions.Select(d => new DecisionLine(d.Text, PhaseOf(d.Position), mayWrite ? $"{path}/beslutninger/{Uri.EscapeDataString(d.Id)}/slet" : null)).ToList(),
            path + "/beslutninger",
            f.Field(DecisionForm, "tekst", Id(DecisionForm, "tekst"), null),
            f.Field(DecisionForm, "punkt", Id(DecisionForm, "punkt"), null),
            [new Choice("", "Mødet som helhed", f.Value("punkt") is null or "", Translate: true),
                .. items.Where(i => i.Position >= 0).Select(i => new Choice(i.Position.ToString(CultureInfo.InvariantCulture), PhaseOf(i.Position)!,
                    f.Is(DecisionForm) && f.Value("punkt") == i.Position.ToString(CultureInfo.InvariantCulture)))]);

        var actions = await services.GetRequiredService<MeetingActions>().OfMeetingAsync(meeting.Id, cancellationToken);
        var members = await services.GetRequiredService<NetworkMembers>().ListAsync(meeting.NetworkContentItemId, cancellationToken);
        var names = await services.GetRequiredService<MeetingPeople>().NamesAsync(members.Select(m => m.UserId).Concat(actions.Select(a => a.OwnerUserId)), cancellationToken);
        var mayWriteActions = (await access.ForMeetingAsync(meeting.Id, MeetingRight.WriteActions, cancellationToken)).Decision == MeetingAccessResult.Allowed;
        var owner = f.Is(ActionForm) ? f.Value("ansvarlig") : null;
        var actionsView = new ActionsView(
            actions.Select(a => new ActionItemLine(a.Text, a.OwnerUserId is null ? null : names.GetValueOrDefault(a.OwnerUserId, "?"),
                a.Due is { } due ? due.ToDateTime(TimeOnly.MinValue).ToString("d. MMMM yyyy", culture) : null, a.Done,
                mayWriteActions || (a.OwnerUserId is not null && a.OwnerUserId == reader.UserId) ? $"{path}/handlinger/{Uri.EscapeDataString(a.Id)}" : null)).ToList(),
            path + "/handlinger",
            f.Field(ActionForm, "hvad", Id(ActionForm, "hvad"), null),
            f.Field(ActionForm, "ansvarlig", Id(ActionForm, "ansvarlig"), null),
            f.Field(ActionForm, "frist", Id(ActionForm, "frist"), null),
            [new Choice("", "Ingen endnu", owner is null or "", Translate: true),
                .. members.Select(m => new Choice(m.UserId, names.GetValueOrDefault(m.UserId, "?"), owner == m.UserId))
                    .OrderBy(c => c.Label, StringComparer.Create(culture, CompareOptions.IgnoreCase))]);

        var learnings = await services.GetRequiredService<MeetingLearnings>().ListAsync(reader, meeting.Id, cancellationToken);
        var learningsView = new LearningsView(
            learnings.Select(l => new LearningView(l.Title, l.Published, l.EditPath is null ? null : pathBase + l.EditPath, l.PagePath is null ? null : pathBase + l.PagePath)).ToList(),
            path + "/laering",
            f.Field(LearningForm, "titel", Id(LearningForm, "titel"), learnFrom is null ? null : learnFrom.CaseTitle ?? learnFrom.Phase),
            f.Field(LearningForm, "tekst", Id(LearningForm, "tekst"), learnFrom?.Text),
            MeetingLearnings.TitleLength,
            MeetingLearnings.TextLength);

        var minutes = await services.GetRequiredService<MeetingMinutes>().FindAsync(meeting, cancellationToken);
        var minutesView = new MinutesView(mayWrite ? path + "/referat" : null, minutes is { Published: true } ? ContentUrls.Of(pathBase, minutes) : null,
            f.ErrorFor("referat", "referat"));

        var model = new NotesPageModel(
            MeetingShapes.Summary(meeting, network, pathBase, culture),
            mayWrite,
            state.Form.HasErrors || state.ConflictPosition is not null ? null : NotesMessages.From(http.Request, text),
            state.ConflictPosition is not null
                ? text["Noterne er ændret af en anden, mens du skrev. Din tekst står i feltet, og den gemte tekst står under det. Saml det, der skal med, og gem igen."].Value
                : null,
            form.AntiforgeryField,
            form.AntiforgeryToken,
            $"netvaerk-noter:{pathBase}:{meeting.Id}",
            $"{pathBase}/{Manifest.Id}/js/meeting-notes.js",
            new NotesScriptTexts(
                text["Gemmer …"].Value,
                text["Gemt kl. {0}"].Value,
                text["Ikke gemt endnu – prøver igen"].Value,
                text["Ikke gemt endnu – ingen forbindelse. Teksten er gemt i browseren og sendes, når forbindelsen er tilbage."].Value,
                text["Ikke gemt"].Value,
                text["Din tekst, der ikke nåede frem, er hentet tilbage og gemmes nu."].Value,
                text["Der ligger en tekst i browseren, som ikke nåede frem, og den er anderledes end den gemte:"].Value,
                text["Brug min tekst"].Value,
                text["Brug den gemte tekst"].Value,
                text["Noterne er ændret af en anden, mens du skrev. Den gemte tekst:"].Value),
            itemViews,
            decisionsView,
            actionsView,
            learningsView,
            minutesView);
        var title = $"{text["Noter og beslutninger"].Value} – {meeting.Theme ?? text["Netværksmøde"].Value} {MeetingDates.ShortDay(MeetingTime.ToLocal(meeting.StartUtc), culture)}";
        var status = state.ConflictPosition is not null ? StatusCodes.Status409Conflict : state.Form.HasErrors ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return await display.PageAsync(["MeetingNotes"], model, new PageOptions(title, StatusCode: status), cancellationToken);
    }

    public static string Id(string form, string name) => $"{form}-{name}";

    /// <summary>The case shown beside a phase; none when the phase is named for the case (an agenda without a protocol).</summary>
    private static string? CaseBeside(string phase, string? caseTitle) =>
        caseTitle is null || string.Equals(phase, caseTitle, StringComparison.Ordinal) ? null : caseTitle;
}
