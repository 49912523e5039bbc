using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Networks.ContentTypes;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;

namespace Netvaerk.Meetings.Protocols;

public sealed record ProtocolPhaseResponse(string Name, int Minutes, bool PerCase, string? Speaks, string? Listens, string? Produces, string? Guidance);

/// <param name="NetworkId">The network whose own protocol this is; null for the organisation's.</param>
/// <param name="Minutes">The minutes of the phases held once; <paramref name="MinutesPerCase"/> those repeated for each case.</param>
public sealed record ProtocolResponse(string Id, string Name, string? Description, string? NetworkId, string? CopiedFrom, int Minutes, int MinutesPerCase, IReadOnlyList<ProtocolPhaseResponse> Phases)
{
    public static ProtocolResponse Of(ContentItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var phases = ProtocolPart.Phases(item);
        var minutes = ProtocolPart.Minutes(phases);
        return new ProtocolResponse(item.ContentItemId, item.DisplayText, ProtocolPart.Description(item), NetworkItems.NetworkOf(item), ProtocolPart.CopiedFrom(item),
            minutes.Fixed, minutes.PerCase, phases.Select(p => new ProtocolPhaseResponse(p.Name, p.Minutes, p.PerCase, p.Speaks, p.Listens, p.Produces, p.Guidance)).ToList());
    }
}

/// <summary>GET /api/protocols: the protocols the caller may read, as the content API reads (an anonymous caller gets
/// the public ones, usually none); <c>?network={id}</c> narrows to what that network can use: the organisation's and its own.</summary>
public static class ProtocolsApi
{
    public static void MapProtocolsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/protocols", ListAsync).WithTags("Protocols").WithName("ListProtocols")
            .WithSummary("The meeting protocols the caller may read: [{id, name, description, networkId, minutes, minutesPerCase, phases: [{name, minutes, perCase, speaks, listens, produces, guidance}]}]; ?network= narrows to what that network can use.");

    private static async Task<Results<Ok<List<ProtocolResponse>>, ValidationProblem>> ListAsync(
        string? network, NetworkReaderContext readers, ProtocolCatalog catalog, CancellationToken cancellationToken)
    {
        if (network is not null && !ContentIds.IsValid(network))
        {
            const string message = "network must be a network's ContentItemId (26 lowercase letters and digits), or left out.";
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["network"] = [message] }, detail: message, title: "The request was refused.");
        }

        var reader = await readers.GetReaderAsync(cancellationToken);
        var protocols = network is null ? await catalog.ReadableAsync(reader, cancellationToken) : await catalog.UsableAsync(reader, network, cancellationToken);
        return TypedResults.Ok(protocols.Select(ProtocolResponse.Of).ToList());
    }
}
