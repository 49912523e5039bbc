using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>On first start with an empty App_Data, registers and sets up the Default tenant from the
/// setup recipe, before the server takes requests; with Portal:Setup:CaseTenants also the case organisations.</summary>
public sealed class DefaultTenantBootstrapper(TenantStore store, TenantManager tenants, TenantScopes scopes, IOptions<PortalOptions> options, ILogger<DefaultTenantBootstrapper> logger) : IHostedService
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
        // Tenants set up by an older version get the schema changes since.
        foreach (var tenant in store.All().Where(t => t.State == TenantState.Running))
        {
            await using var scope = scopes.Create(tenant);
            await TenantSetup.MigrateAsync(scope.ServiceProvider, cancellationToken);
        }

        var setup = options.Value.Setup;
        var request = new SetupRequest(setup.AdminUserName, setup.AdminEmail, setup.AdminPassword);
        var existing = store.Find(TenantSettings.DefaultName);
        if (existing is null or { State: TenantState.Uninitialized })
        {
            if (existing is null)
            {
                tenants.Register(new TenantSettings { Name = TenantSettings.DefaultName, RecipeName = setup.Recipe });
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

    private static void Announce(SetupResult result)
    {
        var where = result.Tenant.IsDefault ? "/" : $"/{result.Tenant.RequestUrlPrefix}/";
        // Printed once, on purpose: the password is stored only as a hash.
        Console.WriteLine(result.GeneratedPassword is null
            ? $"Tenant '{result.Tenant.Name}' is set up at {where}. Sign in as '{result.AdminUserName}'."
            : $"Tenant '{result.Tenant.Name}' is set up at {where}. Sign in as '{result.AdminUserName}' with the password: {result.GeneratedPassword}");
    }
}
