namespace NetvaerkPortal.Audit;

/// <summary>One administrative action in a tenant's own database: who did what to which target, when and from where.
/// Written in the same transaction as the action, so a rolled-back action leaves no entry.</summary>
public sealed class AuditEntry
{
    public const int ActorLength = 256;
    public const int ActionLength = 64;
    public const int TargetLength = 256;
    public const int DetailsLength = 1000;
    public const int AddressLength = 64;

    public long Id { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The signed-in user's name, or <see cref="AuditOrigin.CommandLine"/>'s or <see cref="AuditOrigin.System"/>'s actor.</summary>
    public required string Actor { get; set; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; set; }

    public required string Target { get; set; }

    public string Details { get; set; } = "";

    /// <summary>The client's IP address, or "CLI" / "server" when no request made the change.</summary>
    public required string Address { get; set; }
}
