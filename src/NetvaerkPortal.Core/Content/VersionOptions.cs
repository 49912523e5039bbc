namespace NetvaerkPortal.Content;

public enum VersionOptions
{
    /// <summary>The version visitors see.</summary>
    Published,

    /// <summary>The newest version, draft or published: what editors work on.</summary>
    Latest,
}
