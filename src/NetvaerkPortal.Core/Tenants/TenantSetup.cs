using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tenants;

/// <summary>What a tenant's setup needs besides its recipe.</summary>
public sealed record SetupRequest(string AdminUserName, string AdminEmail, string? AdminPassword, IReadOnlyDictionary<string, string>? Parameters = null, bool SkipUnsupported = false);

public sealed record SetupResult(TenantSettings Tenant, string AdminUserName, string? GeneratedPassword, IReadOnlyList<string> Notes);

/// <summary>Everything a setup does inside the tenant's database after migrations and the admin user:
/// the recipe engine runs the tenant's recipe here.</summary>
public interface ITenantInitializer
{
    Task<IReadOnlyList<string>> InitializeAsync(IServiceProvider tenantServices, TenantSettings tenant, SetupContext context, CancellationToken cancellationToken);
}

public sealed record SetupContext(string AdminUserId, string AdminUserName, IReadOnlyDictionary<string, string> Parameters, bool SkipUnsupported);

/// <summary>Creates a tenant's database and admin, runs its initializer, and marks it Running; on any
/// failure removes everything the attempt made (database, site folder) so it can simply be tried again.</summary>
public sealed class TenantSetup(TenantStore store, TenantScopes scopes, TenantFeatures features, ITenantInitializer initializer)
{
    public async Task<SetupResult> SetupAsync(TenantSettings tenant, SetupRequest request, CancellationToken cancellationToken = default)
    {
        var sitePath = store.SitePath(tenant.Name);
        var folderExisted = Directory.Exists(sitePath);
        try
        {
            Directory.CreateDirectory(sitePath);
            string? generated = null;
            IReadOnlyList<string> notes;
            await using (var scope = scopes.Create(tenant))
            {
                var services = scope.ServiceProvider;
                await MigrateAsync(services, cancellationToken);

                var password = request.AdminPassword;
                if (string.IsNullOrEmpty(password))
                {
                    password = generated = GeneratedPasswords.Create();
                }

                var admin = await CreateAdminAsync(services, request.AdminUserName, request.AdminEmail, password);
                var parameters = new Dictionary<string, string>(request.Parameters ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase)
                {
                    ["AdminUserId"] = admin.Id,
                    ["AdminUsername"] = admin.UserName!,
                };
                parameters.TryAdd("SiteName", tenant.Name);
                notes = await initializer.InitializeAsync(services, tenant, new SetupContext(admin.Id, admin.UserName!, parameters, request.SkipUnsupported), cancellationToken);
            }

            var running = tenant with { State = TenantState.Running };
            store.Save(running);
            return new SetupResult(running, request.AdminUserName, generated, notes);
        }
        catch
        {
            features.Forget(tenant.Name);
            DeleteSiteFolder(sitePath, folderExisted);
            throw;
        }
    }

    /// <summary>Runs every registered schema migration (platform first, then modules) in the tenant's scope.</summary>
    public static async Task MigrateAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        foreach (var migration in tenantServices.GetServices<ITenantMigration>())
        {
            await migration.MigrateAsync(tenantServices, cancellationToken);
        }
    }

    public static void DeleteSiteFolder(string sitePath, bool keepFolder = false)
    {
        DatabaseProviders.ReleaseFiles();
        if (!Directory.Exists(sitePath))
        {
            return;
        }

        if (keepFolder)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(sitePath))
            {
                if (Directory.Exists(entry))
                {
                    Directory.Delete(entry, recursive: true);
                }
                else
                {
                    File.Delete(entry);
                }
            }
        }
        else
        {
            Directory.Delete(sitePath, recursive: true);
        }
    }

    private static async Task<PortalUser> CreateAdminAsync(IServiceProvider services, string userName, string email, string password)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var roles = services.GetRequiredService<RoleManager<PortalRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new PortalRole(role)), "role " + role);
            }
        }

        var admin = new PortalUser { UserName = userName, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(admin, password), "admin user");
        Check(await users.AddToRoleAsync(admin, PortalRoles.Administrator), "admin role");
        return admin;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new TenantSetupException("Could not create the {0}: {1}", what, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>A tenant could not be created or set up. <see cref="TranslatableException.Template"/> and its arguments let
/// the admin show the message in the reader's language; <see cref="Exception.Message"/> is English.</summary>
public sealed class TenantSetupException(string template, params object[] arguments) : Display.TranslatableException(template, arguments);
