using Platform.Objectives.Quality;
using static Objectives.Tests.Quality.TestPlans;

namespace Objectives.Tests.Quality;

/// <summary>Each plan rule with a plan that has the mistake and one that does not.</summary>
public sealed class ObjectiveRuleTests
{
    [Fact]
    public void Code_not_extending_parent_names_the_child_code()
    {
        var plan = Of(O("4"), O("4.4", "4"), O("4.2.4", "4.4"), O("4.4.1", "4.4"));

        Assert.Equal([new RuleHitView(NameOf("4.2.4"), "code")], Run(new CodeNotExtendingParent(), plan));
    }

    [Fact]
    public void Codes_that_extend_their_parents_pass() =>
        Assert.Empty(Run(new CodeNotExtendingParent(), Of(O("4"), O("4.4", "4"), O("4.4.1", "4.4"), O("EA2", null), O("EA2-6", "EA2"))));

    [Fact]
    public void Programme_missing_from_the_parent_map_names_its_position()
    {
        var plan = Of(O("8.5", "8", programmes: ["12.04"]), O("8.5.1", "8.5", programmes: ["12.04", "12.03"]));

        Assert.Equal([new RuleHitView(NameOf("8.5.1"), "programme_codes[1]")], Run(new ProgrammeNotInParentMap(), plan));
    }

    [Fact]
    public void Programmes_in_the_parent_map_pass_and_a_parent_without_map_is_not_judged() =>
        Assert.Empty(Run(new ProgrammeNotInParentMap(), Of(
            O("8.5", "8", programmes: ["12.04", "12.03"]), O("8.5.1", "8.5", programmes: ["12.03"]),
            O("9.1", "9"), O("9.1.1", "9.1", programmes: ["9.02"]))));

    [Fact]
    public void Programme_outside_the_missions_is_an_error()
    {
        var plan = Of(O("1.1", "1", missions: ["9"], programmes: ["9.02", "12.04"]));

        Assert.Equal([new RuleHitView(NameOf("1.1"), "programme_codes[1]")], Run(new ProgrammeOutsideMission(), plan));
    }

    [Fact]
    public void Programmes_inside_the_missions_pass() =>
        Assert.Empty(Run(new ProgrammeOutsideMission(), Of(O("1.1", "1", missions: ["9", "12"], programmes: ["9.02", "12.04"]))));

    [Fact]
    public void Placeholder_codes_are_found_in_missions_and_programmes()
    {
        var plan = Of(O("1.2.3", "1.2", missions: ["99999"], programmes: ["ND"]));

        Assert.Equal([new RuleHitView(NameOf("1.2.3"), "mission_codes[0]"), new RuleHitView(NameOf("1.2.3"), "programme_codes[0]")],
            Run(new PlaceholderBudgetCode(), plan));
    }

    [Fact]
    public void Real_codes_are_not_placeholders_mission_99_included() =>
        Assert.Empty(Run(new PlaceholderBudgetCode(), Of(O("1.2.3", "1.2", missions: ["99", "9"], programmes: ["99.01", "9.03"]))));

    [Fact]
    public void Last_level_objective_without_programme_is_found_when_its_peers_have_one()
    {
        var plan = Of(O("1"), O("1.2", "1"), O("1.2.1", "1.2", programmes: ["9.03"]), O("1.2.3", "1.2"));

        Assert.Equal([new RuleHitView(NameOf("1.2.3"), "programme_codes")], Run(new ProgrammeMissing(), plan));
    }

    [Fact]
    public void A_plan_that_uses_no_programmes_is_not_judged() =>
        Assert.Empty(Run(new ProgrammeMissing(), Of(O("1"), O("1.2", "1"), O("1.2.1", "1.2"), O("1.2.3", "1.2"))));

    [Fact]
    public void The_rarer_spelling_of_an_owner_is_reported_where_it_is_used()
    {
        var objectives = new[] { O("1.1", "1"), O("1.2", "1"), O("1.3", "1") };
        objectives[0].PoliticalOwners.Add("Zanacchi Luca");
        objectives[1].PoliticalOwners.Add("Zanacchi Luca");
        objectives[2].PoliticalOwners.Add("Znacchi Luca");

        Assert.Equal([new RuleHitView(NameOf("1.3"), "political_owners[0]")], Run(new OwnerSpelledTwoWays(), Of(objectives)));
    }

    [Fact]
    public void Different_people_with_close_names_are_not_one_owner()
    {
        var objectives = new[] { O("1.1", "1"), O("1.2", "1"), O("1.3", "1") };
        objectives[0].PoliticalOwners.Add("Rossi Mario");
        objectives[1].PoliticalOwners.Add("Rossi Mario");
        objectives[2].PoliticalOwners.Add("Rossi Maria");
        objectives[2].Manager = "Bianchi Anna";

        Assert.Empty(Run(new OwnerSpelledTwoWays(), Of(objectives)));
    }

    [Fact]
    public void A_description_ending_in_an_ellipsis_or_a_dangling_word_is_cut_short()
    {
        var cut = O("1.1", "1");
        cut.Description = "Si tratta di un obiettivo la cui realizzazione richiede un ripensamento degli organi…";
        var dangling = O("1.2", "1");
        dangling.YearlyActions[2023] = "Completamento della progettazione esecutiva e avvio della";

        Assert.Equal([new RuleHitView(NameOf("1.1"), "description"), new RuleHitView(NameOf("1.2"), "yearly_actions[2023]")],
            Run(new ObjectiveTextCutShort(), Of(cut, dangling)));
    }

    [Fact]
    public void Whole_sentences_and_short_labels_are_not_cut_short()
    {
        var whole = O("1.1", "1");
        whole.Description = "Si tratta di un obiettivo che richiede un ripensamento degli organi di gestione.";
        whole.Title = "Piano di";

        Assert.Empty(Run(new ObjectiveTextCutShort(), Of(whole)));
    }
}
