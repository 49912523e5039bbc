using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Planning;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Meetings.Running;

/// <summary>/hubs/moeder: participants follow a meeting's run-sheet live; runners move it on. <c>Join(meetingId)</c>
/// answers the current state and adds the connection to the meeting's group (a reconnecting client calls it again to
/// catch up); <c>Act(meetingId, action, fromPosition)</c> is the API's POST by another road. A meeting the caller may
/// not see is refused with the same neutral message as one that does not exist, and the connection joins nothing.</summary>
/// <remarks>A hub method runs in a scope of its own, outside the request pipeline: the tenant (TenantContext) and the
/// reader (IHttpContextAccessor) are taken from the connection's request before any tenant service is resolved, which
/// is why the services come from the provider inside the methods and not through the constructor.</remarks>
public sealed class MeetingHub(IServiceProvider services) : Hub
{
    public const string Path = "/hubs/moeder";

    private const string NotFound = "The meeting was not found.";

    public override Task OnConnectedAsync()
    {
        // A page of another site must not drive a member's browser to connect with their cookie (cross-site WebSocket).
        var http = Context.GetHttpContext();
        if (http is not null && http.Request.Headers.Origin is [{ } origin, ..]
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            Context.Abort();
        }

        return base.OnConnectedAsync();
    }

    public async Task<RunStateJson> Join(string meetingId)
    {
        var tenant = UseConnectionTenant();
        var meeting = await SeenAsync(meetingId, MeetingRight.Read) ?? throw new HubException(NotFound);
        await Groups.AddToGroupAsync(Context.ConnectionId, RunSheetBroadcast.Group(tenant.Name, meeting.Id), Context.ConnectionAborted);
        return await services.GetRequiredService<RunSheetStates>().BuildAsync(meeting, Context.ConnectionAborted);
    }

    /// <summary>Applies a run action (next, previous, extend, end, start) from the position the client saw; a stale one
    /// changes nothing. Answers the state either way; everyone in the group receives it when something changed.</summary>
    public async Task<RunStateJson> Act(string meetingId, string action, int fromPosition)
    {
        UseConnectionTenant();
        var meeting = await SeenAsync(meetingId, MeetingRight.Read) ?? throw new HubException(NotFound);
        var access = services.GetRequiredService<MeetingAccess>();
        if ((await access.ForMeetingAsync(meeting.Id, MeetingRight.RunMeeting, Context.ConnectionAborted)).Decision != MeetingAccessResult.Allowed)
        {
            throw new HubException("Only the meeting leader, the timekeeper, the network's coordinators and editors run the meeting.");
        }

        var run = MeetingRun.Parse(action) ?? throw new HubException("Action must be next, previous, extend, end or start.");
        var refusal = await services.GetRequiredService<MeetingRun>().ActAsync(meeting, run, fromPosition, Context.ConnectionAborted);
        if (refusal is not RunRefusal.None and not RunRefusal.Stale)
        {
            throw new HubException(RunSheetTexts.English(refusal));
        }

        return refusal == RunRefusal.None
            ? await services.GetRequiredService<RunSheetBroadcast>().SendAsync(meeting, Context.ConnectionAborted)
            : await services.GetRequiredService<RunSheetStates>().BuildAsync(meeting, Context.ConnectionAborted);
    }

    private async Task<Data.Meeting?> SeenAsync(string meetingId, MeetingRight right)
    {
        var (decision, meeting) = await services.GetRequiredService<MeetingAccess>().ForMeetingAsync(meetingId, right, Context.ConnectionAborted);
        return decision == MeetingAccessResult.Hidden ? null : meeting;
    }

    /// <summary>Sets this invocation's scope to the tenant and reader of the connection's request (synchronously, so the
    /// reader stays set for the rest of the calling hub method).</summary>
    private TenantContext UseConnectionTenant()
    {
        var http = Context.GetHttpContext() ?? throw new HubException(NotFound);
        var tenant = services.GetRequiredService<TenantContext>();
        if (!tenant.IsResolved)
        {
            var match = services.GetRequiredService<TenantResolver>().Resolve(http.Request.Host, http.Request.PathBase.Add(http.Request.Path));
            if (match is null || match.Tenant.State != TenantState.Running)
            {
                throw new HubException(NotFound);
            }

            tenant.Set(match.Tenant, services.GetRequiredService<TenantStore>().SitePath(match.Tenant.Name));
        }

        var accessor = services.GetRequiredService<IHttpContextAccessor>();
        if (!ReferenceEquals(accessor.HttpContext, http))
        {
            accessor.HttpContext = http;
        }

        return tenant;
    }
}
