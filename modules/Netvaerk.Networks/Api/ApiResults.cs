using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using NetvaerkPortal.Content;

namespace Netvaerk.Networks.Api;

/// <summary>RFC 7807 problem details for the JSON API; validation problems name the field in "errors".</summary>
internal static class ApiResults
{
    /// <summary>The key of a problem that concerns the request body as a whole (e.g. malformed JSON).</summary>
    public const string BodyField = "body";

    /// <summary>Large enough for the longest Markdown body (100 000 characters) with JSON escaping.</summary>
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "The content was refused.");

    /// <summary>Every field the refusal concerns is named under "errors" (e.g. each unknown part).</summary>
    public static ValidationProblem Invalid(ContentValidationException error) =>
        TypedResults.ValidationProblem(
            (error.Fields.Count > 0 ? error.Fields : [BodyField]).Distinct(StringComparer.Ordinal).ToDictionary(field => field, _ => new[] { error.Reason }, StringComparer.Ordinal),
            detail: error.Reason,
            title: "The content was refused.");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"{what} does not exist, or you may not read it.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    /// <summary>Reads the request body as text, refusing more than <see cref="MaxBodyBytes"/>.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Documents a JSON request body in the OpenAPI description without making routing refuse other
    /// content types with a bare 415: scripts that forget the header still get the body parsed, and a problem if it is not JSON.</summary>
    public static TBuilder JsonBody<TBuilder>(this TBuilder builder, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Description = description,
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                },
            };
            return Task.CompletedTask;
        });

    /// <summary>The request body as an Orchard content item, or why it is not one (too large, or not content JSON).</summary>
    public static async Task<(ContentItem? Item, ProblemHttpResult? TooLarge, ValidationProblem? Invalid)> ReadItemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(), null);
        }

        try
        {
            return (ContentJson.Parse(body), null, null);
        }
        catch (ContentValidationException error)
        {
            return (null, null, Invalid(error));
        }
    }

    public static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"The request body is larger than {MaxBodyBytes / 1024 / 1024} MB.");
}
