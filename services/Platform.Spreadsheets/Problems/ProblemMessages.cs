namespace Platform.Spreadsheets.Problems;

/// <summary>The Italian texts of the problems, written for an office clerk rather than a programmer.</summary>
internal static class ProblemMessages
{
    public const string UnreadableCsv = "Il file non si può leggere come CSV (testo separato da punto e virgola o virgola).";
    public const string UnreadableXlsx = "Il file non si può leggere come foglio Excel (.xlsx); se è un vecchio .xls, salvarlo come .xlsx.";
    public const string BadEncoding = "Il file contiene caratteri non validi: salvarlo di nuovo come CSV UTF-8.";
    public const string FileTooLarge = "Il file contiene testi troppo lunghi per essere importato: dividerlo in file più piccoli.";
    public const string EmptyFile = "Il file non contiene righe: serve almeno la riga di intestazione con i nomi delle colonne.";

    public static string MissingSheet(string sheet) => $"Il foglio «{sheet}» non c'è nel file, oppure è vuoto.";

    public static string MissingColumn(string header) =>
        $"Manca la colonna obbligatoria «{header}»: aggiungerla nella riga di intestazione.";

    public static string UnknownColumn(string header) =>
        $"La colonna «{header}» non è prevista per questo tipo di file: rinominarla o toglierla.";

    public static string DuplicateColumn(string header, string firstHeader) =>
        $"La colonna «{header}» ripete la colonna «{firstHeader}» già presente: lasciarne una sola.";

    public static string MissingValue(string header) => $"Il valore di «{header}» è obbligatorio e la cella è vuota.";

    public static string BadNumber(NumberFormatExample format) =>
        $"Non è un numero valido; scriverlo come {format.Text}.";

    public static string BadInteger(NumberFormatExample format) =>
        $"Serve un numero intero, senza decimali (ad esempio {format.Integer}).";

    public static string AmbiguousNumber(string value) =>
        $"Il numero «{value}» si può leggere in due modi: indicare il formato dei numeri del file " +
        "(italiano, come 1.234,56, oppure semplice, come 1234.56).";

    public static string MixedNumberFormat(string italianValue, string plainValue) =>
        $"Il file scrive i numeri in due formati diversi (ad esempio «{italianValue}» all'italiana e «{plainValue}» " +
        "con il punto decimale): usare un solo formato in tutto il file, oppure indicarlo.";

    public const string BadDate = "Non è una data valida; scriverla come 31/12/2022 (giorno/mese/anno) o 2022-12-31.";
    public const string BadCode = "Il codice non può contenere spazi.";

    public static string CellError(string value) => $"La cella contiene un errore di Excel ({value}): correggere la formula o il valore.";

    public static string DuplicateRow(string key, string firstRow) =>
        $"La riga ripete {key} già presente alla riga {firstRow}.";
}

/// <summary>How a number is shown to the user in messages, in the file's own format.</summary>
internal readonly record struct NumberFormatExample(string Text, string Integer);
