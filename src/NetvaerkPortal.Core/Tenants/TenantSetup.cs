using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Files;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tenants;

/// <summary>What a tenant's setup needs besides its recipe's name.</summary>
/// <param name="UploadedRecipe">The JSON of an uploaded recipe, run instead of the tenant's RecipeName. It has no
/// folder, so it cannot refer to files.</param>
/// <param name="SiteName">The organisation's name, as its people know it: the recipe's <c>parameters('SiteName')</c>, and the
/// tenant's SiteName after the recipe ran (over what the recipe set). Null keeps the recipe's.</param>
public sealed record SetupRequest(string AdminUserName, string AdminEmail, string? AdminPassword, IReadOnlyDictionary<string, string>? Parameters = null, bool SkipUnsupported = false, string? UploadedRecipe = null, string? SiteName = null);

public sealed record SetupResult(TenantSettings Tenant, string AdminUserName, string? GeneratedPassword, IReadOnlyList<string> Notes);

/// <summary>Everything a setup does inside the tenant's database after migrations and the admin user:
/// the recipe engine runs the tenant's recipe here.</summary>
public interface ITenantInitializer
{
    Task<IReadOnlyList<string>> InitializeAsync(IServiceProvider tenantServices, TenantSettings tenant, SetupContext context, CancellationToken cancellationToken);
}

public sealed record SetupContext(string AdminUserId, string AdminUserName, IReadOnlyDictionary<string, string> Parameters, bool SkipUnsupported, string? UploadedRecipe = null);

/// <summary>Creates a tenant's database and admin, runs its initializer, and marks it Running; on any
/// failure removes what the attempt made (database or PostgreSQL schema, site folder, shared media folder), and only that, so it can simply be tried again.</summary>
public sealed class TenantSetup(TenantStore store, TenantScopes scopes, TenantFeatures features, ITenantInitializer initializer, Media.MediaLocations media)
{
    public async Task<SetupResult> SetupAsync(TenantSettings tenant, SetupRequest request, CancellationToken cancellationToken = default)
    {
        var sitePath = store.SitePath(tenant.Name);
        var before = Directory.Exists(sitePath) ? Directory.EnumerateFileSystemEntries(sitePath).ToHashSet(StringComparer.Ordinal) : null;
        var madeStorage = false;
        var sharedMedia = media.SharedRoot is null ? null : media.For(tenant.Name, sitePath).FullPath;
        var mediaBefore = sharedMedia is not null && Directory.Exists(sharedMedia);
        try
        {
            CreateSiteFolder(sitePath);
            madeStorage = await DatabaseProviders.CreateStorageAsync(tenant, cancellationToken);
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
                var siteName = string.IsNullOrWhiteSpace(request.SiteName) ? null : request.SiteName.Trim();
                if (siteName is not null)
                {
                    parameters["SiteName"] = siteName;
                }

                // Without a name from the form or --param SiteName=..., the product's name: never the technical tenant name.
                parameters.TryAdd("SiteName", Display.SiteBranding.DefaultSiteName);
                notes = await initializer.InitializeAsync(services, tenant, new SetupContext(admin.Id, admin.UserName!, parameters, request.SkipUnsupported, request.UploadedRecipe), cancellationToken);
                if (siteName is not null)
                {
                    await NameSiteAsync(services, siteName, cancellationToken);
                }
            }

            var running = tenant with { State = TenantState.Running };
            store.Save(running);
            return new SetupResult(running, request.AdminUserName, generated, notes);
        }
        catch
        {
            features.Forget(tenant.Name);
            await DatabaseProviders.ReleaseAsync(tenant, dropStorage: madeStorage);
            RemoveCreated(sitePath, before);
            if (sharedMedia is not null && !mediaBefore && Directory.Exists(sharedMedia) && new DirectoryInfo(sharedMedia).LinkTarget is null)
            {
                Directory.Delete(sharedMedia, recursive: true); // made by this attempt's media steps, below a root shared with other nodes
            }

            throw;
        }
    }

    /// <summary>The name given at creation wins over the recipe's: an example recipe sets its own organisation's name.</summary>
    private static async Task NameSiteAsync(IServiceProvider services, string siteName, CancellationToken cancellationToken)
    {
        var documents = services.GetRequiredService<SiteDocuments>();
        var branding = await Display.SiteBranding.LoadAsync(documents, cancellationToken);
        await (branding with { SiteName = siteName }).SaveAsync(documents, cancellationToken);
        await services.GetRequiredService<PortalDbContext>().SaveChangesAsync(cancellationToken);
        services.GetRequiredService<Display.SiteDisplays>().Forget(services.GetRequiredService<TenantContext>().Name);
    }

    /// <summary>Runs every registered schema migration (platform first, then modules) in the tenant's scope, unless the
    /// database says this very build migrated it already (<see cref="DatabaseProviders.ReadSchemaStampAsync"/>): then a
    /// tenant's first request after a start reads one header field instead of three migration histories.</summary>
    public static async Task MigrateAsync(IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var migrations = tenantServices.GetServices<ITenantMigration>().ToList();
        var db = tenantServices.GetRequiredService<PortalDbContext>();
        var stamp = SchemaStamp(migrations);
        if (await DatabaseProviders.ReadSchemaStampAsync(db, cancellationToken) == stamp)
        {
            return;
        }

        foreach (var migration in migrations)
        {
            await migration.MigrateAsync(tenantServices, cancellationToken);
        }

        await DatabaseProviders.WriteSchemaStampAsync(db, stamp, cancellationToken);
    }

    /// <summary>Names the build's migrations: the assemblies that carry them (their module version ids change with every
    /// build), never 0, which is what a database that was never stamped holds.</summary>
    private static int SchemaStamp(IEnumerable<ITenantMigration> migrations)
    {
        var builds = string.Join(',', migrations.Select(m => m.GetType().Assembly.ManifestModule.ModuleVersionId).Distinct().Order());
        var stamp = BitConverter.ToInt32(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(builds)));
        return stamp == 0 ? 1 : stamp;
    }

    /// <summary>The site folder, marked as the portal's (<see cref="OwnedFolders"/>); one that already holds someone
    /// else's files is refused rather than taken over.</summary>
    private const string SiteFolderPurpose = "tenant site folder";

    private static void CreateSiteFolder(string sitePath)
    {
        try
        {
            OwnedFolders.CreateOwned(sitePath, SiteFolderPurpose);
        }
        catch (IOException)
        {
            throw new TenantSetupException("The folder {0} already holds files that the portal did not create; they are left alone. Move them away and try again.", sitePath);
        }
    }

    /// <summary>Removes what a failed setup created: the whole site folder if the setup made it, else only the entries
    /// that were not there before; and nothing at all in a folder the portal does not own.</summary>
    private static void RemoveCreated(string sitePath, HashSet<string>? before)
    {
        if (!OwnedFolders.IsOwned(sitePath, SiteFolderPurpose))
        {
            return;
        }

        if (before is null)
        {
            Directory.Delete(sitePath, recursive: true);
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(sitePath).Where(entry => !before.Contains(entry)))
        {
            // A link is removed as a link; Directory.Delete would not follow it, but File.Delete says so plainly.
            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
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
