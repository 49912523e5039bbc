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

    /// <summary>Finds the modules among the projects the application was built with. The compiler drops
    /// references to assemblies whose types the host never names, so the dependency manifest
    /// (.deps.json), not the entry assembly's references, says which modules are there.</summary>
    public static ModuleCatalog Discover(Assembly entryAssembly)
    {
        var dependencies = DependencyContext.Load(entryAssembly) ?? DependencyContext.Default;
        var names = dependencies?.RuntimeLibraries
            .Where(library => library.Type == "project")
            .Select(library => library.Name)
            .ToList() ?? [];
        names.Add(entryAssembly.GetName().Name!);

        var found = new List<ModuleDescriptor>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            Assembly assembly;
            try
            {
                assembly = Assembly.Load(new AssemblyName(name));
            }
            catch (FileNotFoundException)
            {
                continue; // a project that produced no assembly (e.g. a test host) cannot hold a module
            }

            if (assembly.GetCustomAttribute<ModuleAttribute>() is { } manifest)
            {
                found.Add(ModuleDescriptor.FromAssembly(assembly, manifest));
            }
        }

        return new ModuleCatalog(found);
    }

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
