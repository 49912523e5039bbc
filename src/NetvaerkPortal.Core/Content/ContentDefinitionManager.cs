using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Data;

namespace NetvaerkPortal.Content;

/// <summary>The content types of the current tenant: those modules define in code, refined and extended
/// by the tenant's own definitions (from recipes), which are stored as the "ContentDefinitions" document.</summary>
public sealed class ContentDefinitionManager(SiteDocuments documents, IOptions<ContentDefinitionOptions> codeDefinitions)
{
    private const string DocumentName = "ContentDefinitions";
    private Dictionary<string, ContentTypeDefinition>? _types;
    private StoredDefinitions? _stored;

    /// <summary>The fields each part may hold (<see cref="ContentDefinitionOptions.PartShapes"/>), by part name.</summary>
    public IReadOnlyDictionary<string, ContentPartShape> PartShapes => codeDefinitions.Value.PartShapes;

    public async Task<IReadOnlyCollection<ContentTypeDefinition>> ListTypesAsync(CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).Values;

    public async Task<ContentTypeDefinition?> GetTypeAsync(string name, CancellationToken cancellationToken = default) =>
        (await LoadAsync(cancellationToken)).GetValueOrDefault(name);

    /// <summary>Stages a type definition (merged with what exists); written with the caller's SaveChanges.</summary>
    public async Task StoreTypeAsync(ContentTypeDefinition type, CancellationToken cancellationToken = default)
    {
        var stored = await LoadStoredAsync(cancellationToken);
        var index = stored.ContentTypes.FindIndex(t => t["Name"]?.GetValue<string>() == type.Name);
        var merged = index >= 0 ? ContentDefinitionJson.Merge(ContentDefinitionJson.ReadType(stored.ContentTypes[index]), type) : type;
        if (index >= 0)
        {
            stored.ContentTypes[index] = ContentDefinitionJson.Write(merged);
        }
        else
        {
            stored.ContentTypes.Add(ContentDefinitionJson.Write(merged));
        }

        await documents.SetAsync(DocumentName, stored, cancellationToken);
        _types = null;
    }

    public async Task StorePartAsync(ContentPartDefinition part, CancellationToken cancellationToken = default)
    {
        var stored = await LoadStoredAsync(cancellationToken);
        stored.ContentParts.RemoveAll(p => p["Name"]?.GetValue<string>() == part.Name);
        stored.ContentParts.Add(ContentDefinitionJson.Write(part));
        await documents.SetAsync(DocumentName, stored, cancellationToken);
    }

    private async Task<StoredDefinitions> LoadStoredAsync(CancellationToken cancellationToken) =>
        _stored ??= await documents.GetAsync<StoredDefinitions>(DocumentName, cancellationToken);

    private async Task<Dictionary<string, ContentTypeDefinition>> LoadAsync(CancellationToken cancellationToken)
    {
        if (_types is not null)
        {
            return _types;
        }

        var types = codeDefinitions.Value.Types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var json in (await LoadStoredAsync(cancellationToken)).ContentTypes)
        {
            var type = ContentDefinitionJson.ReadType(json);
            types[type.Name] = types.TryGetValue(type.Name, out var code) ? ContentDefinitionJson.Merge(code, type) : type;
        }

        return _types = types;
    }

    private sealed class StoredDefinitions
    {
        public List<JsonObject> ContentTypes { get; set; } = [];

        public List<JsonObject> ContentParts { get; set; } = [];
    }
}
