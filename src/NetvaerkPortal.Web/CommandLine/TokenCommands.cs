using System.Globalization;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Web.CommandLine;

internal static class TokenCommands
{
    /// <summary>tokens create: prints a new personal access token alone on the last line, so scripts can take it with tail -n 1.</summary>
    public static async Task<int> CreateAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        const string example = "tokens create --tenant Default --user mette [--name script] [--expires-days 90]";
        var tenant = RecipeCommands.RunningTenant(services, arguments.Required("tenant", example));
        var userName = arguments.Required("user", example);
        DateTime? expires = null;
        if (arguments.Option("expires-days") is { } days)
        {
            expires = int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 3650
                ? DateTime.UtcNow.AddDays(count)
                : throw new CommandException($"--expires-days '{days}' is not a number of days from 1 to 3650.");
        }

        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var user = await UserCommands.FindAsync(scope.ServiceProvider, tenant, userName);
        var created = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(user.Id, arguments.Option("name") ?? "", expires);
        await output.WriteLineAsync($"Personal access token {created.Record.Id} for '{userName}' on tenant '{tenant.Name}'"
            + (expires is null ? "" : $", valid until {expires:yyyy-MM-dd}")
            + ". It is shown only now and works only on this tenant's /api/...; store it safely:");
        await output.WriteLineAsync(created.Token);
        return 0;
    }

    /// <summary>tokens revoke: one token by --id, or every token of --user.</summary>
    public static async Task<int> RevokeAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        const string example = "tokens revoke --tenant Default (--user mette | --id 3)";
        var tenant = RecipeCommands.RunningTenant(services, arguments.Required("tenant", example));
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var tokens = scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>();
        var userId = arguments.Option("user") is { } userName ? (await UserCommands.FindAsync(scope.ServiceProvider, tenant, userName)).Id : null;

        if (arguments.Option("id") is { } idText)
        {
            if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !await tokens.RevokeAsync(id, userId))
            {
                throw new CommandException($"Tenant '{tenant.Name}' has no active token {idText}{(userId is null ? "" : " of that user")}. 'tokens list --tenant {tenant.Name}' shows them.");
            }

            await output.WriteLineAsync($"Token {idText} on tenant '{tenant.Name}' is revoked.");
            return 0;
        }

        if (userId is null)
        {
            throw new CommandException($"Name the token (--id) or the user whose tokens to revoke (--user). Example: {example}");
        }

        var count = await tokens.RevokeAllAsync(userId);
        await output.WriteLineAsync($"Revoked {count} token(s) of '{arguments.Option("user")}' on tenant '{tenant.Name}'.");
        return 0;
    }

    public static async Task<int> ListAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var arguments = new CommandArguments(args, new HashSet<string>());
        var tenant = RecipeCommands.RunningTenant(services, arguments.Required("tenant", "tokens list --tenant Default [--user mette]"));
        await using var scope = services.GetRequiredService<TenantScopes>().Create(tenant);
        var userId = arguments.Option("user") is { } userName ? (await UserCommands.FindAsync(scope.ServiceProvider, tenant, userName)).Id : null;
        var now = DateTime.UtcNow;
        await output.WriteLineAsync($"{"ID",-6} {"USER",-38} {"NAME",-20} {"CREATED",-17} {"LAST USED",-17} STATE");
        foreach (var token in await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().ListAsync(userId))
        {
            var state = token.RevokedUtc is not null ? "revoked" : token.IsActive(now) ? "active" : "expired";
            await output.WriteLineAsync($"{token.Id,-6} {token.UserId,-38} {token.Name,-20} {token.CreatedUtc:yyyy-MM-dd HH:mm} {token.LastUsedUtc?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-",-17} {state}");
        }

        return 0;
    }
}
