using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using Netvaerk.Networks.Writing;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Protocols;

/// <summary>The phase editor, without JavaScript (<see cref="ProtocolForm"/>): GET|POST /protokoller/{id}/rediger for
/// the coordinators of a network's own protocol and for editors; GET|POST /protokoller/ny for editors (a new protocol of
/// the organisation). Saving goes through <see cref="ProtocolWrites"/>; every refusal is shown beside its field, in the
/// reader's language, with everything typed kept. A reader who may not use the form gets 404.</summary>
public static class ProtocolEditorPages
{
    public const string NewPath = ProtocolPages.ListPath + "/ny";

    public static string EditPath(string id) => ProtocolPages.PagePath(id) + "/rediger";

    internal static void MapProtocolEditor(this RouteGroupBuilder pages)
    {
        pages.MapGet("/ny", NewFormAsync);
        pages.MapPost("/ny", CreateAsync);
        pages.MapGet("/{contentItemId}/rediger", EditFormAsync);
        pages.MapPost("/{contentItemId}/rediger", UpdateAsync);
    }

    private static async Task<IResult> NewFormAsync(HttpContext http, NetworkReaderContext readers, CancellationToken cancellationToken) =>
        ProtocolPermissions.MayCreateForOrganisation(await readers.GetAccessAsync(cancellationToken))
            ? await RenderAsync(http, existing: null, ProtocolForm.From(new ContentItem()), new Dictionary<string, string>(), FormChange.None, cancellationToken: cancellationToken)
            : Results.NotFound();

    private static async Task<IResult> CreateAsync([FromForm] IFormCollection form, HttpContext http, NetworkReaderContext readers, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        return ProtocolPermissions.MayCreateForOrganisation(access)
            ? await SubmitAsync(http, access, existing: null, form, cancellationToken)
            : Results.NotFound();
    }

    private static async Task<IResult> EditFormAsync(string contentItemId, string? kopieret, HttpContext http, NetworkReaderContext readers, ProtocolCatalog catalog, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (await catalog.EditableAsync(access, contentItemId, cancellationToken) is not { } existing)
        {
            return Results.NotFound();
        }

        var message = kopieret is null ? FormChange.None : new FormChange("Protokollen er kopieret til netværket. Tilpas faserne, og gem.", [], null);
        return await RenderAsync(http, existing, ProtocolForm.From(existing), new Dictionary<string, string>(), message, cancellationToken: cancellationToken);
    }

    private static async Task<IResult> UpdateAsync(string contentItemId, [FromForm] IFormCollection form, HttpContext http, NetworkReaderContext readers, ProtocolCatalog catalog, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        return await catalog.EditableAsync(access, contentItemId, cancellationToken) is { } existing
            ? await SubmitAsync(http, access, existing, form, cancellationToken)
            : Results.NotFound();
    }

    /// <summary>An editing action re-renders the form changed; "save" checks the whole protocol, shows every problem
    /// beside its field, and stores it when there is none.</summary>
    private static async Task<IResult> SubmitAsync(HttpContext http, ReaderAccess access, ContentItem? existing, IFormCollection posted, CancellationToken cancellationToken)
    {
        var form = ProtocolForm.From(posted);
        var action = posted["action"].FirstOrDefault() ?? "save";
        if (action != "save")
        {
            return await RenderAsync(http, existing, form, new Dictionary<string, string>(), form.Apply(action), cancellationToken: cancellationToken);
        }

        var services = http.RequestServices;
        var text = services.GetRequiredService<PageDisplay>().Text;
        var item = existing?.Clone() ?? await services.GetRequiredService<ContentManager>().NewAsync(ProtocolPart.ContentType, cancellationToken);
        var rows = form.WriteTo(item);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var problem in ProtocolRules.Check(item))
        {
            var (field, row) = FieldOf(problem.Field, rows);
            // The number the writer sees is the row's, which differs from the phase's when empty rows were left out.
            object[] arguments = row is { } shown && problem.Phase is not null ? [shown + 1, .. problem.Arguments[1..]] : problem.Arguments;
            errors.TryAdd(field, text[problem.Template, arguments].Value);
        }

        if (errors.Count > 0)
        {
            return await RenderAsync(http, existing, form, errors, FormChange.None, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var writes = services.GetRequiredService<ProtocolWrites>();
        var outcome = existing is null
            ? await writes.CreateAsync(access, item, cancellationToken)
            : await writes.UpdateAsync(access, existing, item, cancellationToken);
        if (outcome.Succeeded)
        {
            return Results.Redirect($"{http.Request.PathBase}{ProtocolPages.PagePath(outcome.Saved!.ContentItemId)}?gemt=1");
        }

        var error = outcome.Error is { } refused
            ? text[refused.Template, refused.Arguments.Select(a => a ?? "").ToArray()].Value
            : text["Du kan ikke gemme protokollen. Tovholdere retter deres netværks egne protokoller; organisationens protokoller retter en redaktør."].Value;
        errors[outcome.Error?.Field is { } named ? FieldOf(named, rows).Field : ""] = error;
        return await RenderAsync(http, existing, form, errors, FormChange.None, outcome.Refusal == WriteRefusal.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden, cancellationToken);
    }

    /// <summary>The form's field for a rule's field ("ProtocolPart.Phases[2].Minutes" → "phase-{row}-minutes" of the
    /// row phase 2 came from); "" for a problem of the form as a whole.</summary>
    private static (string Field, int? Row) FieldOf(string field, IReadOnlyList<int> rows)
    {
        switch (field)
        {
            case "TitlePart.Title":
                return ("title", null);
            case "MarkdownBodyPart.Markdown":
                return ("introduction", null);
            case "ProtocolPart.Description":
                return ("description", null);
        }

        const string prefix = "ProtocolPart.Phases[";
        var close = field.IndexOf(']', StringComparison.Ordinal);
        if (field.StartsWith(prefix, StringComparison.Ordinal) && close > prefix.Length
            && int.TryParse(field[prefix.Length..close], out var phase) && phase < rows.Count)
        {
            var row = rows[phase];
            var name = field[(close + 1)..].TrimStart('.');
            return ($"phase-{row}-{(name.Length == 0 ? "name" : name.ToLowerInvariant())}", row);
        }

        return ("", null);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, ContentItem? existing, ProtocolForm form, IReadOnlyDictionary<string, string> errors,
        FormChange change, int statusCode = StatusCodes.Status200OK, CancellationToken cancellationToken = default)
    {
        var services = http.RequestServices;
        var display = services.GetRequiredService<PageDisplay>();
        var text = display.Text;
        var pathBase = http.Request.PathBase.Value ?? "";
        var network = existing is not null && NetworkItems.NetworkOf(existing) is { } networkId
            ? await services.GetRequiredService<ContentManager>().GetAsync(networkId, VersionOptions.Latest, cancellationToken)
            : null;
        string? Error(string key) => errors.GetValueOrDefault(key);
        var rows = form.Phases.Select((values, index) => new PhaseRowView(
            index,
            index + 1,
            values,
            Error($"phase-{index}-name"),
            Error($"phase-{index}-minutes"),
            Error($"phase-{index}-percase"),
            Error($"phase-{index}-speaks"),
            Error($"phase-{index}-listens"),
            Error($"phase-{index}-produces"),
            Error($"phase-{index}-guidance"),
            index == 0,
            index == form.Phases.Count - 1,
            change.Focus == index)).ToList();
        var summary = errors.OrderBy(e => Order(e.Key)).Select(e => new EditorError(e.Value, e.Key.Length == 0 ? null : e.Key)).ToList();
        var heading = existing is null ? text["Ny mødeprotokol"].Value : text["Rediger »{0}«", existing.DisplayText].Value;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var model = new ProtocolEditorModel(
            heading,
            network?.DisplayText,
            pathBase + (existing is null ? NewPath : EditPath(existing.ContentItemId)),
            pathBase + (existing is null ? ProtocolPages.ListPath : ProtocolPages.PagePath(existing.ContentItemId)),
            form.Title,
            form.Description,
            form.Introduction,
            Error("title"),
            Error("description"),
            Error("introduction"),
            rows,
            summary,
            change.Message is null ? null : text[change.Message, change.Arguments].Value,
            form.Phases.Count < ProtocolRules.MaxPhases,
            ProtocolLimitsView.Current,
            tokens.FormFieldName,
            tokens.RequestToken ?? "");
        return await display.PageAsync(["ProtocolEditor"], model, new PageOptions(heading, StatusCode: statusCode), cancellationToken);
    }

    /// <summary>Errors in the order of the form: title, description, introduction, then the phases' rows.</summary>
    private static (int, int, string) Order(string field) => field switch
    {
        "" => (0, 0, ""),
        "title" => (1, 0, ""),
        "description" => (2, 0, ""),
        "introduction" => (3, 0, ""),
        _ when field.Split('-') is ["phase", var row, var name] && int.TryParse(row, out var number) => (4, number, name),
        _ => (5, 0, field),
    };
}
