using System.Data.Common;
using Platform.Objectives.Client;

namespace Platform.Finance.Investments;

/// <summary>Investments and PNRR projects of one tenant; linked objectives checked with the Objectives service.</summary>
public sealed class InvestmentStore(Database database, AuditLog audit, TimeProvider clock, ObjectivesLookup objectives)
{
    private const string Columns = """
        tenant_id AS TenantId, investment_id AS InvestmentId, cup, title, pnrr_measure AS PnrrMeasure, pnrr_mission AS PnrrMission,
        pnrr_component AS PnrrComponent, pnrr_investment AS PnrrInvestment, total_cost AS TotalCost, start_text AS StartText,
        end_text AS EndText, funding_body AS FundingBody, sector, state, objectives, flags, listings, version,
        created_at AS CreatedAt, created_by AS CreatedBy, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        """;

    public static string ListFingerprint(string mission) => Paging.Fingerprint("investments", mission);

    /// <summary>Validates every entry (and its objectives), then writes all of them in one transaction or none.</summary>
    public async Task<IReadOnlyList<Investment>> CreateManyAsync(RequestIdentity who, IReadOnlyList<CreateInvestmentRequest> requests,
        bool lenient, bool single, CancellationToken ct)
    {
        var validator = new RequestValidator();
        var rows = new List<InvestmentRow>();
        var ids = new HashSet<string>();
        validator.Check(requests.Count > 0, "investments", "must contain at least one investment");
        for (var k = 0; k < requests.Count; k++)
        {
            var prefix = single ? "" : $"investments[{k}].";
            var row = InvestmentValidation.Check(requests[k].InvestmentId, requests[k].Investment, lenient, validator,
                prefix + "investment_id", prefix + "investment");
            if (row is null) continue;
            if (!validator.Check(ids.Add(row.InvestmentId), prefix + "investment_id", $"'{row.InvestmentId}' appears twice")) continue;
            rows.Add(row);
        }
        validator.ThrowIfInvalid();

        var missing = await MissingObjectivesAsync(rows, ct);
        for (var k = 0; k < requests.Count; k++)
        {
            var investment = requests[k].Investment;
            for (var j = 0; j < investment.Objectives.Count; j++)
                if (missing.Contains(investment.Objectives[j]))
                    validator.Add($"{(single ? "" : $"investments[{k}].")}investment.objectives[{j}]",
                        $"{investment.Objectives[j]} does not exist in the Objectives service");
        }
        validator.ThrowIfInvalid();

        return await database.InTransactionAsync((connection, transaction) => InsertAsync(connection, transaction, who, rows, ct), ct);
    }

    /// <summary>The linked objectives of checked investments that the Objectives service does not have.</summary>
    public Task<IReadOnlySet<string>> MissingObjectivesAsync(IEnumerable<InvestmentRow> rows, CancellationToken ct) =>
        objectives.MissingAsync(rows.SelectMany(r => Lines(r.Objectives)), ct);

    /// <summary>Which of <paramref name="ids"/> the tenant has already, inside the caller's transaction.</summary>
    public static async Task<IReadOnlySet<string>> ExistingAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        IReadOnlyList<string> ids, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
            found.UnionWith(await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT investment_id FROM investments WHERE tenant_id = @TenantId AND investment_id IN @Ids",
                new { who.TenantId, Ids = chunk }, transaction, cancellationToken: ct)));
        return found;
    }

    /// <summary>Creates checked investments with their years and audit, in the caller's transaction (the API's and the import's write).</summary>
    public async Task<IReadOnlyList<Investment>> InsertAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who,
        IReadOnlyList<InvestmentRow> checkedRows, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = checkedRows.Select(r => r with
        {
            TenantId = who.TenantId, Version = 1, CreatedAt = now, CreatedBy = who.UserId, UpdatedAt = now, UpdatedBy = who.UserId,
        }).ToList();
        foreach (var row in rows)
        {
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO investments (tenant_id, investment_id, cup, title, pnrr_measure, pnrr_mission, pnrr_component,
                    pnrr_investment, total_cost, start_text, end_text, funding_body, sector, state, objectives, flags, listings, version,
                    created_at, created_by, updated_at, updated_by)
                VALUES (@TenantId, @InvestmentId, @Cup, @Title, @PnrrMeasure, @PnrrMission, @PnrrComponent,
                    @PnrrInvestment, @TotalCost, @StartText, @EndText, @FundingBody, @Sector, @State, @Objectives, @Flags, @Listings, @Version,
                    @CreatedAt, @CreatedBy, @UpdatedAt, @UpdatedBy)
                """, row, row.ResourceName, ct);
            await WriteYearsAsync(connection, transaction, who, row, ct);
            await audit.WriteAsync(connection, transaction, who, row.ResourceName, "create",
                AuditLog.Snapshot(row.AuditFields().Where(f => f.Value is not null).ToDictionary()), ct);
        }
        return rows.Select(r => r.ToProto()).ToList();
    }

    /// <summary>
    /// Applies the masked fields to the stored investment and checks the result as a create would (strictly;
    /// a CUP or measure flagged by a lenient import and left untouched stays flagged). Linked objectives are
    /// asked of the Objectives service only when they change. Nothing is written unless everything passes; the
    /// write is guarded by the version read, so a concurrent change is ABORTED like a stale etag.
    /// </summary>
    public async Task<Investment> UpdateAsync(RequestIdentity who, string investmentId, Investment changes, IReadOnlySet<string> paths,
        CancellationToken ct)
    {
        InvestmentRow Build(InvestmentRow current)
        {
            var merged = current.ToProto();
            UpdateMasks.Apply(merged, changes, paths);
            var validator = new RequestValidator();
            var keepFlagged = new HashSet<string>(["cup", "pnrr_measure"], StringComparer.Ordinal);
            keepFlagged.ExceptWith(paths);
            var row = InvestmentValidation.Check(investmentId, merged, lenient: false, validator, "investment.name", "investment", keepFlagged);
            validator.ThrowIfInvalid();
            return row! with
            {
                TenantId = who.TenantId, Version = current.Version + 1, CreatedAt = current.CreatedAt, CreatedBy = current.CreatedBy,
                UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = who.UserId,
            };
        }

        // Links are checked with the Objectives service before the write transaction, never inside it: the
        // objectives a client sends are the same whatever the stored version, and stored links were checked.
        InvestmentRow read;
        await using (var connection = await database.OpenAsync(ct))
            read = await LoadOneAsync(connection, null, who, investmentId, ct);
        Etags.Check(changes.Etag, read.Version, read.ResourceName);
        var planned = Build(read);
        var sent = Lines(planned.Objectives);
        var added = sent.Except(Lines(read.Objectives)).ToList();
        var missing = added.Count > 0 ? await objectives.MissingAsync(added, ct) : new HashSet<string>();
        var linkErrors = new RequestValidator();
        for (var j = 0; j < sent.Count; j++)
            if (missing.Contains(sent[j]))
                linkErrors.Add($"investment.objectives[{j}]", $"{sent[j]} does not exist in the Objectives service");
        linkErrors.ThrowIfInvalid();

        var next = await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.LockRowAsync(transaction, "investments", "investment_id", who.TenantId, investmentId, ct);
            var current = await LoadOneAsync(connection, transaction, who, investmentId, ct);
            Etags.Check(changes.Etag, current.Version, current.ResourceName);
            var next = Build(current);
            await connection.ExecuteVersionedAsync(transaction, """
                UPDATE investments SET cup = @Cup, title = @Title, pnrr_measure = @PnrrMeasure, pnrr_mission = @PnrrMission,
                    pnrr_component = @PnrrComponent, pnrr_investment = @PnrrInvestment, total_cost = @TotalCost,
                    start_text = @StartText, end_text = @EndText, funding_body = @FundingBody, sector = @Sector, state = @State,
                    objectives = @Objectives, flags = @Flags, listings = @Listings, version = @Version, updated_at = @UpdatedAt, updated_by = @UpdatedBy
                WHERE tenant_id = @TenantId AND investment_id = @InvestmentId AND version = @Version - 1
                """, next, next.ResourceName, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM investment_years WHERE tenant_id = @TenantId AND investment_id = @InvestmentId",
                new { who.TenantId, InvestmentId = investmentId }, transaction, cancellationToken: ct));
            await WriteYearsAsync(connection, transaction, who, next, ct);
            await audit.WriteAsync(connection, transaction, who, next.ResourceName, "update",
                AuditLog.Diff(current.AuditFields(), next.AuditFields()), ct);
            return next;
        }, ct);
        return next.ToProto();
    }

    private static List<string> Lines(string joined) => joined.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>Deletes an investment and its years; the audit event keeps every field's last value.</summary>
    public async Task DeleteAsync(RequestIdentity who, string investmentId, string? etag, CancellationToken ct)
    {
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var current = await LoadOneAsync(connection, transaction, who, investmentId, ct);
            Etags.Check(etag, current.Version, current.ResourceName);
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM investment_years WHERE tenant_id = @TenantId AND investment_id = @InvestmentId",
                new { who.TenantId, InvestmentId = investmentId }, transaction, cancellationToken: ct));
            await connection.ExecuteVersionedAsync(transaction,
                "DELETE FROM investments WHERE tenant_id = @TenantId AND investment_id = @InvestmentId AND version = @Version",
                current, current.ResourceName, ct);
            await audit.WriteAsync(connection, transaction, who, current.ResourceName, "delete",
                AuditLog.Snapshot(current.AuditFields().Where(f => f.Value is not null).ToDictionary(), deleted: true), ct);
            return current;
        }, ct);
    }

    public async Task<Investment> GetAsync(RequestIdentity who, string investmentId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await LoadOneAsync(connection, null, who, investmentId, ct)).ToProto();
    }

    /// <summary>One page, filtered and limited in SQL; years read for the page's investments only.</summary>
    public async Task<Page<Investment>> ListAsync(RequestIdentity who, string mission, PageRequest paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<InvestmentRow>($"""
            SELECT {Columns} FROM investments
            WHERE tenant_id = @TenantId AND (@Mission = '' OR pnrr_mission = @Mission) AND (@After IS NULL OR investment_id > @After)
            ORDER BY investment_id
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, Mission = mission, paging.After, Limit = paging.PageSize + 1 }, ct);
        var page = Page<InvestmentRow>.From(rows, paging.PageSize, r => r.InvestmentId, ListFingerprint(mission));
        var years = (await database.QueryAsync<InvestmentYearRow>("""
            SELECT investment_id AS InvestmentId, year, pnrr_contribution AS PnrrContribution, cofinancing
            FROM investment_years WHERE tenant_id = @TenantId AND investment_id IN @Ids
            """, new { who.TenantId, Ids = page.Items.Select(r => r.InvestmentId).ToList() }, ct)).ToLookup(y => y.InvestmentId);
        return new Page<Investment>(page.Items.Select(r => (r with { Years = years[r.InvestmentId].ToList() }).ToProto()).ToList(),
            page.NextPageToken);
    }

    /// <summary>Totals of cost, PNRR contribution and co-financing by PNRR mission and by component.</summary>
    public async Task<SummarizeInvestmentsResponse> SummarizeAsync(RequestIdentity who, CancellationToken ct)
    {
        var all = await LoadAllAsync(who, ct);
        var response = new SummarizeInvestmentsResponse { GrandTotal = Total("", "", all) };
        response.Missions.AddRange(all.GroupBy(r => r.PnrrMission ?? "").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Total(g.Key, "", g.ToList())));
        response.Components.AddRange(all.GroupBy(r => (Mission: r.PnrrMission ?? "", Component: r.PnrrComponent ?? ""))
            .OrderBy(g => g.Key.Mission, StringComparer.Ordinal).ThenBy(g => g.Key.Component, StringComparer.Ordinal)
            .Select(g => Total(g.Key.Mission, g.Key.Component, g.ToList())));
        return response;
    }

    private static InvestmentTotal Total(string mission, string component, IReadOnlyCollection<InvestmentRow> rows) => new()
    {
        PnrrMission = mission, PnrrComponent = component, Count = rows.Count,
        TotalCost = Decimals.Format(rows.Sum(r => r.TotalCost), 2),
        PnrrContribution = Decimals.Format(rows.Sum(r => r.TotalContribution), 2),
        Cofinancing = Decimals.Format(rows.Sum(r => r.TotalCofinancing), 2),
    };

    /// <summary>The investments linked to any of <paramref name="objectiveNames"/>, by name.</summary>
    public async Task<IReadOnlyList<Investment>> LinkedToAsync(RequestIdentity who, IReadOnlyCollection<string> objectiveNames,
        CancellationToken ct)
    {
        var wanted = objectiveNames.ToHashSet(StringComparer.Ordinal);
        return (await LoadAllAsync(who, ct)).Where(r => Lines(r.Objectives).Any(wanted.Contains))
            .OrderBy(r => r.InvestmentId, StringComparer.Ordinal).Select(r => r.ToProto()).ToList();
    }

    /// <summary>Every investment of the tenant with its years (for totals), in two queries.</summary>
    public async Task<IReadOnlyList<InvestmentRow>> LoadAllAsync(RequestIdentity who, CancellationToken ct)
    {
        var args = new { who.TenantId };
        var rows = await database.QueryAsync<InvestmentRow>($"SELECT {Columns} FROM investments WHERE tenant_id = @TenantId", args, ct);
        var years = (await database.QueryAsync<InvestmentYearRow>("""
            SELECT investment_id AS InvestmentId, year, pnrr_contribution AS PnrrContribution, cofinancing
            FROM investment_years WHERE tenant_id = @TenantId
            """, args, ct)).ToLookup(y => y.InvestmentId);
        return rows.Select(r => r with { Years = years[r.InvestmentId].ToList() }).ToList();
    }

    /// <summary>One investment with its years, on the caller's connection (and transaction); NOT_FOUND when absent.</summary>
    private static async Task<InvestmentRow> LoadOneAsync(DbConnection connection, DbTransaction? transaction, RequestIdentity who,
        string investmentId, CancellationToken ct)
    {
        var args = new { who.TenantId, InvestmentId = investmentId };
        var row = await connection.QuerySingleOrDefaultAsync<InvestmentRow>(new CommandDefinition(
                $"SELECT {Columns} FROM investments WHERE tenant_id = @TenantId AND investment_id = @InvestmentId",
                args, transaction, cancellationToken: ct))
            ?? throw ApiErrors.NotFound(InvestmentName.Format(investmentId));
        var years = await connection.QueryAsync<InvestmentYearRow>(new CommandDefinition("""
            SELECT investment_id AS InvestmentId, year, pnrr_contribution AS PnrrContribution, cofinancing
            FROM investment_years WHERE tenant_id = @TenantId AND investment_id = @InvestmentId
            """, args, transaction, cancellationToken: ct));
        return row with { Years = years.ToList() };
    }

    /// <summary>The yearly amounts of an investment, in one statement (Dapper runs it once per year row).</summary>
    private static Task WriteYearsAsync(DbConnection connection, DbTransaction transaction, RequestIdentity who, InvestmentRow row,
        CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO investment_years (tenant_id, investment_id, year, pnrr_contribution, cofinancing)
            VALUES (@TenantId, @InvestmentId, @Year, @PnrrContribution, @Cofinancing)
            """, row.Years.Select(y => new { who.TenantId, row.InvestmentId, y.Year, y.PnrrContribution, y.Cofinancing }).ToList(),
            transaction, cancellationToken: ct));
}
