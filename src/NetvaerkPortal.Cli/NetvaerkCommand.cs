using NetvaerkPortal.Web.CommandLine;

namespace NetvaerkPortal.Cli;

/// <summary><c>netvaerk VERB ...</c>: the portal's verbs in the caller's directory (its App_Data and relative paths),
/// without the web server. No arguments prints the help.</summary>
internal static class NetvaerkCommand
{
    public static Task<int> Main(string[] args) => PortalCommands.RunAsync(args);
}
