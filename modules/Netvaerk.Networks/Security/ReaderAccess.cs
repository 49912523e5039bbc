using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Security;

/// <summary>The current reader and what they may write: <see cref="Reader"/> for every read decision,
/// plus the user name (recorded as Author) and the networks they coordinate (tovholder).</summary>
public sealed record ReaderAccess(Reader Reader, string? UserName, IReadOnlySet<string> CoordinatorOf)
{
    public static readonly ReaderAccess Anonymous = new(Reader.Anonymous, null, new HashSet<string>());

    public string? UserId => Reader.UserId;

    public bool IsAuthenticated => Reader.IsAuthenticated;

    /// <summary>Administrators and Editors: read and edit everything in their tenant.</summary>
    public bool IsEditor => Reader.CanReadEverything;

    public bool MayManageMembers(string networkId) => IsEditor || CoordinatorOf.Contains(networkId);
}
