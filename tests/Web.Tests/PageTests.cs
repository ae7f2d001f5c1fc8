using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Web.Tests;

/// <summary>A citizen reads the demo ente's published DUP in the web app; every number is the API's.</summary>
[Collection(WebCollection.Name)]
public sealed class PageTests(WebFixture fixture)
{
    private const string Plan = WebFixture.Plan;
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");
    private static readonly (string Status, string Field)[] Statuses = [("ACHIEVED", "achieved"),
        ("PARTIALLY_ACHIEVED", "partiallyAchieved"), ("NOT_ACHIEVED", "notAchieved"), ("NOT_MEASURED", "notMeasured"), ("NO_TARGET", "noTarget")];

    private async Task<string> PageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await fixture.Web.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{path}: {response.StatusCode}\n{html}\n{fixture.Log}");
        return html;
    }

    private async Task<JsonElement> ApiAsync(string path) =>
        await fixture.Anonymous.GetFromJsonAsync<JsonElement>(path);

    private static string ItalianNumber(string apiDecimal) =>
        decimal.Parse(apiDecimal, CultureInfo.InvariantCulture).ToString("#,##0.##", Italian);

    [Fact]
    public async Task Home_lists_the_published_plans_of_the_ente_and_not_an_unpublished_one()
    {
        (await fixture.Admin.PostAsJsonAsync("/v1/plans?plan_id=piano-riservato-web",
            new { title = "Piano riservato", kind = "PEG", startYear = 2023, endYear = 2023 })).EnsureSuccessStatusCode();

        var html = await PageAsync("/?ente=demo");

        Assert.Contains($"href=\"/piani/{Plan}?ente=demo\"", html);
        Assert.Contains("Documento Unico di Programmazione", html);
        Assert.DoesNotContain("piano-riservato-web", html);
        Assert.Contains("Pagina non trovata", await PageAsync("/piani/piano-riservato-web?ente=demo", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Another_ente_shows_none_of_the_demo_plans()
    {
        var html = await PageAsync("/?ente=comune-senza-piani");

        Assert.DoesNotContain(Plan, html);
        Assert.Contains("non ha piani pubblicati", html);
        await PageAsync($"/piani/{Plan}?ente=comune-senza-piani", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Plan_page_shows_the_2021_scorecard_counts_and_score_the_API_gives()
    {
        var scorecard = await ApiAsync($"/v1/scorecards/{Plan}?year=2021&ente=demo");

        var html = await PageAsync($"/piani/{Plan}?ente=demo&anno=2021");

        var counts = scorecard.GetProperty("counts");
        foreach (var (status, field) in Statuses)
        {
            var expected = counts.TryGetProperty(field, out var value) ? value.GetInt32() : 0;
            var shown = Regex.Match(html, $"<tr data-stato=\"{status}\">.*?<td class=\"num\">([0-9.]+)</td>", RegexOptions.Singleline);
            Assert.True(shown.Success, $"no count for {status}");
            Assert.Equal(expected.ToString("N0", Italian), shown.Groups[1].Value);
        }
        Assert.True(counts.GetProperty("achieved").GetInt32() > 0, "the demo DUP has achieved indicators in 2021");
        Assert.Contains($"<strong id=\"punteggio\">{ItalianNumber(scorecard.GetProperty("score").GetString()!)}</strong>", html);
        // Each of the ten areas (the scorecard's roots) is a row of the tree with the API's score and counts.
        var roots = scorecard.GetProperty("roots").EnumerateArray().ToList();
        Assert.Equal(10, roots.Count);
        foreach (var root in roots)
        {
            var code = root.GetProperty("code").GetString()!;
            var row = Regex.Match(html, $"<tr data-codice=\"{Regex.Escape(code)}\">(.*?)</tr>", RegexOptions.Singleline);
            Assert.True(row.Success, $"no row for area {code}");
            var score = root.TryGetProperty("score", out var s) && s.GetString() is { Length: > 0 } text ? ItalianNumber(text) : "—";
            Assert.Contains($"<td class=\"num\">{score}</td>", row.Groups[1].Value);
            foreach (var (status, field) in Statuses)
            {
                var expected = root.TryGetProperty("subtreeCounts", out var subtree) && subtree.TryGetProperty(field, out var value) ? value.GetInt32() : 0;
                Assert.Contains($"data-stato=\"{status}\">{expected.ToString("N0", Italian)}</td>", row.Groups[1].Value);
            }
        }
    }

    [Fact]
    public async Task Search_by_code_keeps_the_objective_and_its_ancestors_only()
    {
        var html = await PageAsync($"/piani/{Plan}?ente=demo&anno=2021&cerca=1.1");

        Assert.Contains("data-codice=\"1\"", html);
        Assert.Contains("data-codice=\"1.1\"", html);
        Assert.DoesNotContain("data-codice=\"2\"", html);
    }

    [Theory]
    [InlineData("programma", "missionCodes,programmeCodes")]
    [InlineData("settore", "leadSector,involvedSectors")]
    [InlineData("responsabile", "politicalOwners,manager")]
    public async Task Plan_filters_keep_the_objectives_carrying_the_value_and_their_ancestors_only(string parameter, string fields)
    {
        var tree = await ApiAsync($"/v1/plans/{Plan}:tree?ente=demo");
        var all = new List<(JsonElement Objective, List<string> Path)>();
        void Walk(JsonElement node, List<string> path)
        {
            var objective = node.GetProperty("objective");
            var here = path.Append(objective.GetProperty("code").GetString()!).ToList();
            all.Add((objective, here));
            if (node.TryGetProperty("children", out var children))
                foreach (var child in children.EnumerateArray()) Walk(child, here);
        }
        foreach (var root in tree.GetProperty("roots").EnumerateArray()) Walk(root, []);
        static IEnumerable<string> Values(JsonElement o, string fields) => fields.Split(',').SelectMany(f =>
            !o.TryGetProperty(f, out var v) ? [] : v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().Select(e => e.ToString()) : [v.GetString()!]);
        var value = all.SelectMany(o => Values(o.Objective, fields)).Last(v => v.Length > 0);
        var kept = all.Where(o => Values(o.Objective, fields).Contains(value)).SelectMany(o => o.Path).ToHashSet();

        var html = await PageAsync($"/piani/{Plan}?ente=demo&anno=2021&{parameter}={Uri.EscapeDataString(value)}");

        var shown = Regex.Matches(html, "<tr data-codice=\"([^\"]+)\">").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(kept.Order(), shown.Order());
        Assert.True(shown.Count < all.Count, $"filtering by {parameter}={value} kept every objective");
    }

    [Fact]
    public async Task Objective_card_shows_a_progress_report_with_a_script_as_text()
    {
        (await fixture.Admin.PostAsJsonAsync($"/v1/plans/{Plan}/objectives/1.1/reports?report_id=web-script",
            new { period = "2023-H1", state = "AT_RISK", statusText = "<script>alert('x')</script> Lavori avviati" })).EnsureSuccessStatusCode();

        var html = await PageAsync($"/piani/{Plan}/obiettivi/1.1?ente=demo&anno=2021");

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("id=\"storico\"", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Lavori avviati", html);
        Assert.Contains("A rischio", html);
        // Its indicators with the scorecard's achievement for the year, in it-IT.
        var node = (await ApiAsync($"/v1/scorecards/{Plan}?year=2021&objective=1.1&ente=demo")).GetProperty("roots")[0];
        var indicator = node.GetProperty("indicators")[0];
        Assert.Contains(indicator.GetProperty("title").GetString()!, html);
        Assert.Contains($"{ItalianNumber(indicator.GetProperty("achievement").GetString()!)} %", html);
    }

    [Fact]
    public async Task Objective_card_shows_the_money_of_its_programmes_with_their_national_names()
    {
        var funding = await ApiAsync($"/v1/budgets/{WebFixture.Budget}:objectiveFunding?objective=plans/{Plan}/objectives/1.1&ente=demo");
        var programmes = funding.GetProperty("programmes").EnumerateArray().ToList();
        Assert.NotEmpty(programmes);

        var html = WebUtility.HtmlDecode(await PageAsync($"/piani/{Plan}/obiettivi/1.1?ente=demo&anno=2021"));

        foreach (var programme in programmes)
        {
            var code = programme.GetProperty("programmeCode").GetString()!;
            Assert.Contains($"<tr data-programma=\"{code}\">", html);
            Assert.Contains($"{code} {programme.GetProperty("programmeName").GetString()}", html);
            Assert.Contains(programme.GetProperty("missionName").GetString()!, html);
        }
    }

    [Fact]
    public async Task Indicator_page_shows_each_period_and_a_chart_with_its_table()
    {
        var periods = (await ApiAsync("/v1/indicators/dup-1-1-i1/periods?ente=demo")).GetProperty("periods");

        var html = await PageAsync("/indicatori/dup-1-1-i1?ente=demo");

        Assert.Contains("<img src=\"data:image/svg&#x2B;xml;base64,", html);
        foreach (var period in periods.EnumerateArray())
        {
            var id = period.GetProperty("name").GetString()!.Split('/').Last();
            var row = Regex.Match(html, $"<tr data-periodo=\"{id}\">(.*?)</tr>", RegexOptions.Singleline);
            Assert.True(row.Success, $"no row for {id}");
            if (period.GetProperty("achievement").GetString() is { Length: > 0 } achievement)
                Assert.Contains($"{ItalianNumber(achievement)} %", row.Groups[1].Value);
        }
    }

    [Fact]
    public async Task Unknown_addresses_answer_pagina_non_trovata_with_404_and_every_page_has_a_csp()
    {
        Assert.Contains("Pagina non trovata", await PageAsync("/indicatori/non-esiste?ente=demo", HttpStatusCode.NotFound));
        Assert.Contains("Pagina non trovata", await PageAsync($"/piani/{Plan}/obiettivi/99.99?ente=demo", HttpStatusCode.NotFound));
        Assert.Contains("Pagina non trovata", await PageAsync("/piani/nessuna/pagina/qui", HttpStatusCode.NotFound));

        using var response = await fixture.Web.GetAsync("/");
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_gateway_serves_the_app_beside_the_API_its_docs_and_its_health()
    {
        Assert.Contains("Documento Unico di Programmazione", await PageAsync("/"));
        Assert.Contains("\"plans\"", await PageAsync("/v1/plans?ente=demo"));
        Assert.Contains("\"openapi\"", await PageAsync("/openapi.json"));
        await PageAsync("/docs/");
        // A path neither the API nor the app owns is the gateway's own JSON 404.
        Assert.Contains("NO_SUCH_METHOD", await PageAsync("/nessuna/pagina", HttpStatusCode.NotFound));

        using var health = JsonDocument.Parse(await PageAsync("/healthz"));
        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, health.RootElement.GetProperty("clusters").GetProperty("web").GetProperty("healthyReplicas").GetInt32());
    }
}
