using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.SignalR;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Meetings.Running;

/// <summary>Sends the run-sheet's state to everyone following the meeting (the hub's group of the tenant and meeting)
/// after every change, whether it came from a page form, the API or the hub.</summary>
public sealed class RunSheetBroadcast(IHubContext<MeetingHub> hub, TenantContext tenant, RunSheetStates states, ILogger<RunSheetBroadcast> logger)
{
    /// <summary>The message every follower receives, with the state as its one argument.</summary>
    public const string StateMessage = "state";

    /// <summary>The group of one meeting's followers: the tenant's name is part of it, so tenants never share a group.</summary>
    public static string Group(string tenantName, string meetingId) => $"{tenantName}/{meetingId}";

    public async Task<RunStateJson> SendAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var state = await states.BuildAsync(meeting, cancellationToken);
        try
        {
            await hub.Clients.Group(Group(tenant.Name, meeting.Id)).SendAsync(StateMessage, state, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The change is saved; with the nodes' backplane (Redis) away, followers catch up when they join again.
            logger.LogWarning(error, "The run-sheet of meeting {Meeting} could not be sent to its followers", meeting.Id);
        }

        return state;
    }
}
