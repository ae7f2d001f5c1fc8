using Platform.Spreadsheets.Schema;
using static Platform.Spreadsheets.Schema.ColumnDefinition;

namespace Platform.Spreadsheets.Tests;

/// <summary>A budget-like file of every column kind, as a service would declare it.</summary>
internal static class TestSchemas
{
    public static readonly TableSchema Budget = new(
        RequiredColumn("code", ColumnKind.Code, "Codice", "Code"),
        RequiredColumn("year", ColumnKind.Integer, "Anno", "Year"),
        OptionalColumn("description", ColumnKind.Text, "Descrizione", "Description"),
        OptionalColumn("mission", ColumnKind.Code, "Missione", "Mission"),
        OptionalColumn("programme", ColumnKind.Code, "Programma", "Programme", "Program"),
        OptionalColumn("amount", ColumnKind.Money, "Importo", "Amount", "Stanziamento"),
        OptionalColumn("target", ColumnKind.Decimal, "Target", "Target value", "Valore atteso"),
        OptionalColumn("actual", ColumnKind.Decimal, "Consuntivo", "Actual"),
        OptionalColumn("due", ColumnKind.Date, "Scadenza", "Due date"),
        OptionalColumn("owner", ColumnKind.Text, "Responsabile politico", "Political owner"),
        OptionalColumn("cup", ColumnKind.Code, "CUP", "CUP code"));
}
