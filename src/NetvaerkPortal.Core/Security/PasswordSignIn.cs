using Microsoft.AspNetCore.Identity;

namespace NetvaerkPortal.Security;

/// <summary>Checks a user name and password at the same cost whether or not the account exists: for an unknown
/// name a stored dummy hash is verified, so the answer's timing does not tell which accounts are real.
/// Wrong passwords are never counted on the account (no lockout an outsider could trigger).</summary>
public sealed class PasswordSignIn(UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher)
{
    private static readonly PortalUser Nobody = new();
    /// <summary>Made by the configured hasher, so verifying it costs what verifying a real user's hash costs.</summary>
    private static string? _dummyHash;

    public enum Outcome
    {
        Wrong,
        /// <summary>The right password, but an administrator locked the account; only the password's holder learns that.</summary>
        Locked,
        Succeeded,
    }

    public async Task<(Outcome Outcome, PortalUser? User)> CheckAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            _dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, _dummyHash, password);
            return (Outcome.Wrong, null);
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            return (Outcome.Wrong, null);
        }

        return (await users.IsLockedOutAsync(user) ? Outcome.Locked : Outcome.Succeeded, user);
    }
}
