using System.Text.RegularExpressions;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// The Italian wording of the platform's error texts, for office staff. Each rule rewrites one English phrase
/// shape; names, codes and examples inside a phrase (<c>plans/{plan}</c>, <c>2023-H1</c>) pass unchanged. The
/// rules are tried in order and the first that matches the whole text wins; for a text no rule knows, the
/// caller writes a generic Italian sentence with the English text after it, so nothing is ever lost.
/// </summary>
public static partial class ItalianMessages
{
    private static readonly (Regex Pattern, string Italian)[] Rules =
    [
        (R("^is required$"), "è obbligatorio"),
        (R("^is required: (?:one of )?(.+)$"), "è obbligatorio: uno tra $1"),
        (R("^is required \\((.+)\\)$"), "è obbligatorio ($1)"),
        (R("^is required with a programme$"), "è obbligatorio quando si indica un programma"),
        (R("^is required for (.+)$"), "è obbligatorio per $1"),
        (R("^is empty$"), "è vuoto"),
        (R("^is not a rule of this service: (.+)$"), "non è una regola di questo servizio: $1"),
        (R("^must be a resource name of this service \\((.+)\\)$"), "deve essere il nome di una risorsa di questo servizio ($1)"),
        (R("^must be at most (\\d+) characters(?: \\(got (\\d+)\\))?$"), "deve avere al massimo $1 caratteri"),
        (R("^is longer than (\\d+) characters$"), "supera i $1 caratteri"),
        (R("^must have at most (\\d+) (items|entries|levels|decimal places)(?: \\(got (\\d+)\\))?$"), "può avere al massimo $1 ${2}"),
        (R("^must (?:name|contain|declare) at most (\\d+) (.+)$"), "può contenere al massimo $1 ${2}"),
        (R("^must (?:name|contain) at least one (.+)$"), "deve contenere almeno un elemento ($1)"),
        (R("^must look like (\\S+)(?:, not '(.*)')?$"), "deve avere la forma $1"),
        (R("^must look like (\\S+), where the id (.+)$"), "deve avere la forma $1; l'identificativo deve essere di 1-63 lettere minuscole, cifre o trattini, iniziando con una lettera"),
        (R("^must be (\\S+/\\S+)$"), "deve avere la forma $1"),
        (R("^must be 1-63 lowercase letters, digits or hyphens(, starting with a letter)?$"), "deve essere di 1-63 lettere minuscole, cifre o trattini, iniziando con una lettera"),
        (R("^must be between (\\S+) and (\\S+)$"), "deve essere compreso tra $1 e $2"),
        (R("^must not be negative$"), "non può essere negativo"),
        (R("^must be greater than 0$"), "deve essere maggiore di zero"),
        (R("^must not be before (\\S+)$"), "non può precedere $1"),
        (R("^must not be above (\\S+)$"), "non può superare $1"),
        (R("^must not repeat a (.+)$"), "non può ripetere lo stesso valore ($1)"),
        (R("^must be (?:one of )?([A-Z_]+(?:, [A-Z_]+)*,? or [A-Z_]+)$"), "deve essere uno tra $1"),
        (R("^must be a decimal number such as (\\S+), not '(.*)'$"), "deve essere un numero decimale come $1 (con il punto per i decimali), non '$2'"),
        (R("^must be a year or a part of one: (.+)$"), "deve essere un anno o una sua parte: $1 (S1/S2 per i semestri)"),
        (R("^must be a year \\((.+)\\), a half-year \\((.+)\\) or a quarter \\((.+)\\)$"), "deve essere un anno ($1), un semestre ($2) o un trimestre ($3)"),
        (R("^period '(.*)' must be (.+)$"), "il periodo '$1' deve essere un anno (2023), un semestre (2023-S1, 2023-S2) o un trimestre (2023-Q1 … 2023-Q4)"),
        (R("^must be an absolute URI$"), "deve essere un indirizzo completo (URI assoluto)"),
        (R("^must be an objective of (\\S+)$"), "deve essere un obiettivo di $1"),
        (R("^must be a version of (\\S+)$"), "deve essere una versione di $1"),
        (R("^must be below the parent's level '(.*)'$"), "deve stare a un livello inferiore a quello del padre ('$1')"),
        (R("^must keep the levels objectives are at: (.+)$"), "deve mantenere i livelli usati dagli obiettivi: $1"),
        (R("^must be (\\d+) characters, '(.*)' has (\\d+)$"), "deve avere $1 caratteri, '$2' ne ha $3"),
        (R("^must be a PNRR measure such as (\\S+), not '(.*)'$"), "deve essere una misura PNRR come $1, non '$2'"),
        (R("^must be a (spending|revenue) titolo \\((.+)\\)$"), "deve essere un titolo di ${1} ($2)"),
        (R("^is not a token returned by this method$"), "non è un token restituito da questa chiamata"),
        (R("^is not a field of (\\S+)$"), "non è un campo di $1"),
        (R("^is not a parameter of (\\S+) \\(known: (.+)\\)$"), "non è un parametro di $1 (ammessi: $2)"),
        (R("^is not valid JSON: (.+)$"), "non è JSON valido: $1"),
        (R("^is not a valid (\\S+) protobuf message: (.+)$"), "non è un messaggio protobuf $1 valido"),
        (R("^has a value of the wrong type: (.+)$"), "ha un valore del tipo sbagliato"),
        (R("^must be a JSON object \\((.+)\\)$"), "deve essere un oggetto JSON ($1)"),
        (R("^is only for BALANCE lines$"), "vale solo per le righe di equilibrio (BALANCE)"),
        (R("^is not used on (\\S+) lines$"), "non si usa sulle righe $1"),
        (R("^gives spending titolo (\\d+) at (\\w+) level, but line '(.+)' gives it at (\\w+) level for the same year and stage: .+$"),
            "dà il titolo di spesa $1 a livello $2, ma la riga '$3' lo dà a livello $4 per lo stesso anno e fase: gli importi sarebbero contati due volte; caricare il titolo a un solo livello"),
        (R("^has the same classification as line '(.+)'$"), "ha la stessa classificazione della riga '$1'"),
        (R("^'(.*)' is not a mission of the national classification .+$"), "'$1' non è una missione della classificazione nazionale (un numero come 9 o 09)"),
        (R("^'(.*)' is not a programme of the national classification .+$"), "'$1' non è un programma della classificazione nazionale (missione.programma come 9.03, 09.03 o 0903)"),
        (R("^programme (\\S+) does not belong to mission (\\S+)$"), "il programma $1 non appartiene alla missione $2"),
        (R("^must be 3 digits starting with the titolo \\((\\d+)\\), not '(.*)'$"), "deve avere 3 cifre e iniziare con il titolo ($1), non '$2'"),
        (R("^must be 7 digits starting with the tipologia, which it needs$"), "deve avere 7 cifre e iniziare con la tipologia, che va indicata"),
        (R("^commitments and payments are spending amounts$"), "impegni e pagamenti valgono solo per le righe di spesa"),
        (R("^assessments and collections are revenue amounts$"), "accertamenti e riscossioni valgono solo per le righe di entrata"),
        (R("^(\\d+) (\\w+) is not declared on (\\S+)$"), "$1 $2 non è dichiarato in $3"),
        (R("^(\\S+) does not exist in the Objectives service$"), "$1 non esiste nel servizio Obiettivi"),
        (R("^is not a variable of the formula \\(declared: (.*)\\)$"), "non è una variabile della formula (dichiarate: $1)"),
        (R("^needs a value for '(.+)' \\(formula: (.+)\\)$"), "manca il valore di '$1' (formula: $2)"),
        (R("^cannot compute (.+?): (.+)$"), "non si può calcolare $1: $2"),
        (R("^is nested too deeply$"), "ha troppi livelli di annidamento"),
        (R("^is the objective itself or one below it$"), "è l'obiettivo stesso o uno dei suoi discendenti"),
        (R("^(.+) not found$"), "$1 non trovato"),
        (R("^(.+) already exists$"), "$1 esiste già"),
        (R("^(.+) was changed by someone else \\(etag is now (.+)\\); read it again and retry$"), "$1 è stato modificato da qualcun altro (etag attuale $2): rileggilo e riprova"),
        (R("^A valid bearer token is required$"), "Serve un token di accesso valido"),
        (R("^Needs the (\\S+) or admin role$"), "Serve il ruolo $1 o admin"),
        (R("^Needs the admin role$"), "Serve il ruolo admin"),
        (R("^Needs a role of this ente$"), "Serve un ruolo in questo ente"),
        (R("^Internal error \\(trace (\\S+)\\)$"), "Errore interno (traccia $1): segnalalo all'assistenza"),
        (R("^The (\\S+) service is unavailable; try again shortly$"), "Il servizio $1 non è disponibile: riprova tra poco"),
    ];

    /// <summary>The Italian text for <paramref name="english"/>, or null when no rule knows it.</summary>
    public static string? Translate(string english)
    {
        foreach (var (pattern, italian) in Rules)
            if (pattern.IsMatch(english)) return pattern.Replace(english, italian).Replace(" or ", " o ", StringComparison.Ordinal);
        return null;
    }

    private static Regex R(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
}
