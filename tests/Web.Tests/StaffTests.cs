using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>The admin signs in with the link the launcher printed and does the periodic work in the browser.</summary>
[Collection(WebCollection.Name)]
public sealed class StaffTests(WebFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_admin_signs_in_with_the_printed_link_once()
    {
        var link = Fixture.System.SignInLink!.ToString();
        var page = await PageAsync();
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("#utente")).ToHaveTextAsync("demo-admin (demo)");
        Assert.DoesNotContain("codice", page.Url);

        var other = await PageAsync();
        await other.GotoAsync(link);
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("già stato usato");
        Assert.DoesNotContain(await other.Context.CookiesAsync(), c => c.Name == "piattaforma-sessione");
    }
}
