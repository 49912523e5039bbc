using System.Diagnostics.CodeAnalysis;

namespace NetvaerkPortal.Content;

/// <summary>Content item ids in Orchard Core's shape: 26 characters of lowercase letters and digits. The portal
/// makes them from a version-7 GUID (hex, so a subset); Orchard Core's own ids (base-32 over [0-9a-z]) fit the
/// same shape, so recipes and exports move between the two. Anything else is refused when written and is
/// "not found" when read: an id never carries '/', '.', or anything else a path or URL would act on.</summary>
public static class ContentIds
{
    public const int Length = 26;

    public static bool IsValid([NotNullWhen(true)] string? id) =>
        id is { Length: Length } && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c));

    /// <summary>A new id, unique without coordination, in time order.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N")[..Length];
}
