using System.Net;
using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>Staff sign in by a pasted token; sessions are HttpOnly cookies and every form needs its anti-forgery token.</summary>
[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_pasted_token_signs_in_a_bad_one_is_refused_beside_the_field_and_sign_out_ends_the_session()
    {
        var page = await PageAsync();
        await OpenAsync(page, "/accesso");
        await page.GetByLabel("Token di accesso").FillAsync("non-un-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#token-errore")).ToHaveTextAsync("Il token non è valido o è scaduto.");
        await Assertions.Expect(page.GetByLabel("Token di accesso")).ToHaveAttributeAsync("aria-describedby", "token-errore");
        await ShootAsync(page, "accesso", 1280);

        await SignInWithTokenAsync(page, "web-paste", "planner");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name == "piattaforma-sessione");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.DoesNotContain("eyJ", page.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Esci" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Accedi" })).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "piattaforma-sessione");
    }

    [Fact]
    public async Task A_token_of_another_key_is_refused()
    {
        var page = await PageAsync();
        await OpenAsync(page, "/accesso");
        var foreign = Platform.ServiceDefaults.Security.PlatformTokens.Create(
            Platform.ServiceDefaults.Security.PlatformTokens.NewKey(), "intruso", "demo", ["admin"], TimeSpan.FromHours(1));
        await page.GetByLabel("Token di accesso").FillAsync(foreign);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi" }).ClickAsync();
        await Assertions.Expect(page.Locator("#token-errore")).ToBeVisibleAsync();
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "piattaforma-sessione");
    }

    [Theory]
    [InlineData("/accesso", "_handler=token&Token=x")]
    [InlineData("/accesso/uscita", "")]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused(string path, string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await Fixture.Web.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_sign_in_code_signs_nobody_in()
    {
        using var response = await Fixture.Web.GetAsync("/accesso/collegamento?codice=sbagliato");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/accesso?errore=collegamento", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
