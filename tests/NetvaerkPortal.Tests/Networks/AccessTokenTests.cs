using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetvaerkPortal.Data;
using NetvaerkPortal.Security;

namespace NetvaerkPortal.Tests.Networks;

/// <summary>Personal access tokens: Bearer on the tenant's own API only, stored hashed, revocable.</summary>
[Collection(NetworkPortalCollection.Name)]
public sealed class AccessTokenTests(NetworkPortal portal)
{
    [Fact]
    public async Task A_token_reads_what_its_user_may_read_and_stops_working_when_revoked()
    {
        await portal.CreateUserAsync(portal.Alfa, "token-medlem", "Member", (portal.NetworkX, "member"));
        var token = await portal.CreateTokenAsync(portal.Alfa, "token-medlem");
        using var client = portal.TokenClient(token);
        var note = new Uri($"/alfa/api/content/{portal.NetworkXItem.Id}", UriKind.Relative);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(note)).StatusCode);

        var revoked = await portal.InTenantAsync(portal.Alfa, async services =>
        {
            var user = await services.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync("token-medlem");
            return await services.GetRequiredService<PersonalAccessTokens>().RevokeAllAsync(user!.Id);
        });

        Assert.Equal(1, revoked);
        var refused = await client.GetAsync(note);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri($"/alfa/api/content/{portal.PublicItem.Id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_token_is_stored_only_as_its_hash_and_notes_when_it_was_used()
    {
        await portal.CreateUserAsync(portal.Alfa, "token-hash", "Member");
        var token = await portal.CreateTokenAsync(portal.Alfa, "token-hash");
        using var client = portal.TokenClient(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/alfa/api/content", UriKind.Relative))).StatusCode);

        var stored = await portal.InTenantAsync(portal.Alfa, services =>
            services.GetRequiredService<PortalDbContext>().PersonalAccessTokens.AsNoTracking().SingleAsync(t => t.TokenHash == PersonalAccessTokens.Hash(token)));

        Assert.StartsWith(PersonalAccessTokens.Prefix, token, StringComparison.Ordinal);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.DoesNotContain(token[PersonalAccessTokens.Prefix.Length..], stored.TokenHash, StringComparison.Ordinal);
        Assert.NotNull(stored.LastUsedUtc);
    }

    [Fact]
    public async Task A_token_of_one_tenant_is_refused_by_another()
    {
        var betaToken = await portal.CreateTokenAsync(portal.Beta, "admin");
        using var client = portal.TokenClient(betaToken);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/beta/api/content", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/alfa/api/content", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri($"/alfa/api/content/{portal.PublicItem.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/alfa/api/export", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_token_does_not_sign_anyone_in_on_pages()
    {
        using var client = portal.TokenClient(await portal.CreateTokenAsync(portal.Alfa, "admin"));

        var page = await client.GetAsync(new Uri($"/alfa/{portal.TenantItem.Path}", UriKind.Relative));
        var admin = await client.GetAsync(new Uri("/alfa/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
    }

    [Fact]
    public async Task A_made_up_token_is_refused()
    {
        using var client = portal.TokenClient(PersonalAccessTokens.Prefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/alfa/api/content", UriKind.Relative))).StatusCode);
    }
}
