using Microsoft.AspNetCore.Identity;

namespace NetvaerkPortal.Security;

/// <summary>A user of one tenant; users live in their tenant's database and exist nowhere else.</summary>
public sealed class PortalUser : IdentityUser
{
    public DateTime CreatedUtc { get; set; } = DateTime.UtcNow;
}

public sealed class PortalRole : IdentityRole
{
    public PortalRole()
    {
    }

    public PortalRole(string name) : base(name)
    {
    }

    public string Description { get; set; } = "";
}
