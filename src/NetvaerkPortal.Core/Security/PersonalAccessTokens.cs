using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Security;

/// <summary>Creates, finds and revokes the current tenant's personal access tokens. Tokens live in the
/// tenant's own database, so a token is unknown to every other tenant.</summary>
public sealed class PersonalAccessTokens(PortalDbContext db, TimeProvider clock)
{
    /// <summary>Marks the portal's tokens so that secret scanners and people can recognise a leaked one.</summary>
    public const string Prefix = "nvp_";

    /// <summary>How stale LastUsedUtc may get before a request writes it again (one write per token per minute at most).</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public sealed record Created(PersonalAccessToken Record, string Token);

    public async Task<Created> CreateAsync(string userId, string name, DateTime? expiresUtc = null, CancellationToken cancellationToken = default)
    {
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            TokenHash = Hash(token),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            ExpiresUtc = expiresUtc,
        };
        db.PersonalAccessTokens.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return new Created(record, token);
    }

    /// <summary>The active token with this text, or null; notes the time it was used.</summary>
    public async Task<PersonalAccessToken?> UseAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 128)
        {
            return null;
        }

        var hash = Hash(token);
        var record = await db.PersonalAccessTokens.FirstOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (record is null || !record.IsActive(now))
        {
            return null;
        }

        if (record.LastUsedUtc is null || now - record.LastUsedUtc > LastUsedResolution)
        {
            await db.PersonalAccessTokens.Where(t => t.Id == record.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedUtc, now), cancellationToken);
            record.LastUsedUtc = now;
        }

        return record;
    }

    public async Task<IReadOnlyList<PersonalAccessToken>> ListAsync(string? userId, CancellationToken cancellationToken = default) =>
        await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => userId == null || t.UserId == userId)
            .OrderBy(t => t.Id)
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one token; false when there is no such active token (of that user, when given).</summary>
    public async Task<bool> RevokeAsync(long id, string? userId = null, CancellationToken cancellationToken = default) =>
        await Revoke(db.PersonalAccessTokens.Where(t => t.Id == id && (userId == null || t.UserId == userId)), cancellationToken) > 0;

    /// <summary>Revokes every active token of the user; returns how many.</summary>
    public Task<int> RevokeAllAsync(string userId, CancellationToken cancellationToken = default) =>
        Revoke(db.PersonalAccessTokens.Where(t => t.UserId == userId), cancellationToken);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private Task<int> Revoke(IQueryable<PersonalAccessToken> tokens, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return tokens.Where(t => t.RevokedUtc == null).ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedUtc, now), cancellationToken);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
