using System.Data.Common;
using Platform.Finance.Budgets;

namespace Platform.Finance.Lines;

/// <summary>Budget lines and their amounts, written in atomic batches; every statement scoped by tenant.</summary>
public sealed class LineStore(Database database, BudgetStore budgets, AuditLog audit)
{
    private const string LineColumns = """
        tenant_id AS TenantId, budget_id AS BudgetId, line_id AS LineId, kind, classification_key AS ClassificationKey,
        titolo, tipologia, categoria, mission_code AS MissionCode, programme_code AS ProgrammeCode, macroaggregato,
        balance_item AS BalanceItem, description
        """;

    private const string AmountColumns = """
        line_id AS LineId, year, stage, appropriation, cash, commitments, payments, assessments, collections
        """;

    /// <summary>
    /// Validates the whole batch against the budget as it is inside the transaction, then replaces the named
    /// lines (or all lines) and bumps the budget's etag. Any violation throws before anything is written.
    /// </summary>
    public async Task<BatchUpsertBudgetLinesResponse> BatchUpsertAsync(RequestIdentity who, string budgetId,
        BatchUpsertBudgetLinesRequest request, CancellationToken ct)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var budget = await budgets.LoadForWriteAsync(connection, transaction, who, budgetId, request.Etag, ct);
            // Shape, classification and amounts are checked together so a client sees every mistake at once.
            var validator = new RequestValidator();
            LineValidation.ValidateShape(request, validator);
            var written = new List<LineRow>();
            var entryOf = new List<int>();
            for (var i = 0; i < request.Entries.Count; i++)
            {
                var entry = request.Entries[i];
                if (entry.Line is null) continue;
                var amounts = LineValidation.ParseAmounts(entry.LineId, entry.Line, budget, validator, $"entries[{i}].line");
                written.Add(LineRow.From(who.TenantId, budgetId, entry.LineId, entry.Line, amounts));
                entryOf.Add(i);
            }
            validator.ThrowIfInvalid();

            if (request.ReplaceAll)
            {
                var scope = new { who.TenantId, BudgetId = budgetId };
                await Execute(connection, transaction, "DELETE FROM budget_line_amounts WHERE tenant_id = @TenantId AND budget_id = @BudgetId", scope, ct);
                await Execute(connection, transaction, "DELETE FROM budget_lines WHERE tenant_id = @TenantId AND budget_id = @BudgetId", scope, ct);
            }
            foreach (var (index, message) in await WriteAsync(connection, transaction, who, budgetId, written, new HashSet<string>(), ct))
                validator.Add($"entries[{entryOf[index]}].line", message);
            validator.ThrowIfInvalid();

            var next = await budgets.BumpVersionAsync(connection, transaction, who, budget, ct);
            await AuditAsync(connection, transaction, who, budget, "batch_upsert", written, request.ReplaceAll, ct);
            var response = new BatchUpsertBudgetLinesResponse { Etag = Etags.Format(next.Version) };
            response.Lines.AddRange(written.Select(l => l.ToProto()));
            return response;
        }, ct);
    }

    /// <summary>One audit event for a set of written lines, on the budget's <c>/lines</c>.</summary>
    public Task AuditAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, BudgetRow budget, string action,
        IEnumerable<LineRow> written, bool replaceAll, CancellationToken ct) =>
        audit.WriteAsync(connection, transaction, who, budget.ResourceName + "/lines", action,
        [
            new FieldChange("lines", null, string.Join(",", written.Select(l => l.LineId).Distinct())),
            new FieldChange("replace_all", null, replaceAll ? "true" : "false"),
        ], ct);

    /// <summary>
    /// Checks checked lines against the budget's other lines and stores them, set-based: a line not in
    /// <paramref name="started"/> replaces the stored line of its id (its first row carries the line), every row
    /// adds its amounts. The checks (a classification owned by another line, a titolo counted at two levels)
    /// read only the lines that could clash, grouped, so a batch costs the same whatever the budget's size.
    /// Nothing is written when a row is refused; the refusals name the rows (index in <paramref name="rows"/>).
    /// </summary>
    public async Task<IReadOnlyList<(int Index, string Message)>> WriteAsync(DbConnection connection, DbTransaction transaction,
        RequestIdentity who, string budgetId, IReadOnlyList<LineRow> rows, ISet<string> started, CancellationToken ct)
    {
        var fresh = rows.Select(r => r.LineId).Where(id => !started.Contains(id)).Distinct().ToList();
        var scope = new { who.TenantId, BudgetId = budgetId };
        foreach (var ids in fresh.Chunk(InChunk))
        {
            await Execute(connection, transaction, "DELETE FROM budget_line_amounts WHERE tenant_id = @TenantId AND budget_id = @BudgetId AND line_id IN @Ids",
                new { scope.TenantId, scope.BudgetId, Ids = ids }, ct);
            await Execute(connection, transaction, "DELETE FROM budget_lines WHERE tenant_id = @TenantId AND budget_id = @BudgetId AND line_id IN @Ids",
                new { scope.TenantId, scope.BudgetId, Ids = ids }, ct);
        }

        var refusals = new List<(int, string)>();
        var isFresh = fresh.ToHashSet();
        var owners = await OwnersAsync(connection, transaction, who, budgetId,
            rows.Where(r => isFresh.Contains(r.LineId)).Select(r => r.ClassificationKey).Distinct().ToList(), InChunk, ct);
        var index = await GranularityAsync(connection, transaction, who, budgetId, GranularityIndex.ClashKeys(rows), ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!owners.TryAdd(row.ClassificationKey, row.LineId) && owners[row.ClassificationKey] != row.LineId)
                refusals.Add((i, $"has the same classification as line '{owners[row.ClassificationKey]}'"));
            else if (index.Conflict(row) is { } conflict)
                refusals.Add((i, conflict));
            index.Add(row);
        }
        if (refusals.Count > 0) return refusals;

        var firsts = rows.Where(r => isFresh.Contains(r.LineId)).DistinctBy(r => r.LineId).ToList();
        await connection.ExecuteAsync(transaction, database.Dialect, "budget_lines", LineInsertColumns, firsts, l =>
            [l.TenantId, l.BudgetId, l.LineId, l.Kind, l.ClassificationKey, l.Titolo, l.Tipologia, l.Categoria, l.MissionCode,
             l.ProgrammeCode, l.Macroaggregato, l.BalanceItem, l.Description], ct);
        await connection.ExecuteAsync(transaction, database.Dialect, "budget_line_amounts", AmountInsertColumns,
            rows.SelectMany(r => r.Amounts).ToList(), a =>
            [who.TenantId, budgetId, a.LineId, a.Year, a.Stage, a.Appropriation, a.Cash, a.Commitments, a.Payments, a.Assessments, a.Collections], ct);
        started.UnionWith(fresh);
        return refusals;
    }

    /// <summary>Ids per statement in <c>IN @Ids</c> lists: the dialect's parameter limit (SQLite binds many slowly).</summary>
    private int InChunk => database.Dialect.MaxParameters;

    private static readonly string[] LineInsertColumns =
    [
        "tenant_id", "budget_id", "line_id", "kind", "classification_key", "titolo", "tipologia", "categoria",
        "mission_code", "programme_code", "macroaggregato", "balance_item", "description",
    ];

    private static readonly string[] AmountInsertColumns =
    [
        "tenant_id", "budget_id", "line_id", "year", "stage", "appropriation", "cash", "commitments", "payments", "assessments", "collections",
    ];

    /// <summary>The stored lines that own any of <paramref name="keys"/>: classification key to line id.</summary>
    private static async Task<Dictionary<string, string>> OwnersAsync(DbConnection connection, DbTransaction transaction,
        RequestIdentity who, string budgetId, IReadOnlyList<string> keys, int chunkSize, CancellationToken ct)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(chunkSize))
            foreach (var owner in await connection.QueryAsync<(string Key, string LineId)>(new CommandDefinition("""
                SELECT classification_key, line_id FROM budget_lines
                WHERE tenant_id = @TenantId AND budget_id = @BudgetId AND classification_key IN @Keys
                """, new { who.TenantId, BudgetId = budgetId, Keys = chunk }, transaction, cancellationToken: ct)))
                owners[owner.Key] = owner.LineId;
        return owners;
    }

    /// <summary>
    /// The stored spending lines at each of <paramref name="keys"/> (least and greatest id): one indexed look-up
    /// per key, so the check reads what the batch could clash with, not the budget.
    /// </summary>
    private static async Task<GranularityIndex> GranularityAsync(DbConnection connection, DbTransaction transaction,
        RequestIdentity who, string budgetId, IReadOnlyCollection<GranularityIndex.Key> keys, CancellationToken ct)
    {
        var index = new GranularityIndex();
        foreach (var key in keys)
        {
            var any = key.Mission == GranularityIndex.AnyMission;
            var level = key.Level switch
            {
                "titolo" => "l.mission_code IS NULL",
                "mission" => (any ? "l.mission_code IS NOT NULL" : "l.mission_code = @Mission") + " AND l.programme_code IS NULL",
                _ => any ? "l.programme_code IS NOT NULL" : "l.mission_code = @Mission AND l.programme_code IS NOT NULL",
            };
            var found = await connection.QuerySingleAsync<(string? LeastId, string? GreatestId)>(new CommandDefinition($"""
                SELECT MIN(l.line_id) AS LeastId, MAX(l.line_id) AS GreatestId
                FROM budget_lines l
                JOIN budget_line_amounts a ON a.tenant_id = l.tenant_id AND a.budget_id = l.budget_id AND a.line_id = l.line_id
                WHERE l.tenant_id = @TenantId AND l.budget_id = @BudgetId AND l.kind = 'Spending' AND l.titolo = @Titolo
                  AND {level} AND a.year = @Year AND a.stage = @Stage
                """, new { who.TenantId, BudgetId = budgetId, key.Titolo, key.Mission, key.Year, key.Stage }, transaction, cancellationToken: ct));
            if (found is { LeastId: { } least, GreatestId: { } greatest }) index.AddStored(key, least, greatest);
        }
        return index;
    }

    /// <summary>One page of a budget's lines matching the filter, ordered by line id.</summary>
    public async Task<Page<BudgetLine>> ListAsync(RequestIdentity who, string budgetId, ListBudgetLinesRequest filter,
        PageRequest paging, string fingerprint, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = (await connection.QueryAsync<LineRow>(new CommandDefinition($"""
            SELECT {LineColumns} FROM budget_lines
            WHERE tenant_id = @TenantId AND budget_id = @BudgetId
              AND (@Kind = '' OR kind = @Kind) AND (@Titolo = 0 OR titolo = @Titolo)
              AND (@Mission = '' OR mission_code = @Mission) AND (@Programme = '' OR programme_code = @Programme)
              AND (@After IS NULL OR line_id > @After)
            ORDER BY line_id
            {database.Dialect.Limit("@Limit")}
            """, new
            {
                who.TenantId, BudgetId = budgetId, Titolo = filter.Titolo, Mission = filter.MissionCode, Programme = filter.ProgrammeCode,
                Kind = filter.Kind == BudgetLine.Types.Kind.Unspecified ? "" : filter.Kind.ToString(), paging.After,
                Limit = paging.PageSize + 1,
            }, cancellationToken: ct))).ToList();
        var page = Page<LineRow>.From(rows, paging.PageSize, l => l.LineId, fingerprint);
        var amounts = (await connection.QueryAsync<AmountRow>(new CommandDefinition(
            $"SELECT {AmountColumns} FROM budget_line_amounts WHERE tenant_id = @TenantId AND budget_id = @BudgetId AND line_id IN @Ids",
            new { who.TenantId, BudgetId = budgetId, Ids = page.Items.Select(l => l.LineId).ToList() }, cancellationToken: ct)))
            .ToLookup(a => a.LineId);
        return new Page<BudgetLine>(page.Items.Select(l => (l with { Amounts = amounts[l.LineId].ToList() }).ToProto()).ToList(),
            page.NextPageToken);
    }

    /// <summary>Every line of a budget with its amounts, ordered by line id.</summary>
    public async Task<Ledger> LedgerAsync(RequestIdentity who, string budgetId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return new Ledger(await LoadLinesAsync(connection, null, who, budgetId, ct));
    }

    public async Task<Ledger> LedgerAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, string budgetId,
        CancellationToken ct) =>
        new(await LoadLinesAsync(connection, transaction, who, budgetId, ct));

    private static async Task<List<LineRow>> LoadLinesAsync(DbConnection connection, DbTransaction? transaction,
        RequestIdentity who, string budgetId, CancellationToken ct)
    {
        var scope = new { who.TenantId, BudgetId = budgetId };
        var lines = await connection.QueryAsync<LineRow>(new CommandDefinition(
            $"SELECT {LineColumns} FROM budget_lines WHERE tenant_id = @TenantId AND budget_id = @BudgetId ORDER BY line_id",
            scope, transaction, cancellationToken: ct));
        var amounts = (await connection.QueryAsync<AmountRow>(new CommandDefinition(
            $"SELECT {AmountColumns} FROM budget_line_amounts WHERE tenant_id = @TenantId AND budget_id = @BudgetId",
            scope, transaction, cancellationToken: ct))).ToLookup(a => a.LineId);
        return lines.Select(l => l with { Amounts = amounts[l.LineId].ToList() }).ToList();
    }

    private static Task Execute(DbConnection connection, DbTransaction transaction, string sql, object args, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: ct));
}
