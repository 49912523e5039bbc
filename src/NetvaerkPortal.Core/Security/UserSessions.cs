using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Security;

/// <summary>The tenant's server-side sign-in sessions (ARCHITECTURE: "Sessions are revocable"). A sign-in
/// starts one, its id rides in the cookie, and <see cref="SessionCookieEvents"/> checks it on every request.</summary>
public sealed class UserSessions(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The claim in the sign-in cookie that names its session.</summary>
    public const string SessionClaim = "netvaerk:session";

    /// <summary>A session nobody used for this long is over; the cookie expires after the same time.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>How stale LastSeenUtc may get before a request writes it again: one write per session per few minutes.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    /// <summary>What a request needs to know about its session and user, read with one query.</summary>
    public sealed record State(DateTime LastSeenUtc, string? SecurityStamp, bool LockoutEnabled, DateTimeOffset? LockoutEnd)
    {
        public bool IsLockedOut(DateTimeOffset now) => LockoutEnabled && LockoutEnd > now;
    }

    public async Task<string> StartAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = Now;
        // The user's ended sessions go when a new one starts, so the table holds about the live ones.
        var ended = now - IdleTimeout;
        await db.UserSessions.Where(s => s.UserId == userId && (s.RevokedUtc != null || s.LastSeenUtc < ended)).ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession { Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), UserId = userId, CreatedUtc = now, LastSeenUtc = now };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>The live session's state, or null when it is unknown, revoked, idle too long or not the user's.</summary>
    public async Task<State?> FindLiveAsync(string sessionId, string userId, CancellationToken cancellationToken = default)
    {
        var state = await FindLive.For(db)(db, sessionId, userId, cancellationToken);
        return state is null || Now - state.LastSeenUtc > IdleTimeout ? null : state;
    }

    // Every signed-in request runs it: compiled once (per engine), so EF does not look the query up again each time.
    private static readonly PerEngine<Func<PortalDbContext, string, string, CancellationToken, Task<State?>>> FindLive = new(() =>
        EF.CompileAsyncQuery((PortalDbContext db, string sessionId, string userId, CancellationToken cancellationToken) => db.UserSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.UserId == userId && s.RevokedUtc == null)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new State(s.LastSeenUtc, u.SecurityStamp, u.LockoutEnabled, u.LockoutEnd))
            .FirstOrDefault()));

    /// <summary>Notes that the session is in use, at most once per <see cref="LastSeenResolution"/>.</summary>
    public async Task TouchAsync(string sessionId, State state, CancellationToken cancellationToken = default)
    {
        var now = Now;
        if (now - state.LastSeenUtc > LastSeenResolution)
        {
            await db.UserSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now), cancellationToken);
        }
    }

    public Task<int> RevokeAsync(string sessionId, CancellationToken cancellationToken = default) =>
        Revoke(db.UserSessions.Where(s => s.Id == sessionId), cancellationToken);

    /// <summary>Ends every session of the user (but <paramref name="exceptSessionId"/>, when given); returns how many.</summary>
    public Task<int> RevokeAllAsync(string userId, string? exceptSessionId = null, CancellationToken cancellationToken = default) =>
        Revoke(db.UserSessions.Where(s => s.UserId == userId && s.Id != exceptSessionId), cancellationToken);

    /// <summary>How many live sessions the user has.</summary>
    public Task<int> CountLiveAsync(string userId, CancellationToken cancellationToken = default)
    {
        var ended = Now - IdleTimeout;
        return db.UserSessions.CountAsync(s => s.UserId == userId && s.RevokedUtc == null && s.LastSeenUtc >= ended, cancellationToken);
    }

    /// <summary>See <see cref="UserChangedAsync(PortalDbContext, string, CancellationToken)"/>.</summary>
    public Task UserChangedAsync(string userId, CancellationToken cancellationToken = default) => UserChangedAsync(db, userId, cancellationToken);

    /// <summary>THE call after anything that changes what a user may do (lock, unlock, role, network membership):
    /// a new security stamp, so each of the user's cookies is rebuilt from the database on its next request.</summary>
    /// <remarks>Static on the tenant's context, so that modules can call it inside their own transaction.</remarks>
    public static async Task UserChangedAsync(PortalDbContext db, string userId, CancellationToken cancellationToken = default)
    {
        var stamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, stamp), cancellationToken);
        // Identity's UpdateAsync writes every column of a user it tracks; it must not write the old stamp back.
        if (db.Users.Local.FirstOrDefault(u => u.Id == userId) is { } tracked)
        {
            var property = db.Entry(tracked).Property(u => u.SecurityStamp);
            property.CurrentValue = stamp;
            property.OriginalValue = stamp;
            property.IsModified = false;
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<int> Revoke(IQueryable<UserSession> sessions, CancellationToken cancellationToken)
    {
        var now = Now;
        return sessions.Where(s => s.RevokedUtc == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedUtc, now), cancellationToken);
    }
}
