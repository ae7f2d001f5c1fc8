using Platform.Documents.Layout;
using Platform.Documents.Model;
using Platform.Reference;

namespace Platform.Documents.Documents;

/// <summary>
/// The Documento Unico di Programmazione: SeS 1.3 (lines, strategic objectives, indicator tables), 1.3.4, SeO 2.1.1
/// (index), 2.1.2 (operational objective cards), 2.1.4 (debt), 2.1.6 (PNRR) and 2.1.7 (equilibri). Objectives named
/// in <paramref name="changed"/> carry "(modificato)", as the DUP marks what changed since the previous version.
/// </summary>
public static class DupDocument
{
    public const string Changed = " (modificato)";

    public static Document Build(PlanData data, IReadOnlySet<string> changed, IReadOnlyList<Block>? appendix = null)
    {
        var body = new List<Block>();
        string Title(Objective o) => $"{o.Code} - {o.Title}{(changed.Contains(o.Name) ? Changed : "")}";

        body.Add(new Heading(1, "Sezione Strategica (SeS)", "ses"));
        if (data.Unreadable.Count > 0)
            body.Add(new Paragraph($"Questa copia non contiene {string.Join(" né ", data.Unreadable)}: non sono pubblici per chi la richiede.", "Nota"));
        body.Add(new Heading(2, "1.3 Linee di mandato e obiettivi strategici", "s-1-3"));
        foreach (var line in data.AtDepth(0))
        {
            body.Add(new Heading(3, $"Linea di mandato {Title(line)}", CommonBlocks.Anchor("l", line.Code)));
            foreach (var strategic in data.Children(line.Name))
                body.Add(StrategicCard(data, strategic, Title(strategic)));
        }
        body.Add(new Heading(2, "1.3.4 Missioni e programmi degli obiettivi strategici", "s-1-3-4"));
        body.Add(MissionMap(data));

        body.Add(new PageBreak());
        body.Add(new Heading(1, "Sezione Operativa (SeO)", "seo"));
        var operational = data.AtDepth(2).ToList();
        body.Add(new Heading(2, "2.1.1 Indice degli obiettivi operativi", "s-2-1-1"));
        body.Add(new Table($"Obiettivi operativi ({operational.Count})", ["Codice", "Obiettivo operativo", "Obiettivo strategico", "Responsabile gestionale"],
            operational.Select(o => new Row([o.Code, o.Title + (changed.Contains(o.Name) ? Changed : ""), Parent(data, o), Italian.OrDash(o.Manager)])).ToList(),
            new HashSet<int>()));
        body.Add(new Heading(2, "2.1.2 Schede degli obiettivi operativi", "s-2-1-2"));
        foreach (var objective in operational) body.Add(OperationalCard(data, objective, Title(objective)));

        if (data.Finance is { } finance)
        {
            body.Add(new PageBreak());
            body.AddRange(FinanceSections.Debt(finance));
            body.AddRange(FinanceSections.Pnrr(finance));
            body.AddRange(FinanceSections.Balances(finance));
        }
        if (appendix is not null) body.AddRange(appendix);
        return new Document(data.Plan.Title, CommonBlocks.Cover(data, data.Plan.Title), body);
    }

    private static string Parent(PlanData data, Objective objective) =>
        data.Objectives.FirstOrDefault(o => o.Name == objective.Parent) is { } parent ? $"{parent.Code} - {parent.Title}" : "—";

    private static Card StrategicCard(PlanData data, Objective strategic, string title)
    {
        var blocks = new List<Block>
        {
            new Heading(4, $"Obiettivo strategico {title}", CommonBlocks.Anchor("s", strategic.Code)),
            new Paragraph(Italian.OrDash(strategic.Description), "Definizione dell'obiettivo"),
            new Fields([("Responsabile politico", Italian.Joined(strategic.PoliticalOwners))]),
        };
        var indicators = data.IndicatorsOf(strategic).ToList();
        if (indicators.Count == 0) blocks.Add(new Paragraph("Nessun indicatore di impatto.", "Indicatori di impatto"));
        foreach (var indicator in indicators) blocks.AddRange(CommonBlocks.Indicator(indicator));
        return new Card("strategico", blocks);
    }

    private static Card OperationalCard(PlanData data, Objective o, string title)
    {
        var classification = BudgetClassification.National;
        string Missions() => Italian.Joined(o.MissionCodes.Select(m => classification.Missions.TryGetValue(m, out var n) ? $"{m} - {n}" : m));
        string Programmes() => Italian.Joined(o.ProgrammeCodes.Select(p => classification.Programmes.TryGetValue(p, out var n) ? $"{p} - {n.Name}" : p));
        var blocks = new List<Block>
        {
            new Heading(3, $"Obiettivo operativo {title}", CommonBlocks.Anchor("o", o.Code)),
            new Fields([
                ("Obiettivo strategico", Parent(data, o)),
                ("Missione", Missions()),
                ("Programma", Programmes()),
                ("Responsabile politico", Italian.Joined(o.PoliticalOwners)),
                ("Responsabile gestionale", Italian.OrDash(o.Manager)),
                ("Settore associato", Italian.OrDash(o.LeadSector)),
                ("Settori coinvolti", Italian.Joined(o.InvolvedSectors)),
                ("Enti del GAP e partner", Italian.Joined(o.Partners)),
                ("Stakeholder", Italian.Joined(o.Stakeholders)),
                ("Obiettivi di sviluppo sostenibile (SDG)", Italian.Joined(o.SdgGoals.Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
                ("Cinque P dell'Agenda 2030", Italian.Joined(o.FivePs)),
            ]),
        };
        if (o.Description.Length > 0) blocks.Add(new Paragraph(o.Description, "Descrizione"));
        if (o.YearlyActions.Count > 0)
            blocks.Add(new Table($"Azioni dell'obiettivo {o.Code}", ["Anno", "Azione"],
                o.YearlyActions.OrderBy(a => a.Key).Select(a => new Row([a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Value])).ToList(), new HashSet<int>()));
        foreach (var indicator in data.IndicatorsOf(o)) blocks.AddRange(CommonBlocks.Indicator(indicator));
        blocks.AddRange(CommonBlocks.Report(data, o));
        return new Card("operativo", blocks);
    }

    /// <summary>1.3.4: each programme of the strategic objectives with its mission and the objectives that use it.</summary>
    private static Table MissionMap(PlanData data)
    {
        var classification = BudgetClassification.National;
        var rows = data.AtDepth(1)
            .SelectMany(o => o.ProgrammeCodes.Select(p => (Programme: p, Objective: o)))
            .GroupBy(p => p.Programme)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var programme = classification.Programmes.GetValueOrDefault(g.Key);
                var mission = programme?.MissionCode ?? g.Key.Split('.')[0];
                return new Row([
                    classification.Missions.TryGetValue(mission, out var missionName) ? $"{mission} - {missionName}" : mission,
                    programme is null ? g.Key : $"{g.Key} - {programme.Name}",
                    string.Join("; ", g.Select(p => $"{p.Objective.Code} {p.Objective.Title}")),
                ]);
            }).ToList();
        return new Table("Missioni e programmi di bilancio per obiettivo strategico", ["Missione", "Programma", "Obiettivi strategici"], rows, new HashSet<int>());
    }
}
