using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>On first start with an empty App_Data, registers and sets up the Default tenant from the
/// setup recipe, before the server takes requests; with Portal:Setup:CaseTenants also the case organisations.</summary>
public sealed class DefaultTenantBootstrapper(TenantStore store, TenantManager tenants, IOptions<PortalOptions> options, ILogger<DefaultTenantBootstrapper> logger) : IHostedService
{
    /// <summary>The case organisations' tenants: name, URL prefix and recipe.</summary>
    public static readonly IReadOnlyList<(string Name, string Prefix, string Recipe)> CaseTenants =
    [
        ("DanskSocialraadgiverforening", "dsr", "dansk-socialraadgiverforening"),
        ("NyborgKommune", "nyborg", "nyborg-kommune"),
        ("AarhusKommuneSundhed", "aarhus-sundhed", "aarhus-kommune-sundhed"),
        ("FtfFormaend", "ftf", "ftf-formaend"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Nodes sharing a registry start one after the other here: the first sets up Default, the others find it Running.
        using var setupLock = store.Registry.HoldSetupLock();
        store.Registry.Refresh();

        // Tenants set up by an older version get the schema changes since on their first request (TenantActivity),
        // not here: a node with a thousand tenants would open every database before serving any.
        var setup = options.Value.Setup;
        var request = new SetupRequest(setup.AdminUserName, setup.AdminEmail, setup.AdminPassword);
        var existing = store.Find(TenantSettings.DefaultName);
        if (existing is null or { State: TenantState.Uninitialized })
        {
            if (existing is null)
            {
                tenants.Register(tenants.WithNewDatabase(new TenantSettings { Name = TenantSettings.DefaultName, RecipeName = setup.Recipe }));
            }

            logger.LogInformation("Setting up the Default tenant from the '{Recipe}' recipe in {AppData}", setup.Recipe, store.AppDataPath);
            Announce(await tenants.SetupExistingAsync(TenantSettings.DefaultName, request, cancellationToken));
        }

        if (setup.CaseTenants)
        {
            foreach (var (name, prefix, recipe) in CaseTenants.Where(t => store.Find(t.Name) is null))
            {
                Announce(await tenants.CreateAsync(new CreateTenantRequest(name, prefix, null, recipe, request), cancellationToken));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Tells the operator where the tenant is and how to sign in. A generated password is shown once on
    /// a terminal, never in the application log: when the output is redirected (a service, a container, a file)
    /// it is a log, so the operator is told how to set a password instead.</summary>
    private void Announce(SetupResult result)
    {
        var where = result.Tenant.IsDefault ? "/" : $"/{result.Tenant.RequestUrlPrefix}/";
        if (result.GeneratedPassword is null)
        {
            logger.LogInformation("Tenant '{Tenant}' is set up at {Where}. Sign in as '{Admin}'.", result.Tenant.Name, where, result.AdminUserName);
        }
        else if (!Console.IsOutputRedirected)
        {
            Console.WriteLine($"Tenant '{result.Tenant.Name}' is set up at {where}. Sign in as '{result.AdminUserName}' with the password (shown once): {result.GeneratedPassword}");
        }
        else
        {
            logger.LogWarning(
                "Tenant '{Tenant}' is set up at {Where} with a generated password for '{Admin}', which is not written to the log. "
                + "Set a password with: users reset-password --tenant {Tenant} --user {Admin}",
                result.Tenant.Name, where, result.AdminUserName, result.Tenant.Name, result.AdminUserName);
        }
    }
}
