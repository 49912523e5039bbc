namespace Netvaerk.Networks.Members;

/// <summary>A user's membership of a network, with their role in it.</summary>
public sealed class NetworkMember
{
    public long Id { get; set; }

    public required string NetworkContentItemId { get; set; }

    public required string UserId { get; set; }

    /// <summary><see cref="NetworkRoles.Member"/> or <see cref="NetworkRoles.Coordinator"/>.</summary>
    public required string Role { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>The roles inside a network. A coordinator (tovholder) manages the network's members and may
/// edit every meeting note and article of the network; a member writes and edits their own.</summary>
public static class NetworkRoles
{
    public const string Member = "member";
    public const string Coordinator = "coordinator";

    /// <summary>The canonical role for what a person typed (Danish "tovholder" and "medlem" too); null if unknown.</summary>
    public static string? Parse(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        "member" or "medlem" => Member,
        "coordinator" or "tovholder" => Coordinator,
        _ => null,
    };
}
