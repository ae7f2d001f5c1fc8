using Google.Protobuf.WellKnownTypes;

namespace Platform.ServiceDefaults.Api;

public static class Timestamps
{
    /// <summary>Converts a stored UTC time (databases hand back an unspecified kind) to a protobuf timestamp.</summary>
    public static Timestamp ToTimestamp(this DateTime utc) =>
        Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
