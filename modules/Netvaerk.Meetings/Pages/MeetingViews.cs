namespace Netvaerk.Meetings.Pages;

// The small view models the meeting templates share. Labels are Danish source texts the templates translate with `t`;
// names and free text typed by people are shown as they are (HTML-encoded by the template).

/// <summary>The hidden antiforgery field every form carries, and where the form posts.</summary>
public sealed record PageForm(string Action, string AntiforgeryField, string AntiforgeryToken);

/// <summary>One input of a form as it is shown again: its name and id, the value typed, and the error beside it (translated).</summary>
public sealed record FormField(string Name, string Id, string Value, string? Error = null)
{
    public bool Invalid => Error is not null;

    /// <summary>The ids the input's aria-describedby names: its error when it has one.</summary>
    public string DescribedBy => Error is null ? "" : Id + "-error";
}

/// <summary>An option of a select; <see cref="Translate"/> when its label is a Danish source text.</summary>
public sealed record Choice(string Value, string Label, bool Selected, bool Translate = false);

/// <summary>A meeting as lists show it: when and where, which network, and whether it was cancelled (and why).</summary>
/// <param name="When">The day and clock times in the reader's language ("torsdag den 14. januar 2027 kl. 13.00–16.00").</param>
/// <param name="Day">The day alone, for a list heading ("14. jan. 2027").</param>
public sealed record MeetingSummary(
    string Id,
    string Url,
    string NetworkTitle,
    string NetworkUrl,
    string When,
    string Day,
    string Clock,
    string? Place,
    string? OnlineUrl,
    string? Theme,
    bool Cancelled,
    string? CancelledReason,
    bool Changed);

/// <summary>Who holds a role. <paramref name="Role"/> is the Danish role name; <paramref name="Suggested"/> when the tool
/// proposed it and nobody has confirmed it yet; <paramref name="SwapRequested"/> when the holder asked to swap it.</summary>
public sealed record RoleLine(string RoleKey, string Role, string Person, bool Suggested, bool Mine, bool SwapRequested);

/// <summary>An error of a form, linked from the summary at the top to the input it is about.</summary>
public sealed record ErrorLink(string Id, string Message);

public sealed record NetworkLink(string Title, string Url);

/// <summary>The computed agenda as pages and the invitation show it: clock times, and plainly whether it fits.</summary>
public sealed record AgendaView(bool Fits, int PlannedMinutes, int AvailableMinutes, int MinutesOver, int MinutesLeft, IReadOnlyList<AgendaLine> Items)
{
    public static readonly AgendaView Empty = new(true, 0, 0, 0, 0, []);
}

/// <summary>One agenda item: a phase (for a per-case phase, once per chosen case, with that case's title).</summary>
public sealed record AgendaLine(
    string From,
    string To,
    string Phase,
    int Minutes,
    string? CaseTitle,
    string? CaseGiver,
    string? Guidance,
    string? Speaks,
    string? Listens,
    string? Produces);

/// <summary>An open action item of the network, as the invitation lists it.</summary>
public sealed record ActionLine(string Text, string? Owner, string? Due, bool Overdue);

/// <summary>The input limits the forms show (maxlength), from the one place the services check them.</summary>
public sealed record InputLimits(int Place, int Theme, int Url, int Charter, int Reason, int CaseTitle, int KeyQuestion, int Want, int Note, int Series, int EveryWeeks)
{
    public static readonly InputLimits Meetings = new(
        Planning.MeetingInput.PlaceLength, Planning.MeetingInput.ThemeLength, Planning.MeetingInput.UrlLength, Planning.MeetingInput.CharterLength,
        Planning.MeetingInput.ReasonLength, Planning.MeetingInput.CaseTitleLength, Planning.MeetingInput.KeyQuestionLength, Planning.MeetingInput.WantLength,
        Planning.MeetingInput.NoteLength, Planning.MeetingInput.MaxSeries, Planning.MeetingInput.MaxEveryWeeks);
}
