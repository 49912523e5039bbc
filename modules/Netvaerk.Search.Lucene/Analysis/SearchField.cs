namespace Netvaerk.Search.Lucene.Analysis;

/// <summary>A field a query searches, with the weight of a match in it (title ×3, body ×1).</summary>
public readonly record struct SearchField(string Name, float Boost = 1f);
