namespace NetvaerkPortal.Tenants;

/// <summary>What makes two tenants collide, the same for every registry: the name, the URL prefix or the host, in any case.</summary>
public static class TenantRegistryRules
{
    /// <summary>The error for the first tenant of <paramref name="tenants"/> that <paramref name="candidate"/> collides with, or null.</summary>
    public static TenantSetupException? Clash(IEnumerable<TenantSettings> tenants, TenantSettings candidate)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(candidate);
        foreach (var other in tenants)
        {
            if (TenantNames.Same(other.Name, candidate.Name))
            {
                return NameTaken(other.Name);
            }

            if (candidate.RequestUrlPrefix.Length > 0 && TenantNames.Same(other.RequestUrlPrefix, candidate.RequestUrlPrefix))
            {
                return PrefixTaken(candidate.RequestUrlPrefix, other.Name);
            }

            if (candidate.RequestUrlHost.Length > 0 && TenantNames.Same(other.RequestUrlHost, candidate.RequestUrlHost))
            {
                return HostTaken(candidate.RequestUrlHost, other.Name);
            }
        }

        return null;
    }

    public static TenantSetupException NameTaken(string name) =>
        new("A tenant named '{0}' already exists. Choose another name.", name);

    public static TenantSetupException PrefixTaken(string prefix, string owner) =>
        new("The prefix '{0}' is already used by tenant '{1}'. Choose another prefix.", prefix, owner);

    public static TenantSetupException HostTaken(string host, string owner) =>
        new("The host '{0}' is already used by tenant '{1}'. Choose another host.", host, owner);
}
