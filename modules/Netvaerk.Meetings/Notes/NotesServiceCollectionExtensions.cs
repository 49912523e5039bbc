using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Api;
using Netvaerk.Meetings.Pages;
using Netvaerk.Networks.Display.Parts;
using NetvaerkPortal.Content;
using NetvaerkPortal.Display;

using Netvaerk.Meetings.Notes;

namespace Netvaerk.Meetings;

public static class NotesServiceCollectionExtensions
{
    /// <summary>Notes, decisions and learnings: the services, the learning part on the knowledge article with its
    /// checklist rule and link back, the meeting page's link, and the page's stylesheet.</summary>
    public static IServiceCollection AddMeetingNotes(this IServiceCollection services)
    {
        services.AddScoped<MeetingNotes>();
        services.AddScoped<MeetingDecisions>();
        services.AddScoped<MeetingLearnings>();
        services.AddScoped<MeetingMinutes>();
        services.AddMeetingLearningPart();
        services.AddScoped<IContentHandler, MeetingLearningPartHandler>();
        services.AddScoped<IPartDisplay, MeetingLearningDisplay>();
        services.AddMeetingTool<NotesMeetingTool>();
        services.AddStylesheet(Manifest.Id, $"/{Manifest.Id}/css/notes.css");
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingNotes(this IEndpointRouteBuilder routes)
    {
        routes.MapNotesApi();
        var page = routes.MapGroup("/moeder/{meetingId}/noter").RequireAuthorization().ExcludeFromDescription();
        page.MapGet("", NotesPage.ShowAsync);
        page.MapPost("/punkt/{position}", NotesForms.SaveNoteAsync);
        page.MapPost("/beslutninger", NotesForms.AddDecisionAsync);
        page.MapPost("/beslutninger/{decisionId}/slet", NotesForms.DeleteDecisionAsync);
        page.MapPost("/handlinger", NotesForms.AddActionAsync);
        page.MapPost("/handlinger/{actionId}", NotesForms.SetActionDoneAsync);
        page.MapPost("/laering", NotesForms.PromoteLearningAsync);
        page.MapPost("/referat", NotesForms.SaveMinutesAsync);
        return routes;
    }
}
