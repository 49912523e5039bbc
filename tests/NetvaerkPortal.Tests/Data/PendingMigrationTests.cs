using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetvaerkPortal.Modules;

namespace NetvaerkPortal.Tests.Data;

/// <summary>A model change without its migration would reach a tenant's database as a runtime error; it fails here instead.</summary>
public sealed class PendingMigrationTests
{
    public static TheoryData<string> DesignTimeFactories()
    {
        var data = new TheoryData<string>();
        foreach (var type in PortalAssemblies().SelectMany(a => a.GetTypes()).Where(IsDesignTimeFactory))
        {
            data.Add(type.AssemblyQualifiedName!);
        }

        return data;
    }

    [Fact]
    public void Every_portal_db_context_is_checked()
    {
        // The platform's and the Networks module's contexts at least; a new module's is found the same way.
        Assert.True(DesignTimeFactories().Count >= 2);
    }

    [Theory]
    [MemberData(nameof(DesignTimeFactories))]
    public void Model_has_no_changes_without_a_migration(string factoryType)
    {
        var factory = Activator.CreateInstance(Type.GetType(factoryType, throwOnError: true)!)!;
        var create = factory.GetType().GetMethod("CreateDbContext")!;
        using var context = (DbContext)create.Invoke(factory, [Array.Empty<string>()])!;
        Assert.False(context.Database.HasPendingModelChanges(),
            $"{context.GetType().Name} has model changes without a migration. Add one: dotnet dotnet-ef migrations add NAME --project <its project> --context {context.GetType().Name} --output-dir Data/Migrations");
    }

    private static IEnumerable<Assembly> PortalAssemblies() =>
        ModuleCatalog.Discover(typeof(Program).Assembly).Ordered.Select(m => m.Assembly).OfType<Assembly>().Append(typeof(ModuleCatalog).Assembly).Distinct();

    private static bool IsDesignTimeFactory(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<>));
}
