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
            for (var i = 0; i < request.Entries.Count; i++)
            {
                var entry = request.Entries[i];
                if (entry.Line is null) continue;
                var amounts = LineValidation.ParseAmounts(entry.LineId, entry.Line, budget, validator, $"entries[{i}].line");
                written.Add(LineRow.From(who.TenantId, budgetId, entry.LineId, entry.Line, amounts));
            }

            var existing = request.ReplaceAll ? [] : (await LoadLinesAsync(connection, transaction, who, budgetId, ct))
                .Where(l => written.All(w => w.LineId != l.LineId)).ToList();
            validator.ThrowIfInvalid();
            var owners = existing.ToDictionary(l => l.ClassificationKey, l => l.LineId);
            for (var i = 0; i < written.Count; i++)
                if (!owners.TryAdd(written[i].ClassificationKey, written[i].LineId))
                    validator.Add($"entries[{i}].line", $"has the same classification as line '{owners[written[i].ClassificationKey]}'");
            LineValidation.CheckGranularity(written, existing, validator);
            validator.ThrowIfInvalid();

            var scope = new { who.TenantId, BudgetId = budgetId };
            if (request.ReplaceAll)
            {
                await Execute(connection, transaction, "DELETE FROM budget_line_amounts WHERE tenant_id = @TenantId AND budget_id = @BudgetId", scope, ct);
                await Execute(connection, transaction, "DELETE FROM budget_lines WHERE tenant_id = @TenantId AND budget_id = @BudgetId", scope, ct);
            }
            foreach (var line in written)
            {
                var key = new { who.TenantId, BudgetId = budgetId, line.LineId };
                await Execute(connection, transaction, "DELETE FROM budget_line_amounts WHERE tenant_id = @TenantId AND budget_id = @BudgetId AND line_id = @LineId", key, ct);
                await Execute(connection, transaction, "DELETE FROM budget_lines WHERE tenant_id = @TenantId AND budget_id = @BudgetId AND line_id = @LineId", key, ct);
            }
            foreach (var line in written)
            {
                await Execute(connection, transaction, """
                    INSERT INTO budget_lines (tenant_id, budget_id, line_id, kind, classification_key, titolo, tipologia, categoria,
                                              mission_code, programme_code, macroaggregato, balance_item, description)
                    VALUES (@TenantId, @BudgetId, @LineId, @Kind, @ClassificationKey, @Titolo, @Tipologia, @Categoria,
                            @MissionCode, @ProgrammeCode, @Macroaggregato, @BalanceItem, @Description)
                    """, line, ct);
                foreach (var amount in line.Amounts)
                    await Execute(connection, transaction, """
                        INSERT INTO budget_line_amounts (tenant_id, budget_id, line_id, year, stage, appropriation, cash,
                                                         commitments, payments, assessments, collections)
                        VALUES (@TenantId, @BudgetId, @LineId, @Year, @Stage, @Appropriation, @Cash,
                                @Commitments, @Payments, @Assessments, @Collections)
                        """, new
                        {
                            who.TenantId, BudgetId = budgetId, amount.LineId, amount.Year, amount.Stage, amount.Appropriation,
                            amount.Cash, amount.Commitments, amount.Payments, amount.Assessments, amount.Collections,
                        }, ct);
            }
            var next = await budgets.BumpVersionAsync(connection, transaction, who, budget, ct);
            await audit.WriteAsync(connection, transaction, who, budget.ResourceName + "/lines", "batch_upsert",
            [
                new FieldChange("lines", null, string.Join(",", written.Select(l => l.LineId))),
                new FieldChange("replace_all", null, request.ReplaceAll ? "true" : "false"),
            ], ct);
            var response = new BatchUpsertBudgetLinesResponse { Etag = Etags.Format(next.Version) };
            response.Lines.AddRange(written.Select(l => l.ToProto()));
            return response;
        }, ct);
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
