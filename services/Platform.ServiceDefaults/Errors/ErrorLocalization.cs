using System.Net.Http.Headers;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// Adds Italian texts to an error when the caller prefers Italian (<c>Accept-Language: it</c>, as a REST header
/// or gRPC metadata): a <c>google.rpc.LocalizedMessage</c> for the whole error and a localized message on each
/// field violation. The English <c>message</c> stays as it is, for logs and programs.
/// </summary>
public static class ErrorLocalization
{
    public const string Italian = "it-IT";

    /// <summary>Whether the first language of <c>Accept-Language</c> (by weight) is Italian.</summary>
    public static bool PrefersItalian(HttpContext? context)
    {
        var header = context?.Request.Headers.AcceptLanguage.ToString();
        if (string.IsNullOrWhiteSpace(header)) return false;
        var preferred = header.Split(',')
            .Select(part => StringWithQualityHeaderValue.TryParse(part.Trim(), out var value) ? value : null)
            .Where(value => value is not null)
            .OrderByDescending(value => value!.Quality ?? 1)
            .FirstOrDefault();
        return preferred?.Value.StartsWith("it", StringComparison.OrdinalIgnoreCase) == true;
    }

    /// <summary><paramref name="error"/> with Italian texts when the caller asks for them, else unchanged.</summary>
    public static RpcException ForCaller(RpcException error, HttpContext? context)
    {
        if (!PrefersItalian(context) || error.GetRpcStatus() is not { } status) return error;
        if (status.Details.Any(d => d.Is(LocalizedMessage.Descriptor))) return error;
        return Localize(status).ToRpcException();
    }

    public static Google.Rpc.Status Localize(Google.Rpc.Status status)
    {
        var localized = status.Clone();
        var badRequest = localized.GetDetail<BadRequest>();
        string message;
        if (badRequest is not null)
        {
            foreach (var violation in badRequest.FieldViolations)
                violation.LocalizedMessage = new LocalizedMessage { Locale = Italian, Message = Field(violation.Description) };
            var listed = badRequest.FieldViolations.Take(5).Select(v => $"{v.Field}: {v.LocalizedMessage.Message}");
            var more = badRequest.FieldViolations.Count > 5 ? $" (e altri {badRequest.FieldViolations.Count - 5})" : "";
            message = $"Richiesta non valida: {string.Join("; ", listed)}{more}";
            // The detail is a copy inside an Any: write it back.
            var index = localized.Details.ToList().FindIndex(d => d.Is(BadRequest.Descriptor));
            localized.Details[index] = Any.Pack(badRequest);
        }
        else
        {
            message = ItalianMessages.Translate(status.Message) ?? $"{Fallback((StatusCode)status.Code)}: {status.Message}";
        }
        localized.Details.Add(Any.Pack(new LocalizedMessage { Locale = Italian, Message = message }));
        return localized;
    }

    private static string Field(string description) =>
        ItalianMessages.Translate(description) ?? $"valore non accettato ({description})";

    private static string Fallback(StatusCode code) => code switch
    {
        StatusCode.NotFound => "Risorsa non trovata",
        StatusCode.FailedPrecondition => "Operazione non consentita nello stato attuale",
        StatusCode.PermissionDenied => "Operazione non consentita al tuo ruolo",
        StatusCode.Unauthenticated => "Accesso non riconosciuto",
        StatusCode.Aborted or StatusCode.AlreadyExists => "Conflitto con una modifica precedente",
        StatusCode.ResourceExhausted => "Troppe richieste: riprova tra poco",
        StatusCode.Unavailable => "Servizio non disponibile: riprova tra poco",
        _ => "Richiesta non riuscita",
    };
}
