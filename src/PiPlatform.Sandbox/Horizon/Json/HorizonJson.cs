using System;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace PiPlatform.Sandbox.Horizon.Json;

/// <summary>Horizon's serializer configuration, content types and value formats; separate from the Pi API's on purpose.</summary>
internal static class HorizonJson
{
    /// <summary>Horizon's resources are HAL.</summary>
    public const string HalContentType = "application/hal+json; charset=utf-8";

    /// <summary>Horizon's errors are RFC 7807 problems.</summary>
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    public static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            // Go's omitempty, for the fields that have it.
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }

    public static IResult Ok(object value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, Options, HalContentType, status);

    /// <summary>An amount of stroops as Horizon writes it: 7 decimals, e.g. "100.0000000".</summary>
    public static string Amount(long stroops)
    {
        decimal pi = stroops / 10_000_000m;
        return pi.ToString("0.0000000", CultureInfo.InvariantCulture);
    }

    /// <summary>A time as Go's time.Time marshals a ledger close time: RFC 3339, whole seconds, UTC.</summary>
    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string UInt(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
