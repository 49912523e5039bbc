using Microsoft.Extensions.Localization;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Pages;

/// <summary>The case form's fields (to bring a case, or to change one's own), as the template names them.</summary>
public sealed class CaseFormInput
{
    public string? Titel { get; set; }

    public string? Spoergsmaal { get; set; }

    public string? Oenske { get; set; }

    public string? Minutter { get; set; }

    public string? Prioritet { get; set; }

    /// <summary>The case to hand to the service, or null with the numbers it could not read marked in <paramref name="state"/>.
    /// Everything else (required texts, lengths, a case longer than the meeting) is the service's to refuse.</summary>
    public BringCase? Read(FormState state, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        var minutes = FormInput.Number(Minutter);
        var priority = FormInput.Number(Prioritet, 2);
        if (minutes is null)
        {
            state.Error("minutter", text["Skriv, hvor mange minutter du har brug for, som et helt tal, fx 20."]);
        }

        if (priority is null)
        {
            state.Error("prioritet", text[FormInput.NumberHelp]);
        }

        return state.HasErrors ? null : new BringCase(Titel ?? "", Spoergsmaal ?? "", minutes!.Value, priority!.Value, Oenske);
    }

    /// <summary>The input a refusal's field is about.</summary>
    public static string InputOf(string field) => field switch
    {
        "Title" => "titel",
        "KeyQuestion" => "spoergsmaal",
        "WantFromGroup" => "oenske",
        "MinutesNeeded" => "minutter",
        "Priority" => "prioritet",
        _ => "titel",
    };
}
