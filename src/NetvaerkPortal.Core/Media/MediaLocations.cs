using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NetvaerkPortal.Files;
using NetvaerkPortal.Tenants;

namespace NetvaerkPortal.Media;

/// <summary>Where each tenant's media lives, the one place every read and write of media asks: <c>{site folder}/Media</c>
/// by default, or <c>{Portal:MediaPath}/{tenant}</c> when the nodes share a media root (a relative MediaPath is under the
/// content root, like AppDataPath). The root itself is the operator's choice and may be a link; below it, nothing may be.</summary>
public sealed class MediaLocations
{
    public MediaLocations(IOptions<PortalOptions> options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        SharedRoot = SharedRootFor(options.Value.MediaPath, options.Value.AppDataPath, environment.ContentRootPath);
    }

    /// <summary>The full path of <c>Portal:MediaPath</c>, or null when each tenant keeps its media in its site folder.</summary>
    public string? SharedRoot { get; }

    public MediaFolder For(TenantContext tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return For(tenant.Name, tenant.SitePath);
    }

    public MediaFolder For(string tenantName, string sitePath)
    {
        if (SharedRoot is null)
        {
            return new MediaFolder(sitePath, MediaFiles.Folder);
        }

        return SafePaths.IsSafeName(tenantName)
            ? new MediaFolder(SharedRoot, tenantName)
            : throw new TenantSetupException("The tenant name '{0}' cannot be a folder in {1}. Fix the name of the tenant.", SafePaths.Show(tenantName), SharedRoot);
    }

    /// <summary>The shared root, refused when it is a drive's root or shares a folder with App_Data: a recipe's media file
    /// must never land beside a tenant's database or tenants.json.</summary>
    public static string? SharedRootFor(string? mediaPath, string? appDataPath, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(mediaPath))
        {
            return null;
        }

        string root, appData;
        try
        {
            root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(contentRoot, mediaPath.Trim())));
            appData = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(appDataPath) ? "App_Data" : appDataPath)));
        }
        catch (ArgumentException)
        {
            throw Refused(mediaPath, "it is not a path");
        }

        if (Path.GetPathRoot(root) == root || root.Contains('\0', StringComparison.Ordinal))
        {
            throw Refused(mediaPath, "it is the root of the file system");
        }

        if (root == appData || IsBelow(root, appData) || IsBelow(appData, root))
        {
            throw Refused(mediaPath, $"it shares a folder with Portal:AppDataPath ({appData}), so a media file could land beside a tenant's database");
        }

        return root;
    }

    private static bool IsBelow(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static InvalidOperationException Refused(string mediaPath, string why) =>
        new($"Portal:MediaPath '{SafePaths.Show(mediaPath)}' cannot be used: {why}. Give a folder of its own that every node sees, e.g. /srv/netvaerk/media beside /srv/netvaerk/App_Data, or leave it empty to keep media in each tenant's site folder.");
}

/// <summary>One tenant's media folder: <see cref="Name"/> below <see cref="Root"/>. Every path in it is checked from the
/// root down (<see cref="SafePaths.Inside"/>), so the tenant's folder and everything below it may be no symbolic link.</summary>
public sealed record MediaFolder(string Root, string Name)
{
    /// <summary>The folder itself, or null when it is a symbolic link.</summary>
    public string? FullPath => SafePaths.Inside(Root, Name);

    /// <summary>A file or folder inside, by a safe relative path (<see cref="SafePaths.IsSafeRelativePath"/>), or null.</summary>
    public string? Inside(string relativePath) =>
        SafePaths.IsSafeRelativePath(relativePath) ? SafePaths.Inside(Root, Name + "/" + relativePath) : null;
}
