using System.Collections.Concurrent;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Platform.Testing;

/// <summary>
/// Fails a statement that reads or writes a tenant table without its tenant predicate. Every table is a tenant
/// table except the migration journal: each SELECT, UPDATE and DELETE must compare <c>tenant_id</c> of every
/// table it names (in WHERE or a JOIN's ON), and each INSERT must write <c>tenant_id</c>. Statements are read
/// with SQL Server's own parser, so comments, strings and aliases cannot fool the check.
/// </summary>
public static class TenantScopeGuard
{
    private static readonly HashSet<string> SharedTables = new(StringComparer.OrdinalIgnoreCase) { "schema_migrations" };
    private static readonly ConcurrentDictionary<string, string?> Checked = new();

    /// <summary>What is unscoped in <paramref name="sql"/> (T-SQL), or null when every table is scoped.</summary>
    public static string? Check(string sql) => Checked.GetOrAdd(sql, static text =>
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        var fragment = parser.Parse(reader, out var errors);
        if (errors.Count > 0) return null; // reported as a syntax problem elsewhere
        var ctes = new CteCollector();
        fragment.Accept(ctes);
        var visitor = new Visitor(ctes.Names);
        fragment.Accept(visitor);
        return visitor.Problems.Count == 0 ? null : string.Join("; ", visitor.Problems);
    });

    private sealed class Visitor(HashSet<string> cteNames) : TSqlFragmentVisitor
    {
        public List<string> Problems { get; } = [];

        public override void ExplicitVisit(QuerySpecification node)
        {
            CheckScoped(node.FromClause?.TableReferences, node.WhereClause, "SELECT");
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(UpdateSpecification node)
        {
            var tables = node.FromClause?.TableReferences.ToList() ?? [];
            if (node.FromClause is null) tables.Add(node.Target);
            CheckScoped(tables, node.WhereClause, "UPDATE");
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(DeleteSpecification node)
        {
            var tables = node.FromClause?.TableReferences.ToList() ?? [];
            if (node.FromClause is null) tables.Add(node.Target);
            CheckScoped(tables, node.WhereClause, "DELETE");
            base.ExplicitVisit(node);
        }

        public override void ExplicitVisit(InsertSpecification node)
        {
            if (node.Target is NamedTableReference table && IsTenantTable(table)
                && !node.Columns.Any(c => IsTenantColumn(c.MultiPartIdentifier)))
                Problems.Add($"INSERT into {Name(table)} does not write tenant_id");
            base.ExplicitVisit(node);
        }

        private void CheckScoped(IEnumerable<TableReference>? tableReferences, WhereClause? where, string verb)
        {
            if (tableReferences is null) return;
            var tables = new List<NamedTableReference>();
            var conditions = new List<TSqlFragment>();
            if (where is not null) conditions.Add(where);
            foreach (var reference in tableReferences) Collect(reference, tables, conditions);
            var tenantTables = tables.Where(IsTenantTable).ToList();
            if (tenantTables.Count == 0) return;

            var columns = new ColumnCollector();
            foreach (var condition in conditions) condition.Accept(columns);
            foreach (var table in tenantTables)
            {
                var alias = table.Alias?.Value ?? Name(table);
                var scoped = columns.TenantColumns.Any(c => c.Count == 1 && tenantTables.Count == 1
                                                          || c.Count > 1 && string.Equals(c[^2].Value, alias, StringComparison.OrdinalIgnoreCase));
                if (!scoped) Problems.Add($"{verb} on {Name(table)} has no tenant_id predicate");
            }
        }

        private static void Collect(TableReference reference, List<NamedTableReference> tables, List<TSqlFragment> conditions)
        {
            switch (reference)
            {
                case NamedTableReference named:
                    tables.Add(named);
                    break;
                case QualifiedJoin join:
                    conditions.Add(join.SearchCondition);
                    Collect(join.FirstTableReference, tables, conditions);
                    Collect(join.SecondTableReference, tables, conditions);
                    break;
                case JoinTableReference join:
                    Collect(join.FirstTableReference, tables, conditions);
                    Collect(join.SecondTableReference, tables, conditions);
                    break;
            }
        }

        private bool IsTenantTable(NamedTableReference table) =>
            table.SchemaObject.SchemaIdentifier is null or { Value: "dbo" } && !SharedTables.Contains(Name(table))
            && !cteNames.Contains(Name(table)) && !Name(table).StartsWith('#');

        private static string Name(NamedTableReference table) => table.SchemaObject.BaseIdentifier.Value;
    }

    private static bool IsTenantColumn(MultiPartIdentifier? identifier) =>
        identifier?.Identifiers is { Count: > 0 } parts && string.Equals(parts[^1].Value, "tenant_id", StringComparison.OrdinalIgnoreCase);

    private sealed class CteCollector : TSqlFragmentVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.OrdinalIgnoreCase);

        public override void ExplicitVisit(CommonTableExpression node)
        {
            Names.Add(node.ExpressionName.Value);
            base.ExplicitVisit(node);
        }
    }

    private sealed class ColumnCollector : TSqlFragmentVisitor
    {
        public List<IList<Identifier>> TenantColumns { get; } = [];

        public override void ExplicitVisit(ColumnReferenceExpression node)
        {
            if (IsTenantColumn(node.MultiPartIdentifier)) TenantColumns.Add(node.MultiPartIdentifier.Identifiers);
        }
    }
}
