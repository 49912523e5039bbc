using Microsoft.Extensions.DependencyInjection;

namespace NetvaerkPortal.Display;

public static class Menus
{
    /// <summary>The header's navigation on every page.</summary>
    public const string Main = "main";

    /// <summary>The administration's menu: /admin and the side of every admin page.</summary>
    public const string Admin = "admin";

    /// <summary>The signed-in reader's own links beside the sign-out button.</summary>
    public const string Account = "account";
}

/// <summary>One link a module puts in a menu. <paramref name="Text"/> is the Danish source text (translated when shown);
/// the entry shows only on tenants that enabled <paramref name="Feature"/> and, when <paramref name="Roles"/> is given,
/// to readers in one of them.</summary>
public sealed record MenuEntry(string Menu, string Text, string Path, int Position, string Feature, string[]? Roles = null, string Hint = "")
{
    public bool SignedInOnly { get; init; }
}

public static class MenuServiceCollectionExtensions
{
    /// <summary>A module's one way to add a link to a menu.</summary>
    public static IServiceCollection AddMenuEntry(this IServiceCollection services, MenuEntry entry) => services.AddSingleton(entry);

    /// <summary>A module's stylesheet (a path under its <c>/{ModuleId}/</c> static files), linked on every page of tenants that enabled <paramref name="feature"/>.</summary>
    public static IServiceCollection AddStylesheet(this IServiceCollection services, string feature, string path) =>
        services.AddSingleton(new Stylesheet(feature, path));
}

public sealed record Stylesheet(string Feature, string Path);
