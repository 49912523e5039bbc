using NetvaerkPortal.Files;
using NetvaerkPortal.Tests.Infrastructure;

namespace NetvaerkPortal.Tests.Files;

/// <summary>The one path checker: which names and relative paths pass, and that no symbolic link below the root is
/// followed, not even a dangling one.</summary>
public sealed class SafeNameAndPathTests : IDisposable
{
    private readonly TempAppData _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> HostileNames => new()
    {
        "", ".", "..", "../x", "..\\x", "/etc", "C:\\x", "C:", "a/b", "a\0b", "name\n", "\nname", ".hidden",
        "con", "NUL", "com1", "lpt9", new string('a', 65), "a b", "æble",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void A_hostile_name_is_no_safe_name(string name) => Assert.False(SafePaths.IsSafeName(name), name);

    [Theory]
    [InlineData("Search")]
    [InlineData("netvaerk-portal")]
    [InlineData("Index_2")]
    [InlineData("9")]
    public void Plain_names_are_safe(string name) => Assert.True(SafePaths.IsSafeName(name));

    [Theory]
    [InlineData("..")]
    [InlineData("../x")]
    [InlineData("media/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\x")]
    [InlineData("c:x")]
    [InlineData("a\\b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("a/./b")]
    [InlineData("a\0b")]
    [InlineData("logo.png\n")]
    [InlineData(".netvaerk-owned")]
    [InlineData("media/.netvaerk-owned")]
    [InlineData("nul.txt")]
    [InlineData("trailing.")]
    [InlineData("trailing ")]
    [InlineData("a\u202egnp.exe")]
    public void A_hostile_relative_path_is_refused(string path) => Assert.False(SafePaths.IsSafeRelativePath(path), path);

    [Fact]
    public void A_very_long_relative_path_is_refused()
    {
        Assert.False(SafePaths.IsSafeRelativePath(new string('a', 81)));
        Assert.False(SafePaths.IsSafeRelativePath(string.Join('/', Enumerable.Repeat(new string('a', 80), 4))));
    }

    [Theory]
    [InlineData("logo.png")]
    [InlineData("billeder/Mødebillede (2).jpg")]
    [InlineData("Content__Case")]
    [InlineData("Content-Case.Summary")]
    public void Ordinary_relative_paths_pass(string path) => Assert.True(SafePaths.IsSafeRelativePath(path), path);

    [Fact]
    public void Links_below_the_root_are_refused_to_files_to_folders_and_to_nothing()
    {
        var root = Directory.CreateDirectory(Path.Combine(_folder.Path, "root")).FullName;
        var outside = Directory.CreateDirectory(Path.Combine(_folder.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "secret.txt"), "secret");
        File.CreateSymbolicLink(Path.Combine(root, "file-link.txt"), Path.Combine(outside, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(root, "folder-link"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "dangling.txt"), Path.Combine(outside, "not-yet.txt"));
        File.WriteAllText(Path.Combine(root, "plain.txt"), "plain");

        Assert.Null(SafePaths.Inside(root, "file-link.txt"));
        Assert.Null(SafePaths.Inside(root, "folder-link/secret.txt"));
        Assert.Null(SafePaths.Inside(root, "dangling.txt"));
        Assert.Equal(Path.Combine(root, "plain.txt"), SafePaths.Inside(root, "plain.txt"));
        Assert.Equal(Path.Combine(root, "new", "file.txt"), SafePaths.Inside(root, "new/file.txt"));
    }

    [Fact]
    public void Shown_input_cannot_break_a_line_or_hide_its_direction()
    {
        var shown = SafePaths.Show("a\nb\u202ec\0" + new string('x', 200));

        Assert.DoesNotContain('\n', shown);
        Assert.DoesNotContain('\u202e', shown);
        Assert.DoesNotContain('\0', shown);
        Assert.StartsWith("a\\u000ab\\u202ec\\u0000", shown, StringComparison.Ordinal);
        Assert.True(shown.Length < 100);
    }
}
