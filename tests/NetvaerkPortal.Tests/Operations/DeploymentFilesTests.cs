using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetvaerkPortal.Security;
using NetvaerkPortal.Tests.Infrastructure;
using NetvaerkPortal.Tests.Recipes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NetvaerkPortal.Tests.Operations;

/// <summary>The Dockerfile, compose.yaml and the proxy's config cannot run here (no container daemon), so this reads
/// them: the container starts the published portal on the port the proxy calls, and every node gets exactly
/// <see cref="TwoNodeEnvironment"/>, whose keys are keys the portal reads. A renamed option breaks this test.</summary>
public sealed partial class DeploymentFilesTests
{
    private static string Root => PortalCommandRunner.RepositoryRoot;

    private const string ComposeConnectionString = "Host=postgres;Port=5432;Database=netvaerk;Username=netvaerk;Password=${POSTGRES_PASSWORD:-netvaerk}";

    [Fact]
    public void Container_starts_the_published_portal_on_the_port_the_proxy_calls()
    {
        var final = FinalStage();

        Assert.Equal($"mcr.microsoft.com/dotnet/aspnet:{TargetFramework().Replace("net", "", StringComparison.Ordinal)}", final.Single(i => i.Name == "FROM").Value);
        var start = JsonArray(final, "ENTRYPOINT").Concat(JsonArray(final, "CMD")).ToList();
        Assert.Equal(TwoNodeEnvironment.StartCommand($"http://0.0.0.0:{TwoNodeEnvironment.ContainerPort}"), start);
        Assert.Equal(TwoNodeEnvironment.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), final.Single(i => i.Name == "EXPOSE").Value);
        Assert.Equal("/app", final.Last(i => i.Name == "WORKDIR").Value);
        Assert.DoesNotContain(final.Single(i => i.Name == "USER").Value, new[] { "root", "0" });

        var publish = Instructions().Single(i => i.Name == "RUN" && i.Value.StartsWith("dotnet publish", StringComparison.Ordinal)).Value;
        var project = publish.Split(' ')[2];
        Assert.Equal(typeof(Program).Assembly.GetName().Name + ".csproj", Path.GetFileName(project));
        Assert.True(File.Exists(Path.Combine(Root, project)), $"the Dockerfile publishes {project}, which does not exist");
        Assert.Contains("--output /app", publish, StringComparison.Ordinal);

        var upstream = UpstreamServers();
        Assert.Equal(["node1:8080", "node2:8080"], upstream);
    }

    [Fact]
    public void Container_environment_names_only_keys_the_portal_reads_and_its_folders_are_volumes()
    {
        var final = FinalStage();
        var environment = final.Where(i => i.Name == "ENV").SelectMany(i => EnvPairs().Matches(i.Value)).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var volumes = JsonArray(final, "VOLUME");

        Assert.NotEmpty(environment);
        foreach (var key in environment.Keys)
        {
            AssertPortalReads(key);
        }

        Assert.Equal([environment["Portal__AppDataPath"], environment["Portal__MediaPath"]], volumes);
    }

    [Fact]
    public void Each_compose_node_gets_exactly_the_two_node_environment_with_its_own_App_Data_and_the_shared_media()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var nodes = services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(name => name.StartsWith("node", StringComparison.Ordinal)).ToList();
        Assert.Equal(["node1", "node2"], nodes);
        Assert.Contains("postgres", services.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Contains("redis", services.Children.Keys.Select(k => ((YamlScalarNode)k).Value));

        var appDataVolumes = new List<string>();
        var mediaVolumes = new List<string>();
        foreach (var (name, number) in nodes.Select((n, i) => (n, i + 1)))
        {
            var node = (YamlMappingNode)services[name];
            var environment = ((YamlMappingNode)node["environment"]).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!);
            var expected = TwoNodeEnvironment.For(number, ComposeConnectionString, "redis:6379", "/data/App_Data", "/data/media");

            Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), environment.OrderBy(p => p.Key, StringComparer.Ordinal));
            foreach (var key in environment.Keys)
            {
                AssertPortalReads(key);
            }

            Assert.Equal(".", ((YamlScalarNode)node["build"]).Value);
            var mounts = ((YamlSequenceNode)node["volumes"]).Children.Select(v => ((YamlScalarNode)v).Value!.Split(':')).ToDictionary(m => m[1], m => m[0]);
            appDataVolumes.Add(mounts[environment["Portal__AppDataPath"]]);
            mediaVolumes.Add(mounts[environment["Portal__MediaPath"]]);
        }

        Assert.Equal(nodes.Count, appDataVolumes.Distinct().Count()); // a search index per node
        Assert.Single(mediaVolumes.Distinct()); // one media root for all
    }

    [Fact]
    public void Operations_guide_documents_every_key_the_portal_reads()
    {
        var guide = File.ReadAllText(Path.Combine(Root, "docs", "operations.md"));

        foreach (var key in OptionKeys(typeof(PortalOptions), PortalOptions.Section).Concat(OptionKeys(typeof(SignInThrottleOptions), SignInThrottleOptions.Section)).Concat(LiteralKeys()))
        {
            Assert.Contains($"`{key}`", guide, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("Portal__Databse__Provider")]
    [InlineData("Portal__MediaPaths")]
    [InlineData("Portal__Search__CatchUp")]
    [InlineData("Portal__Database")]
    public void A_misspelt_key_is_not_one_the_portal_reads(string key)
    {
        Assert.DoesNotContain(key.Replace("__", ":", StringComparison.Ordinal), KnownKeys());
    }

    /// <summary>Portal__X__Y is read when Portal:X:Y is a property of the options classes, or a key the code names itself.</summary>
    private static void AssertPortalReads(string key)
    {
        if (key.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
        {
            Assert.Equal("ASPNETCORE_FORWARDEDHEADERS_ENABLED", key); // ASP.NET Core's own switch for X-Forwarded-For
            return;
        }

        Assert.True(KnownKeys().Contains(key.Replace("__", ":", StringComparison.Ordinal)), $"{key} is no key the portal reads: {string.Join(", ", KnownKeys().Order(StringComparer.Ordinal))}");
    }

    private static HashSet<string> KnownKeys() =>
        OptionKeys(typeof(PortalOptions), PortalOptions.Section)
            .Concat(OptionKeys(typeof(SignInThrottleOptions), SignInThrottleOptions.Section))
            .Concat(LiteralKeys())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The leaf keys of an options class: its simple properties, and its nested option classes' properties.</summary>
    private static IEnumerable<string> OptionKeys(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = prefix + ":" + property.Name;
            var simple = property.PropertyType.IsPrimitive || property.PropertyType == typeof(string) || Nullable.GetUnderlyingType(property.PropertyType) is not null;
            foreach (var leaf in simple ? [key] : OptionKeys(property.PropertyType, key))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>Keys the code reads by name (<c>GetValue("Portal:Search:CatchUpSeconds", 5)</c>), found in src/ and modules/.</summary>
    private static IEnumerable<string> LiteralKeys() =>
        new[] { "src", "modules" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => LiteralKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal);

    private sealed record Instruction(string Name, string Value);

    private static List<Instruction> Instructions()
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        return text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2) is [var name, var value] ? new Instruction(name.ToUpperInvariant(), Regex.Replace(value.Trim(), " +", " ")) : new Instruction(line, ""))
            .ToList();
    }

    private static List<Instruction> FinalStage()
    {
        var all = Instructions();
        return all.Skip(all.FindLastIndex(i => i.Name == "FROM")).ToList();
    }

    private static List<string> JsonArray(List<Instruction> stage, string name) =>
        JsonSerializer.Deserialize<List<string>>(stage.Single(i => i.Name == name).Value)!;

    private static string TargetFramework() =>
        Regex.Match(File.ReadAllText(Path.Combine(Root, "Directory.Build.props")), "<TargetFramework>(.+)</TargetFramework>").Groups[1].Value;

    private static List<string> UpstreamServers() =>
        UpstreamServer().Matches(File.ReadAllText(Path.Combine(Root, "deploy", "nginx.conf"))).Select(m => m.Groups[1].Value).ToList();

    private static YamlMappingNode Compose()
    {
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Root, "compose.yaml")));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader))); // resolves the nodes' "<<: *portal"
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"(\w+)=(\S+)")]
    private static partial Regex EnvPairs();

    [GeneratedRegex(@"""(Portal(?::[A-Za-z]+)+)""")]
    private static partial Regex LiteralKey();

    [GeneratedRegex(@"^\s*server\s+(\S+);", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();
}
