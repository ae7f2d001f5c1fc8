using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Web.Tests;

/// <summary>
/// Every page, for a citizen and for staff, at 1280 and 360 px: axe-core finds no serious or critical
/// violation, and a screenshot is kept. Keyboard focus is visible.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AccessibilityTests(WebFixture fixture) : BrowserTest(fixture)
{
    private const string Plan = WebFixture.Plan;

    public static TheoryData<string, string, bool, int> Pages()
    {
        var pages = new (string Name, string Path, bool Staff)[]
        {
            ("home", "/?ente=demo", false),
            ("piano", $"/piani/{Plan}?ente=demo&anno=2021", false),
            ("obiettivo", $"/piani/{Plan}/obiettivi/1.1?ente=demo&anno=2021", false),
            ("indicatore", "/indicatori/dup-1-2-i1?ente=demo", false),
            ("indicatore-1-1", "/indicatori/dup-1-1-i1?ente=demo", false),
            ("accesso", "/accesso", false),
            ("non-trovato", "/piani/non-esiste?ente=demo", false),
            ("bilanci", "/bilancio?ente=demo", false),
            ("bilancio-cittadino", "/bilancio/bilancio-2023-2025?ente=demo", false),
            ("investimenti-cittadino", "/investimenti?ente=demo", false),
            ("staff-home", "/", true),
            ("staff-obiettivo", $"/piani/{Plan}/obiettivi/1.2?anno=2021", true),
            ("staff-indicatore", "/indicatori/dup-1-2-i1", true),
            ("staff-bilanci", "/bilancio", true),
        };
        var data = new TheoryData<string, string, bool, int>();
        foreach (var (name, path, staff) in pages)
            foreach (var width in new[] { 1280, 360 })
                data.Add(name, path, staff, width);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation(string name, string path, bool staff, int width)
    {
        var page = await PageAsync(width);
        if (staff) await SignInWithTokenAsync(page, "web-axe", "admin");
        await OpenAsync(page, path);

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"{name} at {width} px:\n{string.Join("\n", serious)}");
        await ShootAsync(page, name, width);
    }

    [Fact]
    public async Task The_first_tab_reaches_the_skip_link_with_a_visible_outline_and_it_leads_to_the_content()
    {
        var page = await PageAsync();
        await OpenAsync(page, $"/piani/{Plan}?ente=demo&anno=2021");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Vai al contenuto" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        Assert.Equal("solid", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith($"/piani/{Plan}?ente=demo&anno=2021#contenuto", page.Url);
    }
}
