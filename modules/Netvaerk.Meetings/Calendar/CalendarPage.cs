using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Calendar;

/// <summary>What the "Calendar" template shows: the member's addresses (all networks, then each network), whether the
/// stored key could be read, the result of a reset, and the reset form.</summary>
public sealed record CalendarPageModel(
    CalendarAddress? All,
    IReadOnlyList<CalendarAddress> Networks,
    bool Unreadable,
    string? Message,
    string? Error,
    string Action,
    string AntiforgeryField,
    string AntiforgeryToken);

/// <param name="Title">The network's title, or empty for the address of all networks.</param>
/// <param name="Url">The https (or http) address to paste into a calendar.</param>
/// <param name="Webcal">The same address as webcal://, which opens the calendar application to subscribe.</param>
/// <param name="InputId">The id of its read-only input (for the label).</param>
public sealed record CalendarAddress(string Title, string Url, string Webcal, string InputId);

/// <summary>/moeder/kalender: the signed-in member's secret calendar addresses and how to subscribe, and a form that
/// resets the key (every old address stops working at once).</summary>
public static class CalendarPage
{
    public const string Path = "/moeder/kalender";

    public static IEndpointRouteBuilder MapCalendarPage(this IEndpointRouteBuilder routes)
    {
        var page = routes.MapGroup(Path).RequireAuthorization().ExcludeFromDescription();
        page.MapGet("", ShowAsync);
        // [FromForm] parameters make the endpoint validate the antiforgery token.
        page.MapPost("", ResetAsync);
        return routes;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, NetworkReaderContext readers, CalendarKeys keys, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (access.UserId is not { } userId)
        {
            return Results.Challenge();
        }

        return await RenderAsync(http, access.Reader.NetworkIds, await keys.GetOrCreateAsync(userId, cancellationToken), null, null, cancellationToken);
    }

    private static async Task<IResult> ResetAsync([FromForm] string? confirm, HttpContext http, NetworkReaderContext readers, CalendarKeys keys, PageDisplay display, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (access.UserId is not { } userId)
        {
            return Results.Challenge();
        }

        if (confirm != "yes")
        {
            return await RenderAsync(http, access.Reader.NetworkIds, await keys.GetOrCreateAsync(userId, cancellationToken), null,
                display.Text["Sæt flueben ved »Ja, lav en ny adresse«, hvis du vil nulstille din adresse. Intet er ændret."].Value, cancellationToken);
        }

        var key = await keys.ResetAsync(userId, cancellationToken);
        return await RenderAsync(http, access.Reader.NetworkIds, key,
            display.Text["Din kalenderadresse er nulstillet. De gamle adresser virker ikke længere: tilføj de nye i din kalender."].Value, null, cancellationToken);
    }

    private static async Task<IResult> RenderAsync(HttpContext http, IReadOnlySet<string> networkIds, string? key, string? message, string? error, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        var request = http.Request;
        var site = $"{request.Host}{request.PathBase}";
        CalendarAddress Address(string title, string path, string inputId)
        {
            var tail = $"{site}{path}?key={key}";
            return new CalendarAddress(title, $"{request.Scheme}://{tail}", $"webcal://{tail}", inputId);
        }

        var ids = networkIds.ToList();
        var networks = key is null ? [] : (await services.GetRequiredService<PortalDbContext>().ContentItems.AsNoTracking()
                .Where(r => ids.Contains(r.ContentItemId) && r.Latest && r.ContentType == NetworkContentTypes.Network)
                .Select(r => new { r.ContentItemId, r.DisplayText })
                .ToListAsync(cancellationToken))
            .OrderBy(n => n.DisplayText, StringComparer.CurrentCulture)
            .Select((n, i) => Address(n.DisplayText, $"/api/networks/{Uri.EscapeDataString(n.ContentItemId)}/calendar.ics", $"calendar-network-{i + 1}"))
            .ToList();
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        var model = new CalendarPageModel(
            key is null ? null : Address("", "/api/calendar.ics", "calendar-all"),
            networks,
            key is null,
            message,
            error,
            request.PathBase + Path,
            tokens.FormFieldName,
            tokens.RequestToken ?? "");
        return await services.GetRequiredService<PageDisplay>().PageAsync(["Calendar"], model,
            new PageOptions("Kalender", StatusCode: error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest) { TranslateTitle = true }, cancellationToken);
    }
}
