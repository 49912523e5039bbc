using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Netvaerk.Networks.Members;
using Netvaerk.Networks.Security;
using NetvaerkPortal.Content;
using NetvaerkPortal.Security;

namespace Netvaerk.Networks.Api;

public sealed record NetworkMemberResponse(string UserId, string UserName, string Role);

public sealed record SetMemberRequest(string? Role);

/// <summary>/api/networks/{id}/members: a network's members and their roles. Members of the network and
/// editors may list them; the network's coordinators (tovholdere), editors and administrators manage them.</summary>
public static class MembersApi
{
    public static void MapMembersApi(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup("/api/networks/{networkId}/members").WithTags("Network members");
        members.MapGet("/", ListAsync).WithName("ListNetworkMembers");
        members.MapPut("/{userName}", SetAsync).WithName("SetNetworkMember").JsonBody("{\"Role\": \"member\" | \"coordinator\"}; empty for member.")
            .WithSummary("Adds the user to the network, or changes their role: {\"Role\": \"member\" | \"coordinator\"}.")
            .AddEndpointFilter<ApiWriteProtection>();
        members.MapDelete("/{userName}", RemoveAsync).WithName("RemoveNetworkMember")
            .AddEndpointFilter<ApiWriteProtection>();
    }

    private static async Task<Results<Ok<List<NetworkMemberResponse>>, ProblemHttpResult>> ListAsync(
        string networkId, NetworkReaderContext readers, ContentManager content, NetworkMembers members, UserManager<PortalUser> users, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (await CheckAsync(access, content, networkId, manage: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var list = new List<NetworkMemberResponse>();
        foreach (var member in await members.ListAsync(networkId, cancellationToken))
        {
            var user = await users.FindByIdAsync(member.UserId);
            list.Add(new NetworkMemberResponse(member.UserId, user?.UserName ?? "", member.Role));
        }

        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<NetworkMemberResponse>, ValidationProblem, ProblemHttpResult>> SetAsync(
        string networkId, string userName, HttpContext http, NetworkReaderContext readers, ContentManager content, NetworkMembers members, UserManager<PortalUser> users, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (await CheckAsync(access, content, networkId, manage: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var body = await ApiResults.ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var (request, invalid) = ReadRequest(body);
        if (invalid is not null)
        {
            return invalid;
        }

        var role = NetworkRoles.Parse(request.Role ?? NetworkRoles.Member);
        if (role is null)
        {
            return ApiResults.Invalid("Role", $"'{request.Role}' is not a network role. {RoleRule}");
        }

        if (await users.FindByNameAsync(userName) is not { } user)
        {
            return ApiResults.NotFound($"The user '{userName}'");
        }

        var member = await members.SetAsync(networkId, user.Id, role, cancellationToken);
        return TypedResults.Ok(new NetworkMemberResponse(user.Id, user.UserName!, member.Role));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string networkId, string userName, NetworkReaderContext readers, ContentManager content, NetworkMembers members, UserManager<PortalUser> users, CancellationToken cancellationToken)
    {
        var access = await readers.GetAccessAsync(cancellationToken);
        if (await CheckAsync(access, content, networkId, manage: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (await users.FindByNameAsync(userName) is not { } user || !await members.RemoveAsync(networkId, user.Id, cancellationToken))
        {
            return ApiResults.NotFound($"A membership of '{userName}' in this network");
        }

        return TypedResults.NoContent();
    }

    /// <summary>404 for a network the reader may not see (or that does not exist), 403 when they see it but may not do this.</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(ReaderAccess access, ContentManager content, string networkId, bool manage, CancellationToken cancellationToken) =>
        (await MembersPermission.DecideAsync(access, content, networkId, manage, cancellationToken)).Decision switch
        {
            MembersDecision.Allowed => null,
            MembersDecision.Hidden => ApiResults.NotFound($"The network '{networkId}'"),
            _ => ApiResults.Forbidden(manage
                ? "Only the network's coordinators (tovholdere), editors and administrators manage its members."
                : "Only the network's members, editors and administrators see who its members are."),
        };

    private static readonly string RoleRule = $"Use \"{NetworkRoles.Member}\" or \"{NetworkRoles.Coordinator}\" (tovholder), e.g. {{\"Role\": \"{NetworkRoles.Member}\"}}.";

    /// <summary>The body by the same rules as content JSON (<see cref="JsonInput"/>): an object whose only field is Role,
    /// a text or null; anything else is a 400 that says what the field must be.</summary>
    private static (SetMemberRequest Request, ValidationProblem? Invalid) ReadRequest(string body)
    {
        var none = new SetMemberRequest(null);
        if (string.IsNullOrWhiteSpace(body))
        {
            return (none, null);
        }

        JsonNode? node;
        try
        {
            node = JsonInput.Parse(body);
        }
        catch (JsonInputException error)
        {
            return (none, ApiResults.Invalid(error.Field ?? ApiResults.BodyField, error.Message));
        }

        if (node is not JsonObject fields)
        {
            return (none, ApiResults.Invalid(ApiResults.BodyField, $"The body must be a JSON object. {RoleRule}"));
        }

        string? role = null;
        var seen = false;
        foreach (var (key, value) in fields)
        {
            if (!string.Equals(key, "Role", StringComparison.OrdinalIgnoreCase))
            {
                return (none, ApiResults.Invalid(key, $"'{key}' is not a field of a membership; the only field is Role. {RoleRule}"));
            }

            if (seen)
            {
                return (none, ApiResults.Invalid(key, $"Role is given twice. {RoleRule}"));
            }

            seen = true;
            if (value is not null && (value is not JsonValue text || text.GetValueKind() != JsonValueKind.String))
            {
                return (none, ApiResults.Invalid("Role", $"Role must be a text (a JSON string). {RoleRule}"));
            }

            role = value?.GetValue<string>();
        }

        return (new SetMemberRequest(role), null);
    }
}
