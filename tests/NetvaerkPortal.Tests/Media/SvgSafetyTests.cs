using System.Text;
using NetvaerkPortal.Media;

namespace NetvaerkPortal.Tests.Media;

/// <summary>An SVG logo is accepted only as a plain picture: whatever could run code or load other content is refused.</summary>
public sealed class SvgSafetyTests
{
    private const string Plain = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Tegnet i Inkscape -->
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" viewBox="0 0 100 40">
          <title>Nyborg Kommune</title>
          <metadata><rdf:RDF><rdf:Description rdf:about="">logo</rdf:Description></rdf:RDF></metadata>
          <defs><linearGradient id="g"><stop offset="0" stop-color="#005f73"/></linearGradient></defs>
          <style>.a { fill: url(#g); }</style>
          <g class="a"><rect width="100" height="40" style="fill: url(#g)"/><use xlink:href="#g"/><text x="4" y="28">Nyborg</text></g>
        </svg>
        """;

    [Fact]
    public void A_plain_drawing_is_accepted() => Assert.Null(SvgSafety.Problem(Encoding.UTF8.GetBytes(Plain)));

    public static TheoryData<string> Hostile => new()
    {
        """<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK="alert(1)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><rect/></a></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="https://evil.example/x.svg#a"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zy8+"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);</style></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url( 'https://evil.example/x' )"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><style>rect{}</style><script>alert(1)</script></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><style/><script>alert(1)</script></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="href" to="javascript:alert(1)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="onmouseover" to="alert(1)"/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script></svg>""",
        """<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg"><text>&x;</text></svg>""",
        """<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>""",
        """<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>""",
        """<svg><rect/></svg>""",
        """<svg xmlns="http://www.w3.org/2000/svg"><rect>""",
        """   """,
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Anything_that_can_run_code_or_load_content_is_refused(string svg) =>
        Assert.NotNull(SvgSafety.Problem(Encoding.UTF8.GetBytes(svg)));

    [Fact]
    public void Ten_thousand_nested_groups_are_read_in_one_pass_without_failing()
    {
        var deep = "<svg xmlns=\"http://www.w3.org/2000/svg\">" + string.Concat(Enumerable.Repeat("<g>", 10_000)) + "<rect/>" + string.Concat(Enumerable.Repeat("</g>", 10_000)) + "</svg>";

        Assert.Null(SvgSafety.Problem(Encoding.UTF8.GetBytes(deep)));
    }

    [Fact]
    public void Logo_kinds_are_told_by_content_not_by_name()
    {
        Assert.Equal(".png", LogoFiles.Kind(TestImages.Png));
        Assert.Equal(".jpg", LogoFiles.Kind([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Equal(".webp", LogoFiles.Kind("RIFF\0\0\0\0WEBPVP8 "u8.ToArray()));
        Assert.Equal(".svg", LogoFiles.Kind("\uFEFF  <svg/>"u8.ToArray()));
        Assert.Null(LogoFiles.Kind("GIF89a"u8.ToArray()));
        Assert.Null(LogoFiles.Kind("MZ\x90\0"u8.ToArray()));
        Assert.NotNull(LogoFiles.Check(new byte[LogoFiles.MaxBytes + 1]));
    }
}

/// <summary>Small valid images for upload tests.</summary>
public static class TestImages
{
    /// <summary>A 1×1 transparent PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static readonly byte[] PlainSvg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#005f73"/></svg>""");

    public static readonly byte[] ScriptSvg = Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>""");
}
