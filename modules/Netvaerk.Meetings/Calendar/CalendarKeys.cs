using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Netvaerk.Meetings.Data;
using NetvaerkPortal.Tenants;

namespace Netvaerk.Meetings.Calendar;

/// <summary>Each member's secret for their calendar addresses (32 random bytes, base64url): made on first use, replaced
/// on reset (the old one stops working at once), looked up by its SHA-256 hash. The key itself is kept protected with
/// ASP.NET Core data protection, under a purpose of its own per tenant, so the member can copy their address again.</summary>
public sealed class CalendarKeys(MeetingsDbContext db, IDataProtectionProvider protection, TenantContext tenant, TimeProvider clock)
{
    public const string Purpose = "Netvaerk.Meetings.CalendarKey";

    /// <summary>32 bytes in base64url without padding.</summary>
    public const int KeyLength = 43;

    private IDataProtector Protector => protection.CreateProtector(Purpose, tenant.Name);

    /// <summary>The member's key, made now if they have none; null when the stored key can no longer be read (the data
    /// protection keys were lost): it still works in calendars, but only a reset can show an address again.</summary>
    public async Task<string?> GetOrCreateAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, cancellationToken) is { } stored)
        {
            return Unprotect(stored.ProtectedKey);
        }

        try
        {
            return await WriteAsync(userId, insert: true, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request made the first key at the same moment: show that one.
            return await FindAsync(userId, cancellationToken) is { } made ? Unprotect(made.ProtectedKey) : throw new InvalidOperationException("The calendar key could not be stored.");
        }
    }

    /// <summary>Replaces the member's key: every address with the old one answers 404 from the next request.</summary>
    public async Task<string> ResetAsync(string userId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await WriteAsync(userId, insert: await FindAsync(userId, cancellationToken) is null, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A first key was made at the same moment: replace it.
            return await WriteAsync(userId, insert: false, cancellationToken);
        }
    }

    /// <summary>The id of the member whose key this is, or null for anything else (missing, malformed, unknown, reset).</summary>
    public async Task<string?> FindUserIdAsync(string? key, CancellationToken cancellationToken = default)
    {
        if (!IsWellFormed(key))
        {
            return null;
        }

        var hash = Hash(key);
        var stored = await db.InPortalTransactionAsync(
            () => db.CalendarKeys.AsNoTracking().Where(k => k.KeyHash == hash).Select(k => new { k.UserId, k.KeyHash }).FirstOrDefaultAsync(cancellationToken),
            cancellationToken);
        // The database compares hashes, so its timing tells nothing about a key; the final comparison is constant-time too.
        return stored is not null && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(stored.KeyHash), Convert.FromHexString(hash))
            ? stored.UserId
            : null;
    }

    /// <summary>When the member's current key was made, or null when they have none.</summary>
    public async Task<DateTime?> CreatedAsync(string userId, CancellationToken cancellationToken = default) =>
        (await FindAsync(userId, cancellationToken))?.CreatedUtc;

    public Task<int> DeleteAsync(string userId, CancellationToken cancellationToken = default) =>
        db.InPortalTransactionAsync(() => db.CalendarKeys.Where(k => k.UserId == userId).ExecuteDeleteAsync(cancellationToken), cancellationToken);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Exactly a key's length and alphabet: anything else is refused before the database is asked.</summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? key) =>
        key is { Length: KeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private Task<CalendarKey?> FindAsync(string userId, CancellationToken cancellationToken) =>
        db.InPortalTransactionAsync(() => db.CalendarKeys.AsNoTracking().FirstOrDefaultAsync(k => k.UserId == userId, cancellationToken), cancellationToken);

    private async Task<string> WriteAsync(string userId, bool insert, CancellationToken cancellationToken)
    {
        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var row = new CalendarKey { UserId = userId, KeyHash = Hash(key), ProtectedKey = Protector.Protect(key), CreatedUtc = clock.GetUtcNow().UtcDateTime };
        await db.InPortalTransactionAsync(async () =>
        {
            if (insert)
            {
                db.CalendarKeys.Add(row);
            }
            else
            {
                db.CalendarKeys.Update(row);
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return key;
    }

    private string? Unprotect(string protectedKey)
    {
        try
        {
            return Protector.Unprotect(protectedKey);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
