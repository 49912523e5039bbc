using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Pages;

/// <summary>The status messages after a form (the code in <c>?besked=</c>, never text from the address), and the Danish
/// (or English) message for a refusal the services gave (<see cref="MeetingInputException"/>: an English template,
/// translated through Texts/meetings.da.json).</summary>
public static class MeetingMessages
{
    public const string Yes = "kommer";
    public const string No = "afbud";
    public const string CaseBrought = "case";
    public const string CaseEdited = "case-rettet";
    public const string CaseWithdrawn = "case-trukket";
    public const string Agenda = "dagsorden";
    public const string Roles = "roller";
    public const string Swap = "bytte";
    public const string Attendance = "fremmoede";
    public const string Moved = "flyttet";
    public const string Cancelled = "aflyst";
    public const string Planned = "planlagt";
    public const string PlannedOne = "planlagt-et";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [Yes] = "Tak – du har meldt dig til mødet.",
        [No] = "Du har meldt afbud. Tak, fordi du sagde til.",
        [CaseBrought] = "Din case er meldt ind. Mødelederen vælger, hvilke cases der kommer på dagsordenen.",
        [CaseEdited] = "Din case er rettet.",
        [CaseWithdrawn] = "Din case er trukket tilbage.",
        [Agenda] = "Dagsordenen er opdateret med de valgte cases.",
        [Roles] = "Rollerne er gemt.",
        [Swap] = "Din anmodning om at bytte er sendt. Tovholderen eller mødelederen finder en anden.",
        [Attendance] = "Fremmødet er gemt.",
        [Moved] = "Mødet er flyttet. Medlemmerne ser den nye tid på mødesiden og i deres kalender.",
        [Cancelled] = "Mødet er aflyst. Medlemmerne ser det på mødesiden og i deres kalender.",
        [Planned] = "Møderne er planlagt. Rollerne er foreslået, så de går på skift.",
        [PlannedOne] = "Mødet er planlagt.",
    };

    /// <summary>Where on the meeting page a message is shown: in the section the form belongs to (the redirect's anchor
    /// scrolls there), else at the top.</summary>
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        [Yes] = "svar",
        [No] = "svar",
        [CaseBrought] = "cases",
        [CaseEdited] = "cases",
        [CaseWithdrawn] = "cases",
        [Agenda] = "dagsorden",
        [Roles] = "roller",
        [Swap] = "roller",
        [Attendance] = "fremmoede",
    };

    /// <summary>The section of the meeting page the request's message belongs to; null for the top of the page.</summary>
    public static string? SectionOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Sections.GetValueOrDefault(request.Query["besked"].ToString());
    }

    /// <summary>The translated message for the request's <c>?besked=</c> code; null for none or an unknown one.</summary>
    public static string? From(HttpRequest request, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(text);
        return request.Query["besked"].ToString() is { Length: > 0 } code && Texts.TryGetValue(code, out var message) ? text[message].Value : null;
    }

    /// <summary>The refusal in the reader's language (the English template as it is when no translation exists).</summary>
    public static string Refusal(MeetingInputException refusal, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(text);
        // The form asks for hours and minutes, so the range is said in those, not as the API's minutes.
        return refusal.Field == "DurationMinutes" && refusal.Arguments.Length == 4
            ? text["Mødet skal vare mindst {0} minutter og højst {1} timer.", MeetingInput.MinDuration, MeetingInput.MaxDuration / 60].Value
            : text[refusal.Template, refusal.Arguments].Value;
    }
}
