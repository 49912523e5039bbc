using System.Globalization;

namespace Netvaerk.Meetings.Health;

/// <summary>A chart's geometry, computed here and drawn as SVG by the "Health" template (no chart library, no script).
/// Coordinates are invariant-culture strings in a fixed viewBox; labels are already formatted for the reader. Every
/// chart is followed on the page by a table with the same numbers.</summary>
/// <param name="Title">Danish source text (the template translates it); also the SVG's title.</param>
public sealed record HealthChart(
    string Id, string Title, string Description, int Width, int Height,
    IReadOnlyList<ChartTick> YTicks, IReadOnlyList<ChartTick> XLabels, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBar> Bars,
    string AxisX1, string AxisX2, string AxisY1, string AxisY2)
{
    /// <summary>Where the y axis' labels end (just left of the axis).</summary>
    public string YLabelX => (double.Parse(AxisX1, CultureInfo.InvariantCulture) - 6).ToString("0.#", CultureInfo.InvariantCulture);
}

/// <param name="Position">y of a horizontal tick (or x of a label under the axis).</param>
public sealed record ChartTick(string Position, string Label, string Other = "");

/// <param name="Segments">Polyline point lists: a gap in the data (no answer yet) breaks the line.</param>
/// <param name="Markers">One path per point; the shape differs per series, so colour is not the only cue.</param>
public sealed record ChartSeries(int Index, string Name, IReadOnlyList<string> Segments, IReadOnlyList<string> Markers, string LegendMarker);

public sealed record ChartBar(string X, string Y, string Width, string Height, string Class, string Label);

/// <summary>Builds <see cref="HealthChart"/>s: lines over the meetings in time order, or bars in pairs.</summary>
public static class HealthCharts
{
    // Small on purpose: the chart scales up to the column on a desktop and down only a little on a phone, so its labels stay legible.
    private const int Width = 420;
    private const int Height = 220;
    private const double Left = 46;
    private const double Right = 8;
    private const double Top = 12;
    private const double Bottom = 40;

    public sealed record Line(string Name, IReadOnlyList<double?> Values);

    /// <param name="labels">One label per x position (a meeting's date, a phase).</param>
    /// <param name="format">How a y tick reads ("80 %", "4").</param>
    public static HealthChart Lines(string id, string title, string description, IReadOnlyList<string> labels, IReadOnlyList<Line> lines,
        double min, double max, double step, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(format);
        var slot = (Width - Left - Right) / Math.Max(1, labels.Count);
        double X(int index) => Left + slot * (index + .5);
        double Y(double value) => Top + (Height - Top - Bottom) * (1 - (value - min) / (max - min));
        var series = lines.Select((line, index) =>
        {
            var segments = new List<string>();
            var current = new List<string>();
            for (var i = 0; i < line.Values.Count; i++)
            {
                if (line.Values[i] is { } value)
                {
                    current.Add($"{N(X(i))},{N(Y(value))}");
                }
                else if (current.Count > 0)
                {
                    segments.Add(string.Join(' ', current));
                    current = [];
                }
            }

            if (current.Count > 0)
            {
                segments.Add(string.Join(' ', current));
            }

            var markers = line.Values.Select((value, i) => value is { } v ? Marker(index, X(i), Y(v)) : null).OfType<string>().ToList();
            return new ChartSeries(index, line.Name, segments, markers, Marker(index, 16, 8));
        }).ToList();
        return new HealthChart(id, title, description, Width, Height, Ticks(min, max, step, Y, format), XLabelsFor(labels, X), series, [],
            N(Left), N(Width - Right), N(Top), N(Height - Bottom));
    }

    /// <summary>Pairs of bars (e.g. planned and spent minutes) per label, on a scale from 0.</summary>
    public static HealthChart Pairs(string id, string title, string description, IReadOnlyList<string> labels,
        IReadOnlyList<(double First, double Second)> values, (string First, string Second) names, Func<double, string> format)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        var top = Math.Max(10, values.Select(v => Math.Max(v.First, v.Second)).DefaultIfEmpty(0).Max());
        var step = NiceStep(top / 5);
        var max = Math.Ceiling(top / step) * step;
        var slot = (Width - Left - Right) / Math.Max(1, labels.Count);
        var bar = Math.Min(28, slot * .35);
        double X(int index) => Left + slot * (index + .5);
        double Y(double value) => Top + (Height - Top - Bottom) * (1 - value / max);
        var bars = values.SelectMany((v, i) => new[]
        {
            new ChartBar(N(X(i) - bar - 1), N(Y(v.First)), N(bar), N(Y(0) - Y(v.First)), "chart-bar--planned", $"{labels[i]}: {names.First} {format(v.First)}"),
            new ChartBar(N(X(i) + 1), N(Y(v.Second)), N(bar), N(Y(0) - Y(v.Second)), "chart-bar--spent", $"{labels[i]}: {names.Second} {format(v.Second)}"),
        }).ToList();
        return new HealthChart(id, title, description, Width, Height, Ticks(0, max, step, Y, format), XLabelsFor(labels, X), [], bars,
            N(Left), N(Width - Right), N(Top), N(Height - Bottom));
    }

    private static List<ChartTick> Ticks(double min, double max, double step, Func<double, double> y, Func<double, string> format)
    {
        var ticks = new List<ChartTick>();
        for (var value = min; value <= max + step / 1000; value += step)
        {
            ticks.Add(new ChartTick(N(y(value)), format(value), N(y(value) + 4)));
        }

        return ticks;
    }

    /// <summary>Labels under the axis; with many, only every k-th, so they do not overlap (the table has them all).</summary>
    private static List<ChartTick> XLabelsFor(IReadOnlyList<string> labels, Func<int, double> x)
    {
        var every = (int)Math.Ceiling(labels.Count / 6.0);
        return labels.Select((label, i) => (label, i)).Where(l => l.i % Math.Max(1, every) == 0)
            .Select(l => new ChartTick(N(x(l.i)), l.label.Length > 12 ? l.label[..11] + "…" : l.label, N(Height - Bottom + 18))).ToList();
    }

    /// <summary>Circle, square, triangle, diamond: a different shape per series.</summary>
    private static string Marker(int series, double x, double y) => (series % 4) switch
    {
        0 => $"M{N(x - 4.5)},{N(y)}a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0",
        1 => $"M{N(x - 4)},{N(y - 4)}h8v8h-8z",
        2 => $"M{N(x)},{N(y - 5.5)}l5,9h-10z",
        _ => $"M{N(x)},{N(y - 5.5)}l5.5,5.5l-5.5,5.5l-5.5,-5.5z",
    };

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(Math.Max(raw, 1))));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
