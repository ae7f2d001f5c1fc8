namespace Platform.Web.Api;

/// <summary>Italian names of the Finance API's codes: stages, titoli, PNRR states and the service's flags.</summary>
public static class FinanceLabels
{
    public static string Stage(string stage) => stage switch
    {
        "ASSESTATO" => "Assestato",
        "PREVISIONE" => "Previsione",
        "RENDICONTO" => "Rendiconto",
        _ => stage,
    };

    public static string RevenueTitolo(string titolo) => titolo switch
    {
        "1" => "Entrate correnti di natura tributaria, contributiva e perequativa",
        "2" => "Trasferimenti correnti",
        "3" => "Entrate extratributarie",
        "4" => "Entrate in conto capitale",
        "5" => "Entrate da riduzione di attività finanziarie",
        "6" => "Accensione prestiti",
        "7" => "Anticipazioni da istituto tesoriere/cassiere",
        "9" => "Entrate per conto terzi e partite di giro",
        _ => "Titolo " + titolo,
    };

    public static string SpendingTitolo(string titolo) => titolo switch
    {
        "1" => "Spese correnti",
        "2" => "Spese in conto capitale",
        "3" => "Spese per incremento attività finanziarie",
        "4" => "Rimborso prestiti",
        "5" => "Chiusura anticipazioni da istituto tesoriere/cassiere",
        "7" => "Spese per conto terzi e partite di giro",
        _ => "Titolo " + titolo,
    };

    public static string InvestmentState(string state) => state switch
    {
        "PLANNED" => "Programmato",
        "IN_BUDGET" => "In bilancio",
        "IN_PROGRESS" => "In corso",
        "COMPLETED" => "Concluso",
        "" => "—",
        _ => state,
    };

    public static string Flag(string flag) => flag switch
    {
        "CUP_LENGTH" => "CUP non di 15 caratteri",
        "CUP_FORMAT" => "CUP non nel formato previsto",
        "MEASURE_FORMAT" => "Misura PNRR non nel formato previsto",
        "CONTRIBUTION_EXCEEDS_COST" => "Contributo superiore al costo",
        _ => flag,
    };

    /// <summary>What a debt issue of the service means, and what its expected and actual amounts are.</summary>
    public static (string Text, string Expected, string Actual) DebtIssue(string kind) => kind switch
    {
        "CLOSING_MISMATCH" => ("Il residuo a fine anno dichiarato non corrisponde al calcolo", "calcolato", "dichiarato"),
        "OPENING_MISMATCH" => ("Il residuo al 1° gennaio non corrisponde a quello di fine anno precedente",
            "fine anno precedente", "1° gennaio"),
        "REPAYMENT_MISMATCH" => ("I rimborsi del piano non corrispondono alla spesa per rimborso prestiti del bilancio",
            "spesa del titolo 4", "rimborsi del piano"),
        _ => ("Incongruenza nel piano del debito", "atteso", "indicato"),
    };

    public static string Unit(string unit) => unit == "EUR per inhabitant" ? "€ per abitante" : unit;
}
