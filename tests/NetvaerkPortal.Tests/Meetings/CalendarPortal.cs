using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings;
using Netvaerk.Meetings.Calendar;
using Netvaerk.Meetings.Data;
using Netvaerk.Networks.Data;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Networks;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>One portal for the calendar and attendance tests, built on the networks fixture (tenants Alfa and Beta,
/// networks X and Y, medlem-x, medlem-y, redaktoer): adds a coordinator of X and a user in no network. Meetings are
/// inserted as rows, as the planning services would write them; tests that reset keys make their own users.</summary>
public sealed class CalendarPortal : IAsyncLifetime
{
    public const string CoordinatorOfX = "tovholder-x";

    public const string Outsider = "udenfor";

    private readonly Dictionary<string, string> _cookies = [];

    public NetworkPortal Portal { get; } = new();

    public TenantSettings Alfa => Portal.Alfa;

    public string NetworkX => Portal.NetworkX;

    public string NetworkY => Portal.NetworkY;

    public async Task InitializeAsync()
    {
        await Portal.InitializeAsync();
        await Portal.CreateUserAsync(Alfa, CoordinatorOfX, PortalRoles.Member, (NetworkX, NetworkRoles.Coordinator));
        await Portal.CreateUserAsync(Alfa, Outsider, PortalRoles.Member);
    }

    public Task DisposeAsync() => Portal.DisposeAsync();

    public static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>A client signed in as the user of Alfa (no cookie for null), not following redirects.</summary>
    public async Task<HttpClient> ClientAsync(string? userName)
    {
        var client = Portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (userName is not null)
        {
            if (!_cookies.TryGetValue(userName, out var cookie))
            {
                cookie = _cookies[userName] = await Portal.SignInAsync("alfa", userName);
            }

            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }

    public Task<string> UserIdAsync(TenantSettings tenant, string userName) =>
        Portal.InTenantAsync(tenant, async services => (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!.Id);

    /// <summary>The user's calendar key, made on first use as the calendar page does.</summary>
    public async Task<string> KeyAsync(TenantSettings tenant, string userName)
    {
        var userId = await UserIdAsync(tenant, userName);
        return await Portal.InTenantAsync(tenant, async services => (await services.GetRequiredService<CalendarKeys>().GetOrCreateAsync(userId))!);
    }

    /// <summary>Inserts a meeting starting at the Copenhagen wall-clock time.</summary>
    public async Task<Meeting> AddMeetingAsync(string networkId, DateTime localStart, Action<Meeting>? change = null, TenantSettings? tenant = null)
    {
        var now = DateTime.UtcNow;
        var meeting = new Meeting
        {
            Id = ContentIds.New(),
            NetworkContentItemId = networkId,
            StartUtc = MeetingTime.ToUtc(localStart),
            DurationMinutes = 180,
            Theme = "Svære samtaler",
            Place = "Rådhuset, mødelokale 2",
            Purpose = "At blive klogere på hinandens hverdag",
            CreatedUtc = now.AddSeconds(-1),
            ModifiedUtc = now.AddSeconds(-1),
        };
        change?.Invoke(meeting);
        await Portal.InTenantAsync(tenant ?? Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            db.Meetings.Add(meeting);
            return await db.SaveChangesAsync();
        });
        return meeting;
    }

    /// <summary>Changes a stored meeting as the planning services would (the caller raises Sequence for a move or cancel).</summary>
    public Task UpdateMeetingAsync(string meetingId, Action<Meeting> change) =>
        Portal.InTenantAsync(Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId);
            change(meeting);
            meeting.ModifiedUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });

    /// <summary>Inserts rows of the meeting tables (RSVPs, attendance) as the meeting services would.</summary>
    public Task AddRowsAsync(params object[] rows) =>
        Portal.InTenantAsync(Alfa, async services =>
        {
            var db = services.GetRequiredService<MeetingsDbContext>();
            db.AddRange(rows);
            return await db.SaveChangesAsync();
        });

    /// <summary>Dates a membership back, as if the member joined the network then.</summary>
    public Task SetJoinedAsync(string networkId, string userName, DateTime joinedUtc) =>
        Portal.InTenantAsync(Alfa, async services =>
        {
            var userId = (await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName))!.Id;
            return await services.GetRequiredService<NetworksDbContext>().Members
                .Where(m => m.NetworkContentItemId == networkId && m.UserId == userId)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.CreatedUtc, joinedUtc));
        });
}

[CollectionDefinition(Name)]
public sealed class CalendarPortalCollection : ICollectionFixture<CalendarPortal>
{
    public const string Name = "Calendar and attendance portal";
}
