using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Recipes.Steps;

/// <summary>"Roles": creates roles (or updates their description) and grants the listed permissions as role claims.</summary>
public sealed class RolesStep : IRecipeStepHandler
{
    public const string PermissionClaim = "Permission";

    public IReadOnlyList<string> StepNames { get; } = ["Roles"];

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken cancellationToken)
    {
        var roles = context.Services.GetRequiredService<RoleManager<PortalRole>>();
        var position = 0;
        foreach (var entry in (RecipeReader.Get(context.Data, "Roles") as JsonArray ?? []).OfType<JsonObject>())
        {
            position++;
            var name = RecipeReader.Text(entry, "Name");
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new RecipeException($"role {position} has no 'Name'.");
            }

            var role = await roles.FindByNameAsync(name);
            if (role is null)
            {
                role = new PortalRole(name) { Description = RecipeReader.Text(entry, "Description") ?? "" };
                Check(await roles.CreateAsync(role), name);
            }
            else
            {
                role.Description = RecipeReader.Text(entry, "Description") ?? role.Description;
                Check(await roles.UpdateAsync(role), name);
            }

            var granted = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PermissionClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var permission in RecipeReader.Strings(entry, "Permissions").Where(p => !granted.Contains(p)))
            {
                Check(await roles.AddClaimAsync(role, new Claim(PermissionClaim, permission)), name);
            }
        }
    }

    private static void Check(IdentityResult result, string role)
    {
        if (!result.Succeeded)
        {
            throw new RecipeException($"role '{role}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
