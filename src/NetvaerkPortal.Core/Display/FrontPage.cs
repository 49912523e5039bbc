using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Display;

/// <summary>A module's part of the front page (a zone in Orchard Core's terms): the reader's networks, the newest
/// items, the next meeting. Sections render their own templates and appear in <see cref="Position"/> order on tenants
/// that enabled <see cref="Feature"/>; null leaves the section out.</summary>
public interface IFrontPageSection
{
    string Feature { get; }

    int Position { get; }

    Task<string?> RenderAsync(PageDisplay display, Reader reader, CancellationToken cancellationToken);
}

public static class FrontPageServiceCollectionExtensions
{
    public static IServiceCollection AddFrontPageSection<TSection>(this IServiceCollection services) where TSection : class, IFrontPageSection =>
        services.AddScoped<IFrontPageSection, TSection>();
}

public static class ReaderKeys
{
    /// <summary>What decides which items a reader may see on a list: everything, signed in with these networks, or anonymous.
    /// Pages that list items keep what they built per key, so members of the same networks share it.</summary>
    public static string Of(Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.CanReadEverything ? "everything"
            : reader.IsAuthenticated ? "member:" + string.Join(',', reader.NetworkIds.Order(StringComparer.Ordinal))
            : "anonymous";
    }
}
