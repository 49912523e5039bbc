using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings;
using Netvaerk.Meetings.Data;
using Netvaerk.Meetings.Recipes;
using Netvaerk.Networks.Members;
using NetvaerkPortal.Recipes;
using NetvaerkPortal.Tenants;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Recipes;

namespace NetvaerkPortal.Tests.Meetings;

/// <summary>Each case organisation's recipe sets up a network that uses the tool: a meeting held about three weeks
/// before the day the tenant was made (attendance, time spent per phase, notes, decisions, an open overdue action,
/// anonymous evaluations) and a series ahead, whatever day that is. The test's clock is moved, so the dates must follow it.</summary>
public sealed class MeetingRecipeTests : IDisposable
{
    private readonly ShiftedClock _clock = new() { Offset = TimeSpan.FromDays(123) };
    private readonly PortalWebFactory _factory;

    public MeetingRecipeTests() => _factory = new PortalWebFactory(services => services.AddSingleton<TimeProvider>(_clock));

    public static TheoryData<string> CaseRecipes => new(["nyborg-kommune", "aarhus-kommune-sundhed", "dansk-socialraadgiverforening", "ftf-formaend"]);

    public void Dispose() => _factory.Dispose();

    [Theory]
    [MemberData(nameof(CaseRecipes))]
    public async Task The_recipe_sets_up_a_network_that_held_a_meeting_three_weeks_ago_and_plans_the_next(string recipe)
    {
        var tenant = (await _factory.Tenants.CreateAsync(new CreateTenantRequest("Org", "org", null, recipe,
            new SetupRequest("admin", "admin@org.test", PortalTestHost.AdminPassword)))).Tenant;
        var today = DateOnly.FromDateTime(MeetingTime.ToLocal(_clock.GetUtcNow().UtcDateTime));

        await using var scope = _factory.Services.GetRequiredService<TenantScopes>().Create(tenant);
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.StartUtc).ToListAsync();
        var held = Assert.Single(meetings, m => m.StartUtc < _clock.GetUtcNow().UtcDateTime);
        Assert.Equal(today.AddDays(-21), DateOnly.FromDateTime(MeetingTime.ToLocal(held.StartUtc)));
        Assert.True(held.AttendanceRecorded);
        Assert.NotNull(held.ProtocolContentItemId);

        var ahead = meetings.Where(m => m != held).ToList();
        Assert.True(ahead.Count >= 3, $"{ahead.Count} meetings ahead");
        Assert.All(ahead, m => Assert.Equal(held.NetworkContentItemId, m.NetworkContentItemId));
        Assert.Single(ahead.Select(m => m.SeriesId).Distinct());
        Assert.All(ahead, m => Assert.Equal(0, m.Sequence));
        Assert.NotEmpty(await db.Cases.Where(c => c.MeetingId == ahead[0].Id).ToListAsync());

        var members = (await scope.ServiceProvider.GetRequiredService<NetworkMembers>().ListAsync(held.NetworkContentItemId)).Select(m => m.UserId).ToHashSet();
        var present = await db.Attendance.Where(a => a.MeetingId == held.Id).Select(a => a.UserId).ToListAsync();
        Assert.True(present.Count >= 3 && present.All(members.Contains));

        // Every phase ran, some over and some under their planned minutes.
        var items = await db.RunItems.Where(i => i.MeetingId == held.Id).OrderBy(i => i.Position).ToListAsync();
        Assert.True(items.Count >= 4);
        Assert.All(items, i => Assert.True(i.StartedUtc >= held.StartUtc && i.EndedUtc >= i.StartedUtc));
        var spent = items.Select(i => (int)(i.EndedUtc!.Value - i.StartedUtc!.Value).TotalMinutes - i.PlannedMinutes).ToList();
        Assert.Contains(spent, d => d > 0);
        Assert.Contains(spent, d => d < 0);

        var notes = await db.ItemNotes.Where(n => n.MeetingId == held.Id).ToListAsync();
        Assert.True(notes.Count(n => n.Position >= 0) >= items.Count / 2);
        Assert.All(notes, n => Assert.False(string.IsNullOrWhiteSpace(n.Text)));
        Assert.InRange(await db.Decisions.CountAsync(d => d.MeetingId == held.Id), 1, 3);

        var actions = await db.Actions.Where(a => a.MeetingId == held.Id).ToListAsync();
        Assert.Contains(actions, a => a.Done);
        Assert.Single(actions, a => !a.Done && a.Due < today);

        // The evaluation is stored as who answered plus counters: every question counted once per responder.
        var responders = await db.EvaluationResponders.Where(r => r.MeetingId == held.Id).Select(r => r.UserId).ToListAsync();
        Assert.True(responders.Count >= EvaluationQuestions.MinimumAnswers);
        Assert.All(responders, r => Assert.Contains(r, present));
        var tallies = await db.EvaluationTallies.Where(t => t.MeetingId == held.Id).ToListAsync();
        Assert.All(EvaluationQuestions.All, q => Assert.Equal(responders.Count, tallies.Where(t => t.Question == q).Sum(t => t.Count)));
        Assert.NotEmpty(await db.EvaluationComments.Where(c => c.MeetingId == held.Id).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(CaseRecipes))]
    public void The_recipe_passes_the_meetings_step_check(string recipe)
    {
        var parsed = RecipeReader.ReadFile(Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes", recipe + ".recipe.json"));
        var step = Assert.Single(parsed.Steps, s => s.Name == "Meetings");
        Assert.Empty(new MeetingsRecipeStep().Check(step.Data, parsed, evaluated: false));
    }

    [Fact]
    public void The_nyborg_network_promises_only_the_rotation_plan_that_exists()
    {
        var text = File.ReadAllText(Path.Combine(PortalCommandRunner.RepositoryRoot, "recipes", "nyborg-kommune.recipe.json"));
        Assert.Contains("følger rotationsplanen i portalen: Under »Møder«", text, StringComparison.Ordinal);
    }
}
