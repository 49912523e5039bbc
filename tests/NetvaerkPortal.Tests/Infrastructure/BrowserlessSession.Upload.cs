using System.Net.Http.Headers;

namespace NetvaerkPortal.Tests.Infrastructure;

public sealed partial class BrowserlessSession
{
    /// <summary>Like <see cref="SubmitAsync"/> for a form with enctype multipart/form-data: the fields, the page's
    /// antiforgery token, and one file under <paramref name="fileField"/> (none when <paramref name="file"/> is null).</summary>
    public async Task<HttpResponseMessage> SubmitWithFileAsync(string pagePath, IDictionary<string, string> fields, string fileField, string fileName, byte[]? file)
    {
        var page = await (await GetAsync(pagePath)).Content.ReadAsStringAsync();
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (TokenPattern().Match(page) is { Success: true } token)
        {
            form.Add(new StringContent(token.Groups[1].Value), "__RequestVerificationToken");
        }

        if (file is not null)
        {
            var content = new ByteArrayContent(file);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            form.Add(content, fileField, fileName);
        }

        return await _client.PostAsync(new Uri(pathBase + pagePath, UriKind.Relative), form);
    }
}
