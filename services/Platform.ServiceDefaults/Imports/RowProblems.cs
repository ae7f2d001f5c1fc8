using Google.Rpc;
using Grpc.Core;
using Platform.Imports.V1;
using Platform.Spreadsheets.Import;
using Platform.Spreadsheets.Schema;

namespace Platform.ServiceDefaults.Imports;

/// <summary>A row the service's own rules refused, as problems located in the spreadsheet, in Italian.</summary>
public static class RowProblems
{
    public static IEnumerable<ImportProblem> From(RpcException refused, ImportRow row, TableSchema schema, Func<string, string?> columnOfField)
    {
        var code = CodeOf(refused.StatusCode);
        var violations = refused.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is not { Count: > 0 })
        {
            yield return Problem(code, row, null, null, refused.Status.Detail);
            yield break;
        }
        foreach (var violation in violations)
        {
            var column = columnOfField(violation.Field) is { } name ? schema.Columns[schema.IndexOf(name)] : null;
            var value = column is null ? null : row[column.Name]?.ToString();
            yield return Problem(code, row, column?.ItalianHeader, value, violation.Description);
        }
    }

    private static ImportProblem Problem(string code, ImportRow row, string? column, string? value, string english) => new()
    {
        Code = code, Sheet = row.Sheet ?? "", Row = row.RowNumber, Column = column ?? "",
        Value = Spreadsheets.Problems.ImportProblem.Clip(value) ?? "",
        Message = ItalianMessages.Translate(english) ?? english,
    };

    private static string CodeOf(StatusCode status) => status switch
    {
        StatusCode.AlreadyExists => "already_exists",
        StatusCode.NotFound => "not_found",
        StatusCode.FailedPrecondition => "failed_precondition",
        _ => "invalid_value",
    };
}
