using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Tests.Modules;

/// <summary>The host orders modules so that every module comes after the modules it needs, and refuses
/// a graph it cannot order with a message naming the modules.</summary>
public sealed class ModuleCatalogTests
{
    [Fact]
    public void Modules_are_ordered_after_their_dependencies_whatever_order_they_are_found_in()
    {
        ModuleDescriptor[] modules =
        [
            Module("Test.Meetings", "Test.Networks", "Test.Content"),
            Module("Test.Networks", "Test.Content"),
            Module("Test.Search", "Test.Content"),
            Module("Test.Content"),
            Module("Test.Theme", "Test.Search", "Test.Networks"),
        ];

        var orders = Permutations(modules).Select(p => new ModuleCatalog(p).Ordered.Select(m => m.Id).ToList()).ToList();

        foreach (var order in orders)
        {
            foreach (var module in modules)
            {
                foreach (var dependency in module.Dependencies)
                {
                    Assert.True(order.IndexOf(dependency) < order.IndexOf(module.Id), $"'{module.Id}' comes before its dependency '{dependency}' in {string.Join(", ", order)}.");
                }
            }
        }

        // The order is a function of the graph, not of the order the assemblies were found in.
        Assert.Single(orders.Select(o => string.Join(",", o)).Distinct());
    }

    [Fact]
    public void A_dependency_cycle_is_refused_naming_the_modules_in_it()
    {
        var refused = Assert.Throws<ModuleGraphException>(() => new ModuleCatalog(
        [
            Module("Test.Outside", "Test.Alpha"),
            Module("Test.Alpha", "Test.Beta"),
            Module("Test.Beta", "Test.Gamma"),
            Module("Test.Gamma", "Test.Alpha"),
        ]));

        Assert.Contains("Test.Alpha -> Test.Beta -> Test.Gamma -> Test.Alpha", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Test.Outside", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_not_reached_first_is_named_from_where_it_starts()
    {
        var refused = Assert.Throws<ModuleGraphException>(() => new ModuleCatalog(
        [
            Module("Test.A", "Test.X"),
            Module("Test.X", "Test.Y"),
            Module("Test.Y", "Test.X"),
        ]));

        Assert.Contains("Test.X -> Test.Y -> Test.X", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Test.A", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_that_depends_on_itself_is_a_cycle()
    {
        var refused = Assert.Throws<ModuleGraphException>(() => new ModuleCatalog([Module("Test.Selv", "Test.Selv")]));

        Assert.Contains("Test.Selv -> Test.Selv", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dependency_is_refused_naming_the_module_and_what_it_needs()
    {
        var refused = Assert.Throws<ModuleGraphException>(() => new ModuleCatalog(
        [
            Module("Test.Content"),
            Module("Test.Networks", "Test.Content", "Test.Calendar"),
        ]));

        Assert.Contains("'Test.Networks' needs 'Test.Calendar'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_modules_with_the_same_id_are_refused()
    {
        var refused = Assert.Throws<ModuleGraphException>(() => new ModuleCatalog([Module("Test.Content"), Module("test.content")]));

        Assert.Contains("'Test.Content'", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Enabling_a_feature_enables_what_it_needs_and_the_always_enabled_ones()
    {
        var catalog = new ModuleCatalog(
        [
            Module("Test.Content") with { AlwaysEnabled = true },
            Module("Test.Networks", "Test.Tags"),
            Module("Test.Tags"),
            Module("Test.Search"),
        ]);

        var enabled = catalog.WithDependencies(["Test.Networks", "Test.Unknown"]);

        Assert.Equal(["Test.Content", "Test.Tags", "Test.Networks"], enabled);
    }

    [Fact]
    public void Discovery_from_the_web_host_finds_every_module_it_references_in_dependency_order()
    {
        var catalog = ModuleCatalog.Discover(typeof(Program).Assembly);
        var ids = catalog.Ordered.Select(m => m.Id).ToList();

        Assert.Equal(
            ["Netvaerk.Content", "Netvaerk.Meetings", "Netvaerk.Networks", "Netvaerk.Search.Lucene", "Netvaerk.Tenants", "Netvaerk.Theme"],
            ids.Order(StringComparer.Ordinal));
        Assert.Equal("Netvaerk.Content", ids[0]);
        Assert.True(catalog.Find("Netvaerk.Content")!.AlwaysEnabled);
        Assert.All(catalog.Ordered.Skip(1), m => Assert.Contains("Netvaerk.Content", m.Dependencies));
        Assert.Equal(typeof(Netvaerk.Networks.Startup), catalog.Find("Netvaerk.Networks")!.StartupType);
    }

    private static ModuleDescriptor Module(string id, params string[] dependencies) =>
        new(id, id, dependencies, AlwaysEnabled: false, Description: "", Assembly: null, StartupType: null);

    private static IEnumerable<List<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var permutation in Permutations(rest))
            {
                permutation.Insert(0, items[i]);
                yield return permutation;
            }
        }
    }
}
