using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Api;
using Netvaerk.Meetings.Attendance;
using Netvaerk.Meetings.Calendar;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Evaluation;
using Netvaerk.Meetings.Health;
using Netvaerk.Meetings.Pages;
using Netvaerk.Meetings.Planning;
using Netvaerk.Meetings.Protocols;
using Netvaerk.Meetings.Recipes;
using Netvaerk.Meetings.Running;
using Netvaerk.Networks.ContentTypes;
using NetvaerkPortal.Content.Editing;
using NetvaerkPortal.Data;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;

namespace Netvaerk.Meetings;

public sealed class Startup : ModuleStartup
{
    public override void ConfigureServices(IServiceCollection services)
    {
        services.AddModuleDbContext<MeetingsDbContext>(MeetingsDbContext.MigrationsHistoryTable);
        services.AddSingleton<ITenantMigration, MeetingsDbMigration>();

        services.AddScoped<NetworkFacts>();
        services.AddScoped<MeetingPeople>();
        services.AddScoped<MeetingPlanner>();
        services.AddScoped<MeetingRoster>();
        services.AddScoped<CaseIntake>();
        services.AddScoped<MeetingAgenda>();
        services.AddScoped<MeetingResponses>();
        services.AddScoped<MeetingActions>();
        services.AddScoped<MeetingOverview>();
        services.AddScoped<MeetingAccess>();
        services.AddScoped<IPersonalDataHandler, MeetingsPersonalData>();
        // Calendar and attendance
        services.AddScoped<CalendarKeys>();
        services.AddScoped<CalendarFeeds>();
        services.AddScoped<IPersonalDataHandler, CalendarKeyPersonalData>();
        services.AddScoped<NetworkAttendance>();
        services.AddMenuEntry(new MenuEntry(Menus.Account, "Kalender", CalendarPage.Path, 15, Manifest.Id) { SignedInOnly = true });
        // End of calendar and attendance
        // Protocols
        services.AddProtocols();
        // End of Protocols

        // Running meetings (issue 12): each area keeps its registrations between its own markers.
        services.AddScoped<MeetingRunItems>();
        // Run-sheet
        services.AddSignalR();
        services.AddScoped<MeetingRun>();
        services.AddScoped<RunSheetStates>();
        services.AddScoped<RunSheetBroadcast>();
        services.AddScoped<CarriedActions>();
        services.AddMeetingTool<RunSheetTool>();
        services.AddStylesheet(Manifest.Id, $"/{Manifest.Id}/css/runsheet.css");
        // End of run-sheet
        // Notes
        services.AddMeetingNotes();
        // End of notes
        // Evaluation and health
        services.AddScoped<MeetingEvaluations>();
        services.AddScoped<IPersonalDataHandler, EvaluationPersonalData>();
        services.AddMeetingTool<EvaluationTool>();
        services.AddStylesheet(Manifest.Id, $"/{Manifest.Id}/css/evaluation.css");
        services.AddScoped<NetworkHealth>();
        services.AddContentItemLink(Manifest.Id, NetworkContentTypes.Network, "Netværkets sundhed", HealthPage.PathFor);
        services.AddMenuEntry(new MenuEntry(Menus.Admin, "Netværkenes sundhed", HealthPage.OverviewPath, 40, Manifest.Id,
            [PortalRoles.Administrator, PortalRoles.Editor], "Møder, fremmøde, evaluering og opgaver i alle netværk"));
        // End of evaluation and health
        // Meeting recipes
        services.AddMeetingRecipes();
        // End of meeting recipes

        // Meeting pages
        services.AddScoped<InvitationShape>();
        services.AddStylesheet(Manifest.Id, $"/{Manifest.Id}/css/meetings.css");
        services.AddMenuEntry(new MenuEntry(Menus.Main, "Møder", MeetingPages.MyMeetings, 20, Manifest.Id) { SignedInOnly = true });
        // The network's page links its meetings for its members (the editor's page for editors too).
        services.AddContentItemLink(Manifest.Id, NetworkContentTypes.Network, "Møder", MeetingPages.NetworkPath);
        // End of meeting pages
    }

    public override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapMeetingsApi();
        // Calendar and attendance
        routes.MapCalendarFeeds();
        routes.MapCalendarPage();
        routes.MapAttendanceApi();
        routes.MapAttendancePage();
        // End of calendar and attendance
        // Protocols
        routes.MapProtocols();
        // End of Protocols

        // Run-sheet
        routes.MapRunSheetApi();
        routes.MapRunSheetPage();
        // On the module's route group: the tenant's path base and the feature gate apply to negotiate and connect.
        routes.MapHub<MeetingHub>(MeetingHub.Path);
        // End of run-sheet
        // Notes
        routes.MapMeetingNotes();
        // End of notes
        // Evaluation and health
        routes.MapEvaluationApi();
        routes.MapEvaluationPage();
        routes.MapHealthApi();
        routes.MapHealthPages();
        // End of evaluation and health

        // Meeting pages
        routes.MapMeetingPages();
        // End of meeting pages
    }
}
