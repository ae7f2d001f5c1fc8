using Platform.Objectives.Objectives;
using CommonFieldChange = Platform.Common.V1.FieldChange;

namespace Platform.Objectives.Plans;

/// <summary>Snapshots of a plan with all its objectives (<c>plans/{plan}/versions/v{n}</c>) and their differences.</summary>
public sealed class VersionStore(Database database, AuditLog audit, TimeProvider clock)
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    private const string Columns = """
        tenant_id AS TenantId, plan_id AS PlanId, number AS Number, description, snapshot, created_at AS CreatedAt, created_by AS CreatedBy
        """;

    public static string FormatName(string planId, long number) => $"{PlanName.Format(planId)}/versions/v{number}";

    public static (string PlanId, int Number) ParseName(string? name, string field = "name")
    {
        var parts = name?.Split('/');
        if (parts is ["plans", var plan, "versions", var version] && ResourceIds.IsValid(plan)
            && version.Length > 1 && version[0] == 'v' && int.TryParse(version[1..], out var number) && number > 0
            && version == "v" + number)
            return (plan, number);
        throw ApiErrors.InvalidArgument(field, "must look like plans/{plan}/versions/v{n}");
    }

    public async Task<PlanVersion> CreateAsync(RequestIdentity who, string planId, string description, CancellationToken ct)
    {
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            // A version is a snapshot beside the tree: the tree and its etag stay as they are.
            var plan = await PlanStore.LoadForWriteAsync(connection, transaction, who, planId, null, ct, requireWritable: true,
                changesTree: false);
            var rows = await ObjectiveStore.LoadAllAsync(connection, transaction, who, planId, ct);
            var number = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COALESCE(MAX(number), 0) FROM plan_versions WHERE tenant_id = @TenantId AND plan_id = @PlanId",
                new { who.TenantId, PlanId = planId }, transaction, cancellationToken: ct)) + 1;
            var content = new PlanVersion { Plan = plan.ToProto(), Objectives = { rows.Select(r => r.ToProto()) } };
            var row = new VersionRow
            {
                TenantId = who.TenantId, PlanId = planId, Number = number, Description = description,
                Snapshot = JsonFormatter.Default.Format(content), CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = who.UserId,
            };
            await connection.InsertAsync(transaction, database.Dialect, """
                INSERT INTO plan_versions (tenant_id, plan_id, number, description, snapshot, created_at, created_by)
                VALUES (@TenantId, @PlanId, @Number, @Description, @Snapshot, @CreatedAt, @CreatedBy)
                """, row, FormatName(planId, number), ct);
            await audit.WriteAsync(connection, transaction, who, FormatName(planId, number), "create",
                AuditLog.Snapshot(new Dictionary<string, string?>
                {
                    ["description"] = description, ["objective_count"] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }), ct);
            return row.ToProto(full: true);
        }, ct);
    }

    public async Task<PlanVersion> GetAsync(RequestIdentity who, string planId, int number, CancellationToken ct)
    {
        var row = await database.QuerySingleOrDefaultAsync<VersionRow>(
            $"SELECT {Columns} FROM plan_versions WHERE tenant_id = @TenantId AND plan_id = @PlanId AND number = @Number",
            new { who.TenantId, PlanId = planId, Number = number }, ct);
        return row?.ToProto(full: true) ?? throw ApiErrors.NotFound(FormatName(planId, number));
    }

    public static string ListFingerprint(string planId) => Paging.Fingerprint("versions", planId);

    public async Task<Page<PlanVersion>> ListAsync(RequestIdentity who, string planId, PageRequest paging, CancellationToken ct)
    {
        var rows = await database.QueryAsync<VersionRow>($"""
            SELECT {Columns} FROM plan_versions
            WHERE tenant_id = @TenantId AND plan_id = @PlanId AND number > @After
            ORDER BY number
            {database.Dialect.Limit("@Limit")}
            """, new { who.TenantId, PlanId = planId, After = paging.AfterId, Limit = paging.PageSize + 1 }, ct);
        var page = Page<VersionRow>.From(rows, paging.PageSize, r => r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ListFingerprint(planId));
        return new Page<PlanVersion>(page.Items.Select(r => r.ToProto(full: false)).ToList(), page.NextPageToken);
    }

    /// <summary>Differences from <paramref name="baseVersion"/> to <paramref name="other"/> (both full snapshots).</summary>
    public static PlanVersionDiff Diff(PlanVersion baseVersion, PlanVersion other)
    {
        var diff = new PlanVersionDiff { Base = baseVersion.Name, Other = other.Name };
        diff.PlanChanges.AddRange(ToProto(AuditLog.Diff(PlanFields(baseVersion.Plan), PlanFields(other.Plan))));
        var before = baseVersion.Objectives.ToDictionary(o => o.Code, StringComparer.Ordinal);
        var after = other.Objectives.ToDictionary(o => o.Code, StringComparer.Ordinal);
        foreach (var code in after.Keys.Where(c => !before.ContainsKey(c)).Order(ObjectiveCodes.NaturalOrder))
            diff.Added.Add(after[code].Name);
        foreach (var code in before.Keys.Where(c => !after.ContainsKey(c)).Order(ObjectiveCodes.NaturalOrder))
            diff.Removed.Add(before[code].Name);
        foreach (var code in before.Keys.Where(after.ContainsKey).Order(ObjectiveCodes.NaturalOrder))
        {
            var changes = AuditLog.Diff(ObjectiveFields.Flatten(before[code]), ObjectiveFields.Flatten(after[code]));
            if (changes.Count > 0)
                diff.Changed.Add(new ObjectiveChange { Objective = after[code].Name, Changes = { ToProto(changes) } });
        }
        return diff;
    }

    private static IReadOnlyDictionary<string, string?> PlanFields(Plan plan) =>
        AuditValues.Of(plan, ["name", "etag", "create_time", "update_time", "update_user"]);

    private static IEnumerable<CommonFieldChange> ToProto(IEnumerable<FieldChange> changes) => changes.Select(c =>
    {
        var change = new CommonFieldChange { Field = c.Field };
        if (c.OldValue is not null) change.OldValue = c.OldValue;
        if (c.NewValue is not null) change.NewValue = c.NewValue;
        return change;
    });

    /// <summary>
    /// Read by property, not by constructor: SQLite describes the columns of an empty result by declared type
    /// only, which a positional constructor match cannot rely on.
    /// </summary>
    private sealed class VersionRow
    {
        public string TenantId { get; init; } = "";
        public string PlanId { get; init; } = "";
        public long Number { get; init; }
        public string Description { get; init; } = "";
        public string Snapshot { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";

        public PlanVersion ToProto(bool full)
        {
            var version = Parser.Parse<PlanVersion>(Snapshot);
            version.Name = FormatName(PlanId, Number);
            version.Description = Description;
            version.CreateTime = CreatedAt.ToTimestamp();
            version.CreateUser = CreatedBy;
            version.ObjectiveCount = version.Objectives.Count;
            if (!full) version.Objectives.Clear();
            return version;
        }
    }
}
