using System.Text.RegularExpressions;
using NetvaerkPortal.Files;

namespace NetvaerkPortal.Tenants;

/// <summary>Rules for tenant names, URL prefixes and host names, with messages that say how to fix them.</summary>
public static partial class TenantNames
{
    private static readonly HashSet<string> ReservedPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "health", "openapi", "search", "account", "media", "css", "js", "lib", "static", "_content", "recipes", "was", "sprog",
    };

    // \z, not $: '$' also matches before a final newline.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]{0,62}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\z")]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"^(?=.{1,253}\z)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?\z")]
    private static partial Regex HostPattern();

    /// <summary>Names, prefixes and hosts are compared without regard to case everywhere.</summary>
    public static bool Same(string? one, string? other) => string.Equals(one, other, StringComparison.OrdinalIgnoreCase);

    /// <summary>A tenant's name is also its folder's name (App_Data/Sites/{name}), so it is a <see cref="SafePaths.IsSafeName"/> too.</summary>
    public static TenantSetupException? CheckName(string? name) =>
        name is not null && NamePattern().IsMatch(name) && SafePaths.IsSafeName(name) ? null
        : new TenantSetupException("The tenant name '{0}' is not allowed. Use 1–63 letters, digits, '-' or '_', starting with a letter.", SafePaths.Show(name));

    public static TenantSetupException? CheckPrefix(string prefix) =>
        !PrefixPattern().IsMatch(prefix)
            ? new TenantSetupException("The URL prefix '{0}' is not a single safe URL segment. Use lowercase letters, digits and '-', e.g. 'nyborg-kommune'.", SafePaths.Show(prefix))
            : ReservedPrefixes.Contains(prefix)
                ? new TenantSetupException("The URL prefix '{0}' is reserved by the portal. Choose another prefix.", prefix)
                : null;

    public static TenantSetupException? CheckHost(string host) =>
        HostPattern().IsMatch(host) ? null
        : new TenantSetupException("The host '{0}' is not a valid host name. Use a name like 'nyborg.netvaerk.dk'.", SafePaths.Show(host));
}
