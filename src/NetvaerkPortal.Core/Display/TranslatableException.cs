using System.Globalization;

namespace NetvaerkPortal.Display;

/// <summary>An error a user can cause, written in English (<see cref="Exception.Message"/>, for the command line and
/// logs) from a <see cref="Template"/> that the admin translates (da.json) with its <see cref="Arguments"/>.</summary>
public abstract class TranslatableException(string template, params object[] arguments)
    : Exception(string.Format(CultureInfo.InvariantCulture, template, arguments))
{
    public string Template { get; } = template;

    public object[] Arguments { get; } = arguments;
}
