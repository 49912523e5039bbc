using Netvaerk.Meetings.Pages;

namespace Netvaerk.Meetings.Notes;

// The view models of /moeder/{id}/noter. Labels are Danish source texts the template translates; notes, decisions and
// names are shown as typed (HTML-encoded by the template).

/// <param name="StorageKey">Where the page's script keeps unsent notes: tenant and meeting (the script adds host and position).</param>
/// <param name="Texts">The script's status texts, already in the reader's language.</param>
public sealed record NotesPageModel(
    MeetingSummary Meeting,
    bool MayWrite,
    string? Message,
    string? Error,
    string AntiforgeryField,
    string AntiforgeryToken,
    string StorageKey,
    string ScriptUrl,
    NotesScriptTexts Texts,
    IReadOnlyList<NoteItemView> Items,
    DecisionsView Decisions,
    ActionsView Actions,
    LearningsView Learnings,
    MinutesView Minutes);

/// <summary>One agenda item's notes: a form for writers (the API address for the script), the saved text for readers.</summary>
/// <param name="Conflict">The stored text when the writer's save was refused because it changed meanwhile; the form then holds the writer's text.</param>
public sealed record NoteItemView(
    int Position,
    string Anchor,
    string Phase,
    string? CaseTitle,
    string? Clock,
    string Text,
    int Revision,
    string Action,
    string ApiUrl,
    string? LearnUrl,
    string? Conflict,
    string? Error,
    string? UpdatedAt)
{
    public string InputId => $"note-{Anchor}";

    public bool HasText => Text.Length > 0;
}

public sealed record NotesScriptTexts(string Saving, string Saved, string Retry, string Offline, string Refused, string Restored, string Unsent,
    string UseMine, string UseSaved, string Conflict);

public sealed record DecisionsView(IReadOnlyList<DecisionLine> Lines, string Action, FormField Text, FormField Position, IReadOnlyList<Choice> Positions);

public sealed record DecisionLine(string Text, string? Item, string? DeleteAction);

public sealed record ActionsView(IReadOnlyList<ActionItemLine> Lines, string Action, FormField Text, FormField Owner, FormField Due, IReadOnlyList<Choice> Owners);

public sealed record ActionItemLine(string Text, string? Owner, string? Due, bool Done, string? ToggleAction);

public sealed record LearningsView(IReadOnlyList<LearningView> Lines, string Action, FormField Title, FormField Text, int TitleLength, int TextLength);

public sealed record LearningView(string Title, bool Published, string? EditUrl, string? PageUrl);

/// <summary>The minutes as a meeting note: where the form posts (null for readers), the note's page once it exists, a refusal.</summary>
public sealed record MinutesView(string? Action, string? PageUrl, string? Error);
