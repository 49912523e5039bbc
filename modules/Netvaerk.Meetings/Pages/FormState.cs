using Microsoft.AspNetCore.Http;

namespace Netvaerk.Meetings.Pages;

/// <summary>A form that was refused, shown again: which form (one page holds several), the values as typed, and the
/// errors by input name. <see cref="None"/> when the page is shown fresh.</summary>
public sealed class FormState
{
    public static readonly FormState None = new("", new Dictionary<string, string>(StringComparer.Ordinal));

    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, string> _errors = new(StringComparer.Ordinal);

    public FormState(string form, IReadOnlyDictionary<string, string> values)
    {
        Form = form;
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
    }

    /// <summary>The posted values of a form, each field once (the last if a field came twice) and never longer than a
    /// page should echo back.</summary>
    public static FormState Posted(string form, IFormCollection posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in posted)
        {
            var last = value.Count == 0 ? "" : value[^1] ?? "";
            values[key] = last.Length > MaxEcho ? last[..MaxEcho] : last;
        }

        return new FormState(form, values);
    }

    /// <summary>Longer than any input allows: a hostile value is not echoed whole.</summary>
    private const int MaxEcho = 5000;

    public string Form { get; }

    public bool HasErrors => _errors.Count > 0;

    public bool Is(string form) => Form == form;

    public void Error(string name, string message) => _errors.TryAdd(name, message);

    /// <summary>The input as shown: the typed value if this form was posted, else <paramref name="fallback"/>.</summary>
    public FormField Field(string form, string name, string id, string? fallback) =>
        Is(form)
            ? new FormField(name, id, _values.TryGetValue(name, out var typed) ? typed : "", _errors.GetValueOrDefault(name))
            : new FormField(name, id, fallback ?? "");

    public string? ErrorFor(string form, string name) => Is(form) ? _errors.GetValueOrDefault(name) : null;

    public string? Value(string name) => _values.GetValueOrDefault(name);

    /// <summary>The errors as links for the summary at the top of the page, each to its input's id.</summary>
    public IReadOnlyList<ErrorLink> Links(Func<string, string> idOf) => _errors.Select(e => new ErrorLink(idOf(e.Key), e.Value)).ToList();
}
