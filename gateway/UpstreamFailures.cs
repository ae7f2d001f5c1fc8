using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway;

/// <summary>What a failed forward says about the service behind it.</summary>
public static class UpstreamFailures
{
    /// <summary>The service answered, but with headers or trailers beyond the gateway's limit.</summary>
    public static bool IsResponseTooLarge(Exception? exception) => Chain(exception).Any(e =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConfigurationLimitExceeded }
        || e.GetType().Name == "HPackDecodingException");

    /// <summary>The service reset this one stream (it refused the request), the connection itself is fine.</summary>
    public static bool IsStreamReset(Exception? exception) =>
        Chain(exception).Any(e => e is HttpProtocolException) && !Chain(exception).Any(e => e is System.Net.Sockets.SocketException);

    /// <summary>The connection to the service failed (as opposed to the client's side of the call).</summary>
    public static bool IsServiceFailure(Exception? exception) => Chain(exception).Any(e => e is HttpRequestException);

    /// <summary>
    /// Failures that say the service is unwell (refused connections, timeouts, broken connections), as
    /// opposed to one call's own trouble (an oversized answer, a request the service refused).
    /// </summary>
    /// <param name="answered">The service's answer had begun: a request body it then stopped reading was refused, not lost.</param>
    public static bool CountsAgainstService(IForwarderErrorFeature error, bool answered = false) =>
        error.Error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.RequestBodyDestination
            or ForwarderError.ResponseBodyDestination or ForwarderError.ResponseHeaders
        && !(answered && error.Error is ForwarderError.RequestBodyDestination)
        && !IsResponseTooLarge(error.Exception) && !IsStreamReset(error.Exception);

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
