using Microsoft.Extensions.DependencyInjection;
using Netvaerk.Meetings.Data;

namespace Netvaerk.Meetings.Pages;

/// <summary>A link on the meeting page to a tool used during or after the meeting (run-sheet, notes, evaluation).</summary>
/// <param name="Label">Danish source text; the template translates it.</param>
/// <param name="Hint">Danish source text, or null.</param>
public sealed record MeetingToolLink(string Label, string Url, string? Hint = null, bool Primary = false);

/// <summary>One tool the meeting page links to. Each decides, from the meeting and the reader, whether to show its link
/// (null: not for this reader or not now); the page orders them by <see cref="Position"/>.</summary>
public interface IMeetingTool
{
    int Position { get; }

    /// <param name="meetingUrl">The meeting page's URL with the tenant's path base (the tool's page is below it).</param>
    Task<MeetingToolLink?> LinkAsync(Meeting meeting, string meetingUrl, CancellationToken cancellationToken);
}

public static class MeetingToolsServiceCollectionExtensions
{
    public static IServiceCollection AddMeetingTool<T>(this IServiceCollection services) where T : class, IMeetingTool =>
        services.AddScoped<IMeetingTool, T>();
}
