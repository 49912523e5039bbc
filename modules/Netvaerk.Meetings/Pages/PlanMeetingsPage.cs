using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Pages;

/// <summary>What the "MeetingPlan" template shows: the form with its values (the charter's purpose and desired effect
/// at first, the typed values after a refusal) and the error beside each input.</summary>
public sealed record PlanMeetingsModel(
    string NetworkTitle,
    string BackUrl,
    string ProtocolsUrl,
    PageForm Form,
    FormField Date,
    FormField Time,
    FormField Hours,
    FormField Minutes,
    FormField Count,
    FormField EveryWeeks,
    FormField Protocol,
    IReadOnlyList<Choice> Protocols,
    FormField Theme,
    FormField Purpose,
    FormField DesiredEffect,
    FormField Place,
    FormField OnlineUrl,
    FormField Practicalities,
    InputLimits Limits,
    IReadOnlyList<ErrorLink> Errors);

/// <summary>/moeder/netvaerk/{networkId}/planlaeg: one meeting or a series in one step, for the network's coordinators
/// and the tenant's editors (members get 403, everyone else 404). Nothing is saved unless all of it is right.</summary>
public static class PlanMeetingsPage
{
    private const string FormName = "plan";

    /// <summary>The API's field (what <see cref="MeetingInputException.Field"/> names) → the input it is about.</summary>
    private static readonly Dictionary<string, string> Inputs = new(StringComparer.Ordinal)
    {
        ["Start"] = "dato",
        ["DurationMinutes"] = "timer",
        ["Count"] = "antal",
        ["EveryWeeks"] = "uger",
        ["ProtocolId"] = "protokol",
        ["Theme"] = "tema",
        ["Purpose"] = "formaal",
        ["DesiredEffect"] = "effekt",
        ["Place"] = "sted",
        ["OnlineUrl"] = "online",
        ["Practicalities"] = "praktisk",
    };

    public static async Task<IResult> ShowAsync(string networkId, HttpContext http, MeetingAccess access, CancellationToken cancellationToken) =>
        await AllowedAsync(access, networkId, cancellationToken) is { } refused ? refused : await RenderAsync(http, networkId, FormState.None, cancellationToken);

    public static async Task<IResult> PlanAsync(string networkId, [FromForm] PlanForm form, HttpContext http, MeetingAccess access, MeetingPlanner planner,
        PageDisplay display, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await AllowedAsync(access, networkId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var state = FormState.Posted(FormName, await http.Request.ReadFormAsync(cancellationToken));
        var text = display.Text;
        var date = FormInput.Date(form.Dato);
        var time = FormInput.Time(form.Tid);
        var hours = FormInput.Number(form.Timer, 0);
        var minutes = FormInput.Number(form.Minutter, 0);
        var count = FormInput.Number(form.Antal, 1);
        var everyWeeks = FormInput.Number(form.Uger, 0);
        if (date is null) { state.Error("dato", text[FormInput.DateHelp]); }
        if (time is null) { state.Error("tid", text[FormInput.TimeHelp]); }
        if (hours is null) { state.Error("timer", text[FormInput.NumberHelp]); }
        if (minutes is null) { state.Error("minutter", text[FormInput.NumberHelp]); }
        if (count is null) { state.Error("antal", text[FormInput.NumberHelp]); }
        if (everyWeeks is null) { state.Error("uger", text[FormInput.NumberHelp]); }

        if (!state.HasErrors)
        {
            try
            {
                var planned = await planner.PlanAsync(networkId, new PlanMeetings(
                    FormInput.Local(date!.Value, time!.Value),
                    hours!.Value * 60 + minutes!.Value,
                    NullIfEmpty(form.Protokol),
                    form.Sted,
                    form.Tema,
                    count!.Value,
                    everyWeeks!.Value,
                    NullIfEmpty(form.Online),
                    form.Formaal ?? "",
                    form.Effekt ?? "",
                    form.Praktisk), cancellationToken);
                return MeetingPages.Done(http, MeetingPages.NetworkPath(networkId), planned.Count == 1 ? MeetingMessages.PlannedOne : MeetingMessages.Planned);
            }
            catch (MeetingInputException refusal)
            {
                state.Error(Inputs.GetValueOrDefault(refusal.Field, "dato"), MeetingMessages.Refusal(refusal, text));
            }
        }

        return await RenderAsync(http, networkId, state, cancellationToken);
    }

    /// <summary>Null when the reader may plan; else the answer: 404 for who may not see the network, 403 for its members.</summary>
    private static async Task<IResult?> AllowedAsync(MeetingAccess access, string networkId, CancellationToken cancellationToken) =>
        await access.ForNetworkAsync(networkId, MeetingRight.Plan, cancellationToken) switch
        {
            MeetingAccessResult.Allowed => null,
            MeetingAccessResult.Refused => Results.StatusCode(StatusCodes.Status403Forbidden),
            _ => Results.NotFound(),
        };

    private static async Task<IResult> RenderAsync(HttpContext http, string networkId, FormState state, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var content = services.GetRequiredService<ContentManager>();
        var facts = services.GetRequiredService<NetworkFacts>();
        var display = services.GetRequiredService<PageDisplay>();
        if (await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken) is not { } network)
        {
            return Results.NotFound();
        }

        var pathBase = MeetingPages.PathBase(http);
        var (purpose, effect) = await facts.CharterAsync(networkId, cancellationToken);
        var protocols = await facts.ProtocolsAsync(networkId, cancellationToken);
        var chosen = state.Is(FormName) ? state.Value("protokol") : protocols.Count > 0 ? protocols[0].ContentItemId : null;
        FormField Field(string name, string? initial) => state.Field(FormName, name, "plan-" + name, initial);
        var model = new PlanMeetingsModel(
            network.DisplayText,
            pathBase + MeetingPages.NetworkPath(networkId),
            pathBase + MeetingPages.Protocols,
            MeetingPages.Form(http, pathBase + MeetingPages.PlanPath(networkId)),
            Field("dato", ""),
            Field("tid", "13:00"),
            Field("timer", "3"),
            Field("minutter", "0"),
            Field("antal", "1"),
            Field("uger", "6"),
            Field("protokol", chosen),
            protocols.Select(p => new Choice(p.ContentItemId, p.DisplayText, p.ContentItemId == chosen)).ToList(),
            Field("tema", ""),
            Field("formaal", purpose),
            Field("effekt", effect),
            Field("sted", ""),
            Field("online", ""),
            Field("praktisk", ""),
            InputLimits.Meetings,
            state.Links(name => "plan-" + name));
        var title = $"{display.Text["Planlæg møder"]}: {network.DisplayText}";
        return await display.PageAsync(["MeetingPlan"], model,
            new PageOptions(title, StatusCode: state.HasErrors ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK), cancellationToken);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The planning form's fields (Danish input names, as the template has them).</summary>
public sealed class PlanForm
{
    public string? Dato { get; set; }

    public string? Tid { get; set; }

    public string? Timer { get; set; }

    public string? Minutter { get; set; }

    public string? Antal { get; set; }

    public string? Uger { get; set; }

    public string? Protokol { get; set; }

    public string? Tema { get; set; }

    public string? Formaal { get; set; }

    public string? Effekt { get; set; }

    public string? Sted { get; set; }

    public string? Online { get; set; }

    public string? Praktisk { get; set; }
}
