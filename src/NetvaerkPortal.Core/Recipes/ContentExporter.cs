using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NetvaerkPortal.Content;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Recipes;

/// <summary>Writes a tenant's content as an Orchard Core recipe: the content types it uses and a
/// "content" step with each item's published version and, where one exists, its newer draft.
/// The command line exports everything (an administrator's tool on the server); the API passes the
/// reader, and then only the versions that reader may read are written. A version stored in a shape the
/// portal cannot read is left out and logged, so one bad item never fails the export.</summary>
public sealed class ContentExporter(PortalDbContext db, ContentDefinitionManager definitions, ItemVisibility visibility, ILogger<ContentExporter> logger)
{
    public async Task<JsonObject> ExportAsync(string tenantName, string? contentType, CancellationToken cancellationToken = default) =>
        await ExportAsync(tenantName, contentType, reader: null, cancellationToken);

    /// <param name="reader">Null exports every version; otherwise only what <see cref="ItemVisibility.CanRead"/> allows the reader.</param>
    public async Task<JsonObject> ExportAsync(string tenantName, string? contentType, Reader? reader, CancellationToken cancellationToken = default)
    {
        var query = db.ContentItems.AsNoTracking().Where(r => r.Latest || r.Published);
        if (contentType is not null)
        {
            query = query.Where(r => r.ContentType == contentType);
        }

        var records = (await query.OrderBy(r => r.CreatedUtc).ThenBy(r => r.ContentItemId).ThenBy(r => r.Id).ToListAsync(cancellationToken))
            .Select(r => ContentRecords.Read(r, logger)).OfType<ContentItem>()
            .Where(item => reader is null || visibility.CanRead(reader, item))
            .ToList();

        var items = new JsonArray();
        foreach (var item in records.Where(r => r.Published).Concat(records.Where(r => r.Latest && !r.Published)))
        {
            items.Add(ContentJson.Write(item));
        }

        var types = new JsonArray();
        foreach (var typeName in records.Select(r => r.ContentType).Distinct().Order(StringComparer.Ordinal))
        {
            if (await definitions.GetTypeAsync(typeName, cancellationToken) is { } type)
            {
                types.Add(ContentDefinitionJson.Write(type));
            }
        }

        return new JsonObject
        {
            ["name"] = $"{tenantName}-export",
            ["displayName"] = $"Indhold fra {tenantName}",
            ["description"] = $"Content exported from tenant '{tenantName}' on {DateTime.UtcNow:yyyy-MM-dd}.",
            ["author"] = "Netværk Portal",
            ["website"] = "",
            ["version"] = "1.0.0",
            ["issetuprecipe"] = false,
            ["categories"] = new JsonArray("export"),
            ["tags"] = new JsonArray(),
            ["steps"] = new JsonArray(
                new JsonObject { ["name"] = "ContentDefinition", ["ContentTypes"] = types, ["ContentParts"] = new JsonArray() },
                new JsonObject { ["name"] = "content", ["data"] = items }),
        };
    }
}
