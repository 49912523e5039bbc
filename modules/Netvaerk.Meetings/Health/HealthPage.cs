using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

namespace Netvaerk.Meetings.Health;

/// <summary>/moeder/netvaerk/{networkId}/sundhed (the network's members, coordinators, editors, administrators; 404 for
/// anyone else) and /moeder/sundhed (the tenant's editors and administrators: every network in one table).</summary>
public static class HealthPage
{
    public const string OverviewPath = "/moeder/sundhed";

    public static string PathFor(string networkId) => MeetingPages.NetworkPath(networkId) + "/sundhed";

    public static IEndpointRouteBuilder MapHealthPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/moeder/netvaerk/{networkId}/sundhed", ShowAsync).RequireAuthorization().ExcludeFromDescription();
        routes.MapGet(OverviewPath, OverviewAsync).RequireAuthorization().ExcludeFromDescription();
        return routes;
    }

    private static async Task<IResult> ShowAsync(string networkId, HttpContext http, MeetingAccess access, ContentManager content, NetworkHealth health,
        PageDisplay display, CancellationToken cancellationToken)
    {
        if (await access.ForNetworkAsync(networkId, MeetingRight.Read, cancellationToken) != MeetingAccessResult.Allowed
            || await content.GetAsync(networkId, VersionOptions.Latest, cancellationToken) is not { } network)
        {
            return Results.NotFound();
        }

        var report = await health.ForNetworkAsync(networkId, cancellationToken);
        var culture = CultureInfo.CurrentCulture;
        var text = display.Text;
        var pathBase = MeetingPages.PathBase(http);
        string? Mean(double? value) => value?.ToString("0.0", culture);
        int? Percent(double? share) => share is { } s ? (int)Math.Round(s * 100, MidpointRounding.AwayFromZero) : null;
        string Minutes(double minutes) => minutes.ToString("0.#", culture);
        var dates = report.Meetings.Select(m => MeetingDates.ShortDay(MeetingTime.ToLocal(m.StartUtc), culture)).ToList();
        // Under a chart's axis the day and month are enough (the table has the whole date).
        var axisDates = report.Meetings.Select(m => MeetingTime.ToLocal(m.StartUtc).ToString(culture.TwoLetterISOLanguageName == "da" ? "d. MMM" : "d MMM", culture)).ToList();
        string Percentage(double value) => $"{value.ToString("0", culture)} %";
        async Task<string?> ChartAsync(HealthChart? chart) => chart is null ? null : await display.ShapeAsync(["HealthChart"], chart, cancellationToken: cancellationToken);

        var held = report.Meetings.Count > 0;
        var attendanceChart = held
            ? HealthCharts.Lines("fremmoede-graf", text["Fremmøde pr. møde"].Value, text["Andel af medlemmerne, der kom, pr. møde i tidsorden."].Value, axisDates,
                [new(text["Fremmøde"].Value, report.Meetings.Select(m => (double?)m.Rate).ToList())], 0, 100, 25, Percentage)
            : null;
        var evaluationChart = held
            ? HealthCharts.Lines("evaluering-graf", text["Udbytte, tid og energi pr. møde"].Value, text["Gennemsnit fra 1 til 5 pr. møde i tidsorden; kun møder med mindst 3 svar."].Value, axisDates,
                [
                    new(text["Udbytte"].Value, report.Meetings.Select(m => m.Value).ToList()),
                    new(text["Tiden brugt godt"].Value, report.Meetings.Select(m => m.Time).ToList()),
                    new(text["Energi"].Value, report.Meetings.Select(m => m.Energy).ToList()),
                ], 1, 5, 1, v => v.ToString("0", culture))
            : null;
        var worthItChart = held
            ? HealthCharts.Lines("vaerd-graf", text["Var mødet tiden værd?"].Value, text["Andel, der svarede ja, pr. møde i tidsorden; kun møder med mindst 3 svar."].Value, axisDates,
                [new(text["Svarede ja"].Value, report.Meetings.Select(m => m.WorthIt * 100).ToList())], 0, 100, 25, Percentage)
            : null;
        var phaseChart = report.Phases.Count > 0
            ? HealthCharts.Pairs("faser-graf", text["Planlagt og brugt tid pr. fase"].Value, text["Minutter i alt over de afholdte møder: planlagt (grå) og brugt (blå)."].Value,
                report.Phases.Select(p => p.Phase).ToList(), report.Phases.Select(p => ((double)p.PlannedMinutes, p.SpentMinutes)).ToList(),
                (text["Planlagt"].Value, text["Brugt"].Value), v => v.ToString("0", culture))
            : null;

        var model = new HealthPageModel(
            network.DisplayText,
            pathBase + MeetingPages.NetworkPath(networkId),
            pathBase + MeetingPages.AttendancePath(networkId),
            report.Meetings.Count,
            report.AverageAttendance,
            Mean(report.AverageValue),
            EvaluationQuestions.MinimumAnswers,
            await ChartAsync(attendanceChart),
            await ChartAsync(evaluationChart),
            await ChartAsync(worthItChart),
            await ChartAsync(phaseChart),
            report.Meetings.Select((m, i) => new HealthMeetingRow(pathBase + MeetingPages.MeetingPath(m.Id), dates[i], m.Theme, m.Present, m.Members, m.Rate, m.Answers,
                Mean(m.Value), Mean(m.Time), Mean(m.Energy), Percent(m.WorthIt))).ToList(),
            report.Members,
            report.NoCaseYet,
            report.NotLedYet,
            report.Actions.Open,
            report.Actions.Overdue,
            report.Actions.Items.Select(a => new HealthActionRow(a.Text, a.Owner, a.Due is { } due ? MeetingDates.Day(due.ToDateTime(TimeOnly.MinValue), culture) : null,
                a.Overdue, pathBase + MeetingPages.MeetingPath(a.MeetingId))).ToList(),
            report.Phases.Select(p => new HealthPhaseRow(p.Phase, p.Items, p.PlannedMinutes, Minutes(p.SpentMinutes),
                (p.SpentMinutes - p.PlannedMinutes > 0 ? "+" : "") + Minutes(p.SpentMinutes - p.PlannedMinutes))).ToList());
        return await display.PageAsync(["Health"], model, new PageOptions($"{text["Netværkets sundhed"]}: {network.DisplayText}"), cancellationToken);
    }

    private static async Task<IResult> OverviewAsync(HttpContext http, MeetingAccess access, ContentManager content, NetworkHealth health, PageDisplay display,
        CancellationToken cancellationToken)
    {
        if (!(await access.ReaderAsync(cancellationToken)).IsEditor)
        {
            return Results.NotFound();
        }

        var culture = CultureInfo.CurrentCulture;
        var pathBase = MeetingPages.PathBase(http);
        var networks = (await content.ListAsync(NetworkContentTypes.Network, VersionOptions.Latest, 0, 500, cancellationToken))
            .Where(n => n.ContentType == NetworkContentTypes.Network).OrderBy(n => n.DisplayText, StringComparer.CurrentCulture).ToList();
        var rows = new List<HealthOverviewRow>();
        foreach (var network in networks)
        {
            var report = await health.ForNetworkAsync(network.ContentItemId, cancellationToken);
            var last = report.Meetings.Count > 0 ? report.Meetings[^1] : null;
            rows.Add(new HealthOverviewRow(network.DisplayText, pathBase + PathFor(network.ContentItemId), report.Meetings.Count, report.AverageAttendance,
                report.AverageValue?.ToString("0.0", culture), report.Actions.Open, report.Actions.Overdue,
                last is null ? null : MeetingDates.ShortDay(MeetingTime.ToLocal(last.StartUtc), culture)));
        }

        return await display.PageAsync(["HealthOverview"], new HealthOverviewModel(rows, EvaluationQuestions.MinimumAnswers),
            new PageOptions("Netværkenes sundhed") { TranslateTitle = true }, cancellationToken);
    }
}
