namespace NetvaerkPortal.Web.Hosting;

/// <summary>The type name under which the UI's Danish texts (and their English translations) are looked up.</summary>
public sealed class UiText;
