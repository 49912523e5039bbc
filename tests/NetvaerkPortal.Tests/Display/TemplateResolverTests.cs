using Fluid;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Display;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Tests.Display;

/// <summary>The one template resolver: tenant override, then the active theme, then the module; most specific alternate first;
/// a broken override is skipped and reported; every template is parsed once.</summary>
public sealed class TemplateResolverTests
{
    private static readonly ModuleDescriptor Base = Module("Test.Base");
    private static readonly ModuleDescriptor Dependent = Module("Test.Dependent", "Test.Base");
    private static readonly ModuleDescriptor Theme = Module("Test.Theme") with { Category = "Theme" };

    private static ModuleDescriptor Module(string id, params string[] dependencies) => new(id, id, dependencies, false, "", null, null);

    private static TemplateResolver Resolver(out TemplateProblems problems, Dictionary<string, string>? theme = null)
    {
        var templates = new ModuleTemplates(
        [
            (Base, new Dictionary<string, string> { ["Content"] = "base:{{ Model.Title }}", ["Content-Case"] = "base-case", ["Shared"] = "base-shared" }),
            (Dependent, new Dictionary<string, string> { ["Shared"] = "dependent-shared", ["Content.Summary"] = "summary" }),
            (Theme, theme ?? new Dictionary<string, string> { ["Content-Case"] = "theme-case" }),
        ]);
        problems = new TemplateProblems();
        var options = new TemplateOptions { MemberAccessStrategy = UnsafeMemberAccessStrategy.Instance };
        return new TemplateResolver(templates, Options.Create(options), problems, NullLogger<TemplateResolver>.Instance);
    }

    private static SiteDisplay Site(Dictionary<string, string>? overrides = null, string theme = "Test.Theme", params string[] disabled) => new(
        overrides ?? [], theme, theme, new SiteBranding(),
        new HashSet<string>(new[] { "Test.Base", "Test.Dependent" }.Except(disabled), StringComparer.OrdinalIgnoreCase));

    private static async Task<string> RenderAsync(TemplateResolver resolver, SiteDisplay site, params string[] names)
    {
        var output = new StringWriter();
        TemplateContext NewContext()
        {
            var context = new TemplateContext(new { Title = "<b>Titel</b>" }, resolver.Options);
            context.SetValue("Model", new { Title = "<b>Titel</b>" });
            return context;
        }

        Assert.True(await resolver.TryRenderAsync(names, NewContext, output, "Tenant", site));
        return output.ToString();
    }

    [Fact]
    public async Task A_tenant_override_beats_the_theme_which_beats_the_module()
    {
        var resolver = Resolver(out _);

        Assert.Equal("theme-case", await RenderAsync(resolver, Site(), "Content-Case"));
        Assert.Equal("tenant-case", await RenderAsync(resolver, Site(new() { ["Content-Case"] = "tenant-case" }), "Content-Case"));
        Assert.Equal("base-case", await RenderAsync(resolver, Site(theme: ""), "Content-Case"));
    }

    [Fact]
    public async Task The_most_specific_alternate_wins_and_the_general_template_serves_the_rest()
    {
        var resolver = Resolver(out _);
        string[] meetingNote = ["Content-MeetingNote", "Content"];
        string[] caseStory = ["Content-Case", "Content"];

        Assert.Equal("base:&lt;b&gt;Titel&lt;/b&gt;", await RenderAsync(resolver, Site(), meetingNote));
        Assert.Equal("theme-case", await RenderAsync(resolver, Site(), caseStory));
        // A tenant's general override does not beat a more specific template elsewhere.
        Assert.Equal("theme-case", await RenderAsync(resolver, Site(new() { ["Content"] = "tenant-general" }), caseStory));
        Assert.Equal("summary", await RenderAsync(resolver, Site(), "Content-Case.Summary", "Content.Summary"));
    }

    [Fact]
    public async Task A_dependent_module_overrides_the_module_it_builds_on_and_a_disabled_module_supplies_nothing()
    {
        var resolver = Resolver(out _);

        Assert.Equal("dependent-shared", await RenderAsync(resolver, Site(), "Shared"));
        Assert.Equal("base-shared", await RenderAsync(resolver, Site(disabled: "Test.Dependent"), "Shared"));
        Assert.Empty(resolver.Candidates(["Shared"], "Tenant", Site(theme: "", disabled: ["Test.Base", "Test.Dependent"])));
    }

    [Theory]
    [InlineData("{% for x in %}")]
    [InlineData("{{ Model.Title | no_such_filter }}{% if %}")]
    public async Task A_broken_override_falls_back_to_the_next_template_and_is_reported_with_its_line(string broken)
    {
        var resolver = Resolver(out var problems);

        var html = await RenderAsync(resolver, Site(new() { ["Content-Case"] = "ok\n" + broken }), "Content-Case");

        Assert.Equal("theme-case", html);
        var problem = Assert.Single(problems.For("Tenant"));
        Assert.Equal("Content-Case", problem.Name);
        Assert.Contains("(2:", problem.Error, StringComparison.Ordinal);
        Assert.Empty(problems.For("Other"));
    }

    [Fact]
    public async Task An_override_that_fails_while_rendering_leaves_nothing_on_the_page_and_the_next_template_renders()
    {
        var resolver = Resolver(out var problems);
        // Loops past the step limit: a tenant's template cannot hold the server.
        resolver.Options.MaxSteps = 1000;

        var html = await RenderAsync(resolver, Site(new() { ["Content-Case"] = "partial{% for i in (1..100000) %}x{% endfor %}" }), "Content-Case");

        Assert.Equal("theme-case", html);
        Assert.Single(problems.For("Tenant"));
    }

    [Fact]
    public async Task Templates_are_parsed_once_not_per_request()
    {
        var resolver = Resolver(out _);
        var site = Site(new() { ["Content"] = "own" });
        await RenderAsync(resolver, site, "Content-Case");
        await RenderAsync(resolver, site, "Content");
        var parsed = resolver.Parses;

        for (var i = 0; i < 20; i++)
        {
            await RenderAsync(resolver, site, "Content-Case");
            await RenderAsync(resolver, site, "Content");
        }

        Assert.Equal(parsed, resolver.Parses);
        // A changed override is parsed again, once.
        await RenderAsync(resolver, Site(new() { ["Content"] = "changed" }), "Content");
        Assert.Equal(parsed + 1, resolver.Parses);
    }

    [Theory]
    [InlineData("../Content")]
    [InlineData("/etc/passwd")]
    [InlineData("Content\n")]
    [InlineData("..")]
    public void A_name_that_is_not_a_template_name_finds_nothing(string name)
    {
        var resolver = Resolver(out _);

        Assert.Empty(resolver.Candidates([name], "Tenant", Site(new() { [name] = "own" })));
    }
}
