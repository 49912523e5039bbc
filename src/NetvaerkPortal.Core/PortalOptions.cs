namespace NetvaerkPortal;

/// <summary>The <c>Portal</c> configuration section.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Where tenants.json and every tenant's site folder live; relative paths are under the content root.</summary>
    public string AppDataPath { get; set; } = "App_Data";

    public SetupOptions Setup { get; set; } = new();

    public sealed class SetupOptions
    {
        public string AdminUserName { get; set; } = "admin";

        public string AdminEmail { get; set; } = "admin@localhost";

        /// <summary>When empty a password is generated and printed once at setup.</summary>
        public string? AdminPassword { get; set; }

        public string Recipe { get; set; } = "netvaerk-portal";

        /// <summary>Also set up the four case organisations as tenants on first start (see CaseTenants).</summary>
        public bool CaseTenants { get; set; }
    }
}
