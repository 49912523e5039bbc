using Microsoft.Extensions.Localization;
using Netvaerk.Meetings.Planning;

namespace Netvaerk.Meetings.Pages;

/// <summary>The move form's fields: a new date and time, the duration and the place.</summary>
public sealed class MoveFormInput
{
    public string? Dato { get; set; }

    public string? Tid { get; set; }

    public string? Timer { get; set; }

    public string? Minutter { get; set; }

    public string? Sted { get; set; }

    /// <summary>"ja" to move the later meetings of the series by as much.</summary>
    public string? OgsaaFoelgende { get; set; }

    /// <summary>The change for the service, or null with what could not be read marked in <paramref name="state"/>.</summary>
    public MeetingChange? Read(FormState state, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(text);
        var date = FormInput.Date(Dato);
        var time = FormInput.Time(Tid);
        var hours = FormInput.Number(Timer, 0);
        var minutes = FormInput.Number(Minutter, 0);
        if (date is null) { state.Error("dato", text[FormInput.DateHelp]); }
        if (time is null) { state.Error("tid", text[FormInput.TimeHelp]); }
        if (hours is null) { state.Error("timer", text[FormInput.NumberHelp]); }
        if (minutes is null) { state.Error("minutter", text[FormInput.NumberHelp]); }
        return state.HasErrors
            ? null
            : new MeetingChange(Start: FormInput.Local(date!.Value, time!.Value), DurationMinutes: hours!.Value * 60 + minutes!.Value, Place: Sted ?? "");
    }

    public static string InputOf(string field) => field switch
    {
        "DurationMinutes" => "timer",
        "Place" => "sted",
        _ => "dato",
    };
}
