using Microsoft.AspNetCore.Identity;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.PersonalData;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.CommandLine;

internal static class UserCommands
{
    public const string CreateExample = "users create --tenant Default --user mette --email mette@example.dk --password 'Langt-kodeord-1' --role Member --network 4x9k...";

    /// <summary>users create: the user, their roles and network memberships in one transaction: all or nothing.</summary>
    public static async Task<int> CreateAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        var tenant = RecipeCommands.RunningTenant(services, arguments.Required("tenant", CreateExample));
        var userName = arguments.Required("user", CreateExample);
        var email = arguments.Required("email", CreateExample);
        var password = arguments.Required("password", CreateExample);
        var roles = arguments.All("role").Select(r => PortalRoles.All.FirstOrDefault(known => string.Equals(known, r, StringComparison.OrdinalIgnoreCase)) ?? r).ToList();
        var memberships = arguments.All("network").Select(n => (Network: n, Role: NetworkRoles.Member))
            .Concat(arguments.All("coordinator").Select(n => (Network: n, Role: NetworkRoles.Coordinator)))
            .ToList();

        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var tenantServices = scope.ServiceProvider;
        var users = tenantServices.GetRequiredService<UserManager<PortalUser>>();
        var roleManager = tenantServices.GetRequiredService<RoleManager<PortalRole>>();
        var members = tenantServices.GetRequiredService<NetworkMembers>();

        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                throw new CommandException($"Tenant '{tenant.Name}' has no role '{role}'. Use one of: {string.Join(", ", roleManager.Roles.Select(r => r.Name).ToList())}.");
            }
        }

        foreach (var (network, _) in memberships)
        {
            if (!await members.NetworkExistsAsync(network))
            {
                throw new CommandException($"Tenant '{tenant.Name}' has no network with id '{network}'. The ids are the networks' ContentItemId ('content export --tenant {tenant.Name} --type {NetworkContentTypes.Network}').");
            }
        }

        var db = tenantServices.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new PortalUser { UserName = userName, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password), userName);
        tenantServices.GetRequiredService<AuditLog>().Record(AuditActions.UserCreated, userName, roles.Count > 0 ? "roller " + string.Join(", ", roles) : "");
        if (roles.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, roles), userName);
        }

        foreach (var (network, role) in memberships)
        {
            await members.SetAsync(network, user.Id, role);
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await output.WriteLineAsync($"User '{userName}' created on tenant '{tenant.Name}'"
            + (roles.Count > 0 ? $", roles: {string.Join(", ", roles)}" : "")
            + (memberships.Count > 0 ? $", networks: {string.Join(", ", memberships.Select(m => $"{m.Network} ({m.Role})"))}" : "")
            + ".");
        return 0;
    }

    public const string DeleteExample = "users delete --tenant Default --user mette";

    /// <summary>users delete: the user, their tokens and memberships in one transaction; what they wrote stays, by "Tidligere medlem".</summary>
    public static async Task<int> DeleteAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        var tenant = RecipeCommands.RunningTenant(services, arguments.Required("tenant", DeleteExample));
        var userName = arguments.Required("user", DeleteExample);
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var user = await FindAsync(scope.ServiceProvider, tenant, userName);
        try
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<MemberDeletion>().DeleteAsync(user, actingUserId: null);
            await output.WriteLineAsync($"User '{deleted.UserName}' deleted from tenant '{tenant.Name}': memberships removed, {deleted.Tokens} token(s) deleted, "
                + $"{deleted.Items} content item(s) kept with the author '{MemberDeletion.FormerMember}'.");
            return 0;
        }
        catch (MemberDeletionException error)
        {
            throw new CommandException(error.Message);
        }
    }

    public const string ResetPasswordExample = "users reset-password --tenant Default --user admin [--password 'Nyt-kodeord-2026']";

    /// <summary>users reset-password: a new password (generated and printed once when none is given), the account
    /// unlocked, and every session of the user ended; all in one transaction. The way back in for an administrator
    /// who lost their password.</summary>
    public static async Task<int> ResetPasswordAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        var tenant = RecipeCommands.RunningTenant(services, arguments.Required("tenant", ResetPasswordExample));
        var userName = arguments.Required("user", ResetPasswordExample);
        var given = arguments.Option("password");
        var password = given ?? GeneratedPasswords.Create();

        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var tenantServices = scope.ServiceProvider;
        var users = tenantServices.GetRequiredService<UserManager<PortalUser>>();
        var user = await FindAsync(tenantServices, tenant, userName);
        var db = tenantServices.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        CheckReset(await users.RemovePasswordAsync(user), userName);
        CheckReset(await users.AddPasswordAsync(user, password), userName);
        if (await users.GetLockoutEnabledAsync(user))
        {
            CheckReset(await users.SetLockoutEndDateAsync(user, null), userName);
        }

        CheckReset(await users.ResetAccessFailedCountAsync(user), userName);
        var ended = await tenantServices.GetRequiredService<UserSessions>().RevokeAllAsync(user.Id);
        await transaction.CommitAsync();

        await output.WriteLineAsync($"The password of '{user.UserName}' on tenant '{tenant.Name}' is reset; the account is unlocked and {ended} session(s) are signed out.");
        if (given is null)
        {
            await output.WriteLineAsync("New password (shown once; it is stored only as a hash):");
            await output.WriteLineAsync(password);
        }

        return 0;
    }

    public static async Task<PortalUser> FindAsync(IServiceProvider tenantServices, TenantSettings tenant, string userName) =>
        await tenantServices.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName)
            ?? throw new CommandException($"Tenant '{tenant.Name}' has no user '{userName}'. Users of one tenant do not exist on another.");

    private static void CheckReset(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new CommandException($"Could not reset the password of '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))} Nothing was changed.");
        }
    }

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new CommandException($"Could not create user '{userName}': {string.Join(" ", result.Errors.Select(e => e.Description))} Nothing was created.");
        }
    }
}
