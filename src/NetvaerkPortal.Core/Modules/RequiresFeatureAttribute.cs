namespace NetvaerkPortal.Modules;

/// <summary>Endpoint metadata: the endpoint answers only on tenants that enabled this feature.</summary>
public sealed record RequiresFeatureMetadata(string FeatureId);
