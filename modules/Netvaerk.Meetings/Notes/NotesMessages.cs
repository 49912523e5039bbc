using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Netvaerk.Meetings.Notes;

/// <summary>The status messages of the notes page after a form (a code in <c>?besked=</c>, never text from the address).</summary>
public static class NotesMessages
{
    public const string Saved = "gemt";
    public const string Decision = "beslutning";
    public const string DecisionDeleted = "beslutning-slettet";
    public const string Action = "handling";
    public const string Done = "udfoert";
    public const string Reopened = "genaabnet";
    public const string Learning = "laering";
    public const string Minutes = "referat";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        [Saved] = "Noterne er gemt.",
        [Decision] = "Beslutningen er skrevet ned.",
        [DecisionDeleted] = "Beslutningen er slettet.",
        [Action] = "Opgaven er oprettet. Den står på dagsordenen ved næste møde, til den er udført.",
        [Done] = "Opgaven er markeret som udført.",
        [Reopened] = "Opgaven er åben igen.",
        [Minutes] = "Referatet er gemt som mødenotat. Netværkets medlemmer kan finde det i søgningen.",
        [Learning] = "Læringen er gemt som kladde til en videnartikel, som kun netværket kan se. Gør den færdig, og tjek anonymiseringen, før den deles bredere.",
    };

    public static string? From(HttpRequest request, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(text);
        return request.Query["besked"].ToString() is { Length: > 0 } code && Texts.TryGetValue(code, out var message) ? text[message].Value : null;
    }
}
