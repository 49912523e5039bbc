using NetvaerkPortal.Modules;

namespace Netvaerk.Theme;

public sealed class Startup : ModuleStartup;
