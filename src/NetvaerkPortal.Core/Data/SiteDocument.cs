namespace NetvaerkPortal.Data;

/// <summary>A named JSON document per tenant: site settings, enabled features, content definitions, index settings.</summary>
public sealed class SiteDocument
{
    public required string Name { get; set; }

    public required string Json { get; set; }

    public DateTime ModifiedUtc { get; set; }
}
