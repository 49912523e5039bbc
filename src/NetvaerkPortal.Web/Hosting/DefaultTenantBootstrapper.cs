using Microsoft.Extensions.Options;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.Hosting;

/// <summary>On first start with an empty App_Data, registers and sets up the Default tenant from the
/// setup recipe, before the server takes requests.</summary>
public sealed class DefaultTenantBootstrapper(TenantStore store, TenantManager tenants, IOptions<PortalOptions> options, ILogger<DefaultTenantBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var setup = options.Value.Setup;
        var existing = store.Find(TenantSettings.DefaultName);
        if (existing is { State: not TenantState.Uninitialized })
        {
            return;
        }

        if (existing is null)
        {
            tenants.Register(new TenantSettings { Name = TenantSettings.DefaultName, RecipeName = setup.Recipe });
        }

        logger.LogInformation("Setting up the Default tenant from the '{Recipe}' recipe in {AppData}", setup.Recipe, store.AppDataPath);
        var result = await tenants.SetupExistingAsync(TenantSettings.DefaultName,
            new SetupRequest(setup.AdminUserName, setup.AdminEmail, setup.AdminPassword), cancellationToken);
        if (result.GeneratedPassword is not null)
        {
            // Printed once, on purpose: the password is stored only as a hash.
            Console.WriteLine($"Default tenant is set up. Sign in as '{result.AdminUserName}' with the password: {result.GeneratedPassword}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
