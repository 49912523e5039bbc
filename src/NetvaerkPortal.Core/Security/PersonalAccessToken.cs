namespace NetvaerkPortal.Security;

/// <summary>A personal access token for the JSON API. Only the SHA-256 hash of the token is stored;
/// the token itself is shown once, when it is created.</summary>
public sealed class PersonalAccessToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the whole token text.</summary>
    public required string TokenHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? LastUsedUtc { get; set; }

    public DateTime? ExpiresUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public bool IsActive(DateTime now) => RevokedUtc is null && (ExpiresUtc is null || ExpiresUtc > now);
}
