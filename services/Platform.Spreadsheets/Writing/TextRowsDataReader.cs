using System.Collections;
using System.Collections.ObjectModel;
using System.Data.Common;

namespace Platform.Spreadsheets.Writing;

/// <summary>
/// Rows of already formatted text seen as a forward-only <see cref="DbDataReader"/>, the shape Sylvan's
/// <c>CsvDataWriter</c> writes from. Only the members a writer uses are meaningful; every field is a string.
/// </summary>
internal sealed class TextRowsDataReader(IReadOnlyList<string> headers, IAsyncEnumerator<string[]> rows) : DbDataReader, IDbColumnSchemaGenerator
{
    private string[] current = [];

    public override async Task<bool> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!await rows.MoveNextAsync()) return false;
        current = rows.Current;
        return true;
    }

    public override bool Read() => ReadAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override int FieldCount => headers.Count;
    public override string GetName(int ordinal) => headers[ordinal];
    public override int GetOrdinal(string name) => headers.ToList().IndexOf(name);
    public override Type GetFieldType(int ordinal) => typeof(string);
    public override string GetDataTypeName(int ordinal) => "string";
    public override string GetString(int ordinal) => current[ordinal];
    public override object GetValue(int ordinal) => current[ordinal];
    public override bool IsDBNull(int ordinal) => false;
    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, current.Length);
        Array.Copy(current, values, count);
        return count;
    }

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override bool HasRows => true;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override int Depth => 0;
    public override bool NextResult() => false;
    public override IEnumerator GetEnumerator() => new DbEnumerator(this);

    public override bool GetBoolean(int ordinal) => throw OnlyText();
    public override byte GetByte(int ordinal) => throw OnlyText();
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw OnlyText();
    public override char GetChar(int ordinal) => throw OnlyText();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw OnlyText();
    public override DateTime GetDateTime(int ordinal) => throw OnlyText();
    public override decimal GetDecimal(int ordinal) => throw OnlyText();
    public override double GetDouble(int ordinal) => throw OnlyText();
    public override float GetFloat(int ordinal) => throw OnlyText();
    public override Guid GetGuid(int ordinal) => throw OnlyText();
    public override short GetInt16(int ordinal) => throw OnlyText();
    public override int GetInt32(int ordinal) => throw OnlyText();
    public override long GetInt64(int ordinal) => throw OnlyText();

    /// <summary>What the writer asks first: every column a non-null string.</summary>
    public ReadOnlyCollection<DbColumn> GetColumnSchema() => headers.Select((name, i) => (DbColumn)new TextColumn(name, i)).ToList().AsReadOnly();

    private sealed class TextColumn : DbColumn
    {
        public TextColumn(string name, int ordinal)
        {
            ColumnName = name;
            ColumnOrdinal = ordinal;
            DataType = typeof(string);
            DataTypeName = "string";
            AllowDBNull = false;
        }
    }

    private static NotSupportedException OnlyText() => new("Every field of these rows is text.");
}
