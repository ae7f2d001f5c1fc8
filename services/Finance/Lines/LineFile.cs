using Platform.Finance.Budgets;
using static Platform.Finance.Files.FileCells;
using Platform.ServiceDefaults.Imports;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;
using static Platform.Spreadsheets.Schema.ColumnDefinition;

namespace Platform.Finance.Lines;

/// <summary>
/// The budget lines file (kind <c>budget-lines</c>): one row per line, year and stage, so a line printed over
/// four columns (Assestato 2022, Previsione 2023-2025) is four rows. Rows of one line share its code (or,
/// without a <c>Codice riga</c> column, its classification). Each row is checked with BatchUpsertBudgetLines'
/// rules and stored set-based by the same <see cref="LineStore.WriteAsync"/>: a line already in the budget is
/// replaced by the file's rows, other lines stay.
/// </summary>
public static class LineFile
{
    public const string Kind = "budget-lines";

    public static readonly TableSchema Schema = new(
        OptionalColumn("line_id", ColumnKind.Code, "Codice riga", "Line id", "Riga", "Codice"),
        RequiredColumn("kind", ColumnKind.Text, "Tipo", "Kind", "Entrata/Spesa"),
        OptionalColumn("titolo", ColumnKind.Integer, "Titolo", "Title"),
        OptionalColumn("tipologia", ColumnKind.Code, "Tipologia", "Typology"),
        OptionalColumn("categoria", ColumnKind.Code, "Categoria", "Category"),
        OptionalColumn("mission_code", ColumnKind.Code, "Missione", "Mission"),
        OptionalColumn("programme_code", ColumnKind.Code, "Programma", "Programme"),
        OptionalColumn("macroaggregato", ColumnKind.Code, "Macroaggregato", "Macroaggregate"),
        OptionalColumn("balance_item", ColumnKind.Text, "Voce di equilibrio", "Balance item", "Voce"),
        OptionalColumn("description", ColumnKind.Text, "Descrizione", "Description", "Denominazione"),
        RequiredColumn("year", ColumnKind.Integer, "Anno", "Year", "Esercizio"),
        RequiredColumn("stage", ColumnKind.Text, "Fase", "Stage", "Stadio"),
        RequiredColumn("appropriation", ColumnKind.Money, "Stanziamento", "Appropriation", "Importo", "Amount", "Competenza"),
        OptionalColumn("cash", ColumnKind.Money, "Cassa", "Cash"),
        OptionalColumn("commitments", ColumnKind.Money, "Impegni", "Commitments"),
        OptionalColumn("payments", ColumnKind.Money, "Pagamenti", "Payments"),
        OptionalColumn("assessments", ColumnKind.Money, "Accertamenti", "Assessments"),
        OptionalColumn("collections", ColumnKind.Money, "Riscossioni", "Collections"));

    private static readonly (BudgetLine.Types.Kind Kind, string Italian, string[] Aliases)[] Kinds =
    [
        (BudgetLine.Types.Kind.Revenue, "entrata", ["entrate", "e", "revenue"]),
        (BudgetLine.Types.Kind.Spending, "spesa", ["spese", "s", "uscita", "spending"]),
        (BudgetLine.Types.Kind.Balance, "equilibrio", ["b", "balance"]),
    ];

    private static readonly (Stage Stage, string Italian)[] Stages =
        [(Stage.Assestato, "Assestato"), (Stage.Previsione, "Previsione"), (Stage.Rendiconto, "Rendiconto")];

    private static readonly (BalanceItem Item, string Italian)[] Items =
    [
        (BalanceItem.FpvCurrent, "fpv-corrente"), (BalanceItem.FpvCapital, "fpv-capitale"),
        (BalanceItem.AvanzoCurrent, "avanzo-corrente"), (BalanceItem.AvanzoCapital, "avanzo-capitale"),
        (BalanceItem.CurrentToCapital, "corrente-a-capitale"), (BalanceItem.CapitalToCurrent, "capitale-a-corrente"),
        (BalanceItem.FinancialAssetReduction, "riduzione-attivita-finanziarie"),
    ];

    /// <summary>A row of the file: the line id and the line with the row's one amount; <see cref="Checked"/> once its rules passed.</summary>
    public sealed class Item(string lineId, BudgetLine line)
    {
        public string LineId { get; } = lineId;
        public BudgetLine Line { get; } = line;
        public LineRow? Checked { get; set; }
    }

    public static ImportKind<Item> For(string budgetId, RequestIdentity who, BudgetStore budgets, LineStore lines)
    {
        BudgetRow? budget = null; // read once per import: every row is written in the same transaction
        var keyOfLine = new Dictionary<string, string>(StringComparer.Ordinal);
        var amountsSeen = new HashSet<(string, int, string)>();
        var started = new HashSet<string>(StringComparer.Ordinal);
        return new ImportKind<Item>(Kind, Schema, ["line_id", "year", "stage"],
            Read: Read,
            Write: async (connection, transaction, item, ct) =>
            {
                if (budget is null)
                {
                    // A change to the lines bumps the budget's etag, once for the whole file.
                    budget = await budgets.LoadForWriteAsync(connection, transaction, who, budgetId, null, ct);
                    await budgets.BumpVersionAsync(connection, transaction, who, budget, ct);
                }
                var line = Check(budgetId, who, item, budget);
                if (keyOfLine.TryGetValue(line.LineId, out var key) && key != line.ClassificationKey)
                    throw ApiErrors.InvalidArgument("line_id", $"la riga «{line.LineId}» ha una classificazione diversa in una riga precedente del file");
                keyOfLine[line.LineId] = line.ClassificationKey;
                var amount = line.Amounts[0];
                if (!amountsSeen.Add((line.LineId, amount.Year, amount.Stage)))
                    throw ApiErrors.InvalidArgument("line.amounts[0].year",
                        $"anno {amount.Year} e fase {StageText(amount.StageValue)} della riga «{line.LineId}» sono già in una riga precedente del file");
                item.Checked = line;
            },
            ColumnOfField: ColumnOf)
        {
            BatchSize = 2000,
            WriteBatch = async (connection, transaction, items, ct) =>
            {
                var rows = items.Select(i => i.Checked!).ToList();
                var refused = await lines.WriteAsync(connection, transaction, who, budgetId, rows, started, ct);
                if (refused.Count == 0) await lines.AuditAsync(connection, transaction, who, budget!, "import", rows, replaceAll: false, ct);
                return refused.Select(r => new BatchRefusal(r.Index, ApiErrors.InvalidArgument("line", r.Message))).ToList();
            },
        };
    }

    /// <summary>The row's line, checked with the API's rules for one line; its id from the classification when the file has none.</summary>
    private static LineRow Check(string budgetId, RequestIdentity who, Item item, BudgetRow budget)
    {
        var validator = new RequestValidator();
        LineValidation.ValidateClassification(item.Line, validator, "line");
        var lineId = item.LineId.Length > 0 ? item.LineId : DerivedId(item.Line);
        ResourceNames.CheckId(validator, lineId, "line_id");
        var amounts = LineValidation.ParseAmounts(lineId, item.Line, budget, validator, "line");
        validator.ThrowIfInvalid();
        return LineRow.From(who.TenantId, budgetId, lineId, item.Line, amounts);
    }

    public static Item Read(ImportRow row)
    {
        var line = new BudgetLine
        {
            Kind = Parse(row.Text("kind"), KindByName, "line.kind", "deve essere entrata, spesa o equilibrio"),
            Titolo = (int)(row.Integer("titolo") ?? 0),
            Tipologia = row.Text("tipologia") ?? "",
            Categoria = row.Text("categoria") ?? "",
            MissionCode = row.Text("mission_code") ?? "",
            ProgrammeCode = row.Text("programme_code") ?? "",
            Macroaggregato = row.Text("macroaggregato") ?? "",
            Description = row.Text("description") ?? "",
        };
        if (row.Text("balance_item") is { Length: > 0 } item)
            line.BalanceItem = Parse(item, ItemByName, "line.balance_item",
                $"deve essere una voce di equilibrio: {string.Join(", ", Items.Select(i => i.Italian))}");
        line.Amounts.Add(new LineAmount
        {
            Year = (int)(row.Integer("year") ?? 0),
            Stage = Parse(row.Text("stage"), StageByName, "line.amounts[0].stage", "deve essere Assestato, Previsione o Rendiconto"),
            Appropriation = Money(row, "appropriation"),
            Cash = Money(row, "cash"),
            Commitments = Money(row, "commitments"),
            Payments = Money(row, "payments"),
            Assessments = Money(row, "assessments"),
            Collections = Money(row, "collections"),
        });
        return new Item(row.Text("line_id") ?? "", line);
    }

    /// <summary>The cells of one amount of a line, in <see cref="Schema"/>'s order (what the import reads back).</summary>
    public static IReadOnlyList<object?> Cells(LineRow line, AmountRow amount) =>
    [
        line.LineId, Kinds.Single(k => k.Kind == line.KindValue).Italian, line.Titolo is { } t ? (long)t : null, line.Tipologia,
        line.Categoria, line.MissionCode, line.ProgrammeCode, line.Macroaggregato,
        line.BalanceItem is null ? null : Items.Single(i => i.Item.ToString() == line.BalanceItem).Italian,
        line.Description.Length == 0 ? null : line.Description, (long)amount.Year, StageText(amount.StageValue),
        amount.Appropriation, amount.Cash, amount.Commitments, amount.Payments, amount.Assessments, amount.Collections,
    ];

    private static string StageText(Stage stage) => Stages.Single(s => s.Stage == stage).Italian;

    /// <summary>A line id from the classification: <c>e1-101-1010100</c>, <c>s1-m9-p9-03-103</c>, <c>b-fpv-current</c>.</summary>
    private static string DerivedId(BudgetLine line) => line.Kind switch
    {
        BudgetLine.Types.Kind.Revenue => Join($"e{line.Titolo}", line.Tipologia, line.Categoria),
        BudgetLine.Types.Kind.Spending => Join($"s{line.Titolo}", Prefixed("m", line.MissionCode), Prefixed("p", line.ProgrammeCode),
            line.Macroaggregato),
        _ => "b-" + line.BalanceItem.ToString().ToLowerInvariant(),
    };

    private static string Join(params string[] parts) =>
        string.Join('-', parts.Where(p => p.Length > 0)).Replace('.', '-').ToLowerInvariant();

    private static string Prefixed(string prefix, string code) => code.Length == 0 ? "" : prefix + code;

    // The names a cell may give, folded as headers are (case, accents and punctuation ignored), once for every row.
    private static readonly Dictionary<string, BudgetLine.Types.Kind> KindByName = Folded(Kinds.Select(k => (k.Kind, k.Aliases.Prepend(k.Italian))));
    private static readonly Dictionary<string, Stage> StageByName = Folded(Stages.Select(s => (s.Stage, (IEnumerable<string>)[s.Italian, s.Stage.ToString()])));
    private static readonly Dictionary<string, BalanceItem> ItemByName = Folded(Items.Select(i => (i.Item, (IEnumerable<string>)[i.Italian, i.Item.ToString()])));

    private static Dictionary<string, T> Folded<T>(IEnumerable<(T Value, IEnumerable<string> Names)> choices) =>
        choices.SelectMany(c => c.Names.Select(n => (Name: HeaderText.Fold(n), c.Value))).DistinctBy(c => c.Name)
            .ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);

    private static T Parse<T>(string? text, Dictionary<string, T> byFoldedName, string field, string rule) =>
        byFoldedName.TryGetValue(HeaderText.Fold(text ?? ""), out var value) ? value
            : throw ApiErrors.InvalidArgument(field, text is null ? "è obbligatorio" : rule);


    /// <summary>The column a violation of the line rules names: <c>line.amounts[0].cash</c> is <c>cash</c>.</summary>
    private static string? ColumnOf(string field)
    {
        if (field == "line_id") return "line_id";
        var name = field.StartsWith("line.amounts[0].", StringComparison.Ordinal) ? field["line.amounts[0].".Length..]
            : field == "line.amounts" ? "appropriation"
            : field.StartsWith("line.", StringComparison.Ordinal) ? field["line.".Length..] : field;
        return Schema.Columns.Any(c => c.Name == name) ? name : null;
    }
}
