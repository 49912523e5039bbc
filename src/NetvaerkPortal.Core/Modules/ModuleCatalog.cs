using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace NetvaerkPortal.Modules;

/// <summary>The modules this host references, in dependency order (every module after the ones it needs).</summary>
public sealed class ModuleCatalog
{
    private readonly Dictionary<string, ModuleDescriptor> _byId;

    public ModuleCatalog(IEnumerable<ModuleDescriptor> modules)
    {
        var list = modules.ToList();
        var duplicate = list.GroupBy(m => m.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ModuleGraphException($"Two modules declare the id '{duplicate.Key}'. Give each module its own id.");
        }

        _byId = list.ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
        Ordered = Order(list, _byId);
    }

    public IReadOnlyList<ModuleDescriptor> Ordered { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public ModuleDescriptor? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The ids of the given features plus everything they depend on, in dependency order.</summary>
    public IReadOnlyList<string> WithDependencies(IEnumerable<string> featureIds)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var stack = new Stack<string>(featureIds);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (_byId.TryGetValue(id, out var module) && wanted.Add(module.Id))
            {
                foreach (var dependency in module.Dependencies)
                {
                    stack.Push(dependency);
                }
            }
        }

        return Ordered.Where(m => m.AlwaysEnabled || wanted.Contains(m.Id)).Select(m => m.Id).ToList();
    }

    /// <summary>Finds every assembly in the application's dependency graph that carries a module manifest.</summary>
    public static ModuleCatalog Discover(Assembly entryAssembly)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<ModuleDescriptor>();
        var pending = new Queue<Assembly>([entryAssembly, .. ProjectReferences(entryAssembly)]);
        while (pending.Count > 0)
        {
            var assembly = pending.Dequeue();
            if (!seen.Add(assembly.FullName!))
            {
                continue;
            }

            if (assembly.GetCustomAttribute<ModuleAttribute>() is { } manifest)
            {
                found.Add(ModuleDescriptor.FromAssembly(assembly, manifest));
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (IsFrameworkAssembly(reference.Name))
                {
                    continue;
                }

                try
                {
                    pending.Enqueue(Assembly.Load(reference));
                }
                catch (FileNotFoundException)
                {
                    // An optional reference that is not deployed cannot hold a module.
                }
            }
        }

        return new ModuleCatalog(found);
    }

    /// <summary>The projects the host references, from its deps.json: the compiler leaves a reference out of
    /// the assembly when the host never names a type of it, which is the usual case for a module.</summary>
    private static List<Assembly> ProjectReferences(Assembly entryAssembly)
    {
        var context = DependencyContext.Load(entryAssembly) ?? DependencyContext.Default;
        var found = new List<Assembly>();
        foreach (var library in context?.RuntimeLibraries.Where(l => l.Type == "project") ?? [])
        {
            try
            {
                found.Add(Assembly.Load(new AssemblyName(library.Name)));
            }
            catch (FileNotFoundException)
            {
                // A project whose assembly is not deployed cannot hold a module.
            }
        }

        return found;
    }

    private static bool IsFrameworkAssembly(string? name) =>
        name is null || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft.", StringComparison.Ordinal)
        || name == "netstandard" || name == "mscorlib" || name.StartsWith("Lucene.Net", StringComparison.Ordinal);

    private static List<ModuleDescriptor> Order(List<ModuleDescriptor> modules, Dictionary<string, ModuleDescriptor> byId)
    {
        var missing = modules
            .SelectMany(m => m.Dependencies.Where(d => !byId.ContainsKey(d)).Select(d => $"'{m.Id}' needs '{d}'"))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ModuleGraphException($"Missing module dependencies: {string.Join(", ", missing)}. Reference the missing modules from the host or remove the dependency.");
        }

        var ordered = new List<ModuleDescriptor>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false = visiting, true = done
        var path = new Stack<string>();

        void Visit(ModuleDescriptor module)
        {
            if (state.TryGetValue(module.Id, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(id => !id.Equals(module.Id, StringComparison.OrdinalIgnoreCase)).Append(module.Id);
                    throw new ModuleGraphException($"Module dependency cycle: {string.Join(" -> ", cycle)}. Remove one of these dependencies.");
                }

                return;
            }

            state[module.Id] = false;
            path.Push(module.Id);
            foreach (var dependency in module.Dependencies.Order(StringComparer.OrdinalIgnoreCase))
            {
                Visit(byId[dependency]);
            }

            path.Pop();
            state[module.Id] = true;
            ordered.Add(module);
        }

        foreach (var module in modules.OrderBy(m => m.Id, StringComparer.OrdinalIgnoreCase))
        {
            Visit(module);
        }

        return ordered;
    }
}
