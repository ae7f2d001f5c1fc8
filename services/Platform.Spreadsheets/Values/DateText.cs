using System.Globalization;

namespace Platform.Spreadsheets.Values;

/// <summary>Dates as offices write them: <c>31/12/2022</c> (day first, as in Italy), <c>2022-12-31</c>, or an ISO date-time.</summary>
internal static class DateText
{
    private static readonly string[] Formats = ["d/M/yyyy", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    public static bool TryParse(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            date = DateOnly.FromDateTime(moment);
            return true;
        }
        date = default;
        return false;
    }
}

/// <summary>Excel's date serials: days since 1899-12-30 (which absorbs Excel's phantom 29 February 1900), or since 1904-01-01.</summary>
internal static class ExcelSerial
{
    private static readonly DateOnly Epoch1900 = new(1899, 12, 30);
    private static readonly DateOnly Epoch1904 = new(1904, 1, 1);
    private const decimal MaxSerial = 2958465; // 9999-12-31

    public static bool TryToDate(decimal serial, bool date1904, out DateOnly date)
    {
        date = default;
        var days = (int)decimal.Truncate(Math.Clamp(serial, 0, MaxSerial));
        if (serial < 1 || serial > MaxSerial || (!date1904 && days == 60)) return false; // 60: 1900-02-29, never was
        // Before March 1900 the 1900 system counts from 1900-01-01 = 1.
        date = date1904 ? Epoch1904.AddDays(days) : Epoch1900.AddDays(days < 60 ? days + 1 : days);
        return true;
    }

    /// <summary>The 1900-system serial of a date from March 1900 on (the only dates the writer meets).</summary>
    public static int FromDate(DateOnly date) => date.DayNumber - Epoch1900.DayNumber;
}
