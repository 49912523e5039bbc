using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Audit;
using NetvaerkPortal.Data;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Audit;

/// <summary>What the command line does to a tenant is recorded in that tenant's log by "kommandolinje" from "CLI",
/// in the same transaction: a recipe run that fails leaves no entry.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly PortalCommandRunner _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Recipe_runs_user_creation_and_search_rebuilds_are_recorded_once_each_by_the_command_line()
    {
        await RunAsync("tenants", "create", "Alfa", "--prefix", "alfa", "--recipe", "netvaerk-portal");
        var recipe = _portal.WriteRecipe("""{"name": "revision-god", "steps": [{"name": "feature", "enable": ["Netvaerk.Networks"]}]}""");

        await RunAsync("recipes", "run", "--tenant", "Alfa", recipe);
        await RunAsync("users", "create", "--tenant", "Alfa", "--user", "mette", "--email", "mette@example.dk", "--password", "Langt-kodeord-1", "--role", "Member");
        await RunAsync("search", "rebuild", "--tenant", "Alfa");

        var entries = await EntriesAsync();
        Assert.Equal(
            [(AuditActions.RecipeRun, "netvaerk-portal"), (AuditActions.RecipeRun, "revision-god"), (AuditActions.UserCreated, "mette"), (AuditActions.SearchRebuild, "Search")],
            entries.Select(e => (e.Action, e.Target)));
        Assert.All(entries, e => Assert.Equal((AuditOrigin.CommandLine.Actor, AuditOrigin.CommandLine.Address), (e.Actor, e.Address)));
    }

    [Fact]
    public async Task A_recipe_run_that_fails_leaves_no_audit_entry()
    {
        await RunAsync("tenants", "create", "Alfa", "--prefix", "alfa", "--recipe", "netvaerk-portal");
        var before = await EntriesAsync();
        var recipe = _portal.WriteRecipe("""
            {"name": "revision-fejl", "steps": [
              {"name": "feature", "enable": ["Netvaerk.Networks"]},
              {"name": "content", "data": [{"ContentItemId": "fejl1", "ContentType": "MeetingNote", "TitlePart": {"Title": "Uden netværk"}}]}
            ]}
            """);

        var failed = await _portal.RunAsync("recipes", "run", "--tenant", "Alfa", recipe);

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(before.Select(e => e.Id), (await EntriesAsync()).Select(e => e.Id));
    }

    private Task<List<AuditEntry>> EntriesAsync() => _portal.InTenantAsync("Alfa", services =>
        services.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    private async Task RunAsync(params string[] args)
    {
        var result = await _portal.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.All);
    }
}
