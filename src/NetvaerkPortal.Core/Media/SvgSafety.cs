using System.Xml;
using NetvaerkPortal.Display;

namespace NetvaerkPortal.Media;

/// <summary>Decides whether an SVG file is a plain picture. An SVG is a document that can run script (a
/// <c>&lt;script&gt;</c>, an <c>onload</c>, a <c>javascript:</c> link, HTML inside <c>foreignObject</c>) when it is opened
/// by its own address, so an SVG logo is accepted only when every element is a drawing element on a short list, no
/// attribute is an event handler, and every reference stays inside the file. Anything else is refused, not cleaned:
/// a silently altered logo is worse than a clear "export it as plain SVG or PNG".</summary>
public static class SvgSafety
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> DrawingElements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle", "ellipse", "line",
        "polyline", "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
        "pattern", "marker", "image", "style", "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood",
        "feComposite", "feMerge", "feMergeNode", "feDropShadow",
    };

    /// <summary>Namespaces of the descriptive metadata drawing programs write (never rendered, never run).</summary>
    private static readonly HashSet<string> MetadataNamespaces = new(StringComparer.Ordinal)
    {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://purl.org/dc/elements/1.1/", "http://creativecommons.org/ns#",
        "http://web.resource.org/cc/", "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    };

    private const string Advice = " Save the logo as plain SVG (only drawing: no scripts, links or embedded web content), or as PNG.";

    /// <summary>Null when <paramref name="svg"/> is a plain SVG picture; otherwise what was found, for the LogoPath field.</summary>
    public static SettingProblem? Problem(byte[] svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var settings = new XmlReaderSettings
        {
            // A DOCTYPE can define entities (billion laughs, external files): an SVG logo needs none.
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersInDocument = 2_000_000,
        };
        try
        {
            using var stream = new MemoryStream(svg, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var root = true;
            var read = reader.Read();
            while (read)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    read = reader.Read();
                    continue;
                }

                if (root && (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace))
                {
                    return Refused("The file is not an SVG image: its first element is not <svg> in the SVG namespace.");
                }

                root = false;
                if ((ElementProblem(reader) ?? AttributesProblem(reader)) is { } problem)
                {
                    return problem;
                }

                if (reader.LocalName == "style" && reader.NamespaceURI == SvgNamespace)
                {
                    // Reading the content moves past the end tag, onto the next node: that node is looked at next, not skipped.
                    if (StyleProblem(reader.ReadElementContentAsString()) is { } style)
                    {
                        return style;
                    }

                    read = !reader.EOF;
                    continue;
                }

                read = reader.Read();
            }

            return root ? Refused("The file is not an SVG image: it holds no element.") : null;
        }
        catch (XmlException error)
        {
            return Refused("The SVG file cannot be read (line {0}, position {1}).", error.LineNumber, error.LinePosition);
        }
    }

    private static SettingProblem? ElementProblem(XmlReader reader) =>
        reader.NamespaceURI == SvgNamespace
            ? DrawingElements.Contains(reader.LocalName) ? null : Refused("The SVG file contains the element <{0}>, which can run code or load other content.", reader.LocalName)
            : MetadataNamespaces.Contains(reader.NamespaceURI) ? null : Refused("The SVG file contains the element <{0}>, which is not part of SVG.", Cut(reader.Name));

    private static SettingProblem? AttributesProblem(XmlReader reader)
    {
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
        {
            var name = reader.LocalName;
            var value = reader.Value;
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                return Refused("The SVG file contains the attribute {0}, which runs code.", Cut(reader.Name));
            }

            if (name == "href" && !value.StartsWith('#') && !IsEmbeddedImage(value))
            {
                return Refused("The SVG file links to \"{0}\" outside the file.", Cut(value));
            }

            if (StyleProblem(value) is { } style)
            {
                return style;
            }
        }

        reader.MoveToElement();
        return null;
    }

    private static bool IsEmbeddedImage(string value) =>
        value.StartsWith("data:image/png;base64,", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:image/jpeg;base64,", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("data:image/webp;base64,", StringComparison.OrdinalIgnoreCase);

    /// <summary>CSS and attribute values may point only inside the file (<c>url(#id)</c>) and never at script.</summary>
    private static SettingProblem? StyleProblem(string value)
    {
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c is not '"' and not '\'')).ToLowerInvariant();
        if (compact.Contains("javascript:", StringComparison.Ordinal) || compact.Contains("@import", StringComparison.Ordinal) || compact.Contains("expression(", StringComparison.Ordinal))
        {
            return Refused("The SVG file contains \"{0}\", which can run code or load other content.", Cut(value));
        }

        for (var at = compact.IndexOf("url(", StringComparison.Ordinal); at >= 0; at = compact.IndexOf("url(", at + 4, StringComparison.Ordinal))
        {
            if (!compact.AsSpan(at + 4).StartsWith("#"))
            {
                return Refused("The SVG file links to \"{0}\" outside the file.", Cut(value));
            }
        }

        return null;
    }

    private static string Cut(string value) => Files.SafePaths.Show(value, 60);

    private static SettingProblem Refused(string problem, params object[] arguments) => new("LogoPath", problem + Advice, arguments);
}
