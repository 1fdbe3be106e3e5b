using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PiPlatform.Sandbox.Json;

internal enum BodyKind
{
    Empty,
    Invalid,
    Object,
}

/// <summary>A request body: absent, not a JSON object, or an object (cloned, so it outlives the request).</summary>
internal readonly record struct RequestBody(BodyKind Kind, JsonElement Root);

/// <summary>What a payment creation carries once validated (both the A2U API call and the sandbox's U2A one).</summary>
internal sealed record PaymentInput(string Uid, decimal Amount, string Memo, JsonElement Metadata);

/// <summary>Reads request bodies. Unknown fields are ignored everywhere, like the real API.</summary>
internal static class RequestJson
{
    /// <summary>Pi amounts have at most 7 decimals (the Stellar stroop).</summary>
    public const int MaxAmountDecimals = 7;

    public static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    public static async Task<RequestBody> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        if (buffer.Length == 0)
        {
            return new RequestBody(BodyKind.Empty, default);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new RequestBody(BodyKind.Object, document.RootElement.Clone())
                : new RequestBody(BodyKind.Invalid, default);
        }
        catch (JsonException)
        {
            return new RequestBody(BodyKind.Invalid, default);
        }
    }

    public static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer, only if the element is a JSON number that fits (TryGetInt32 alone throws on strings).</summary>
    public static bool TryGetInt(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        // A JSON null is treated as absent: clients often serialise unset optional fields that way.
        if (obj.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Validates a payment to create; <paramref name="uidProperty"/> is "uid" (API) or "user_uid" (sandbox).</summary>
    public static PaymentInput? ReadPaymentInput(JsonElement obj, string uidProperty, out ApiError? error)
    {
        error = null;
        string? uid = GetString(obj, uidProperty);
        string? memo = GetString(obj, "memo");
        if (string.IsNullOrWhiteSpace(uid))
        {
            error = ApiErrors.InvalidArguments($"\"{uidProperty}\" is required and must be a non-empty string.");
            return null;
        }

        if (memo is null)
        {
            error = ApiErrors.InvalidArguments("\"memo\" is required and must be a string.");
            return null;
        }

        decimal? amount = ReadAmount(obj, out error);
        if (amount is null)
        {
            return null;
        }

        JsonElement metadata = EmptyObject;
        if (TryGetProperty(obj, "metadata", out var given))
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                error = ApiErrors.InvalidMetadata();
                return null;
            }

            metadata = given.Clone();
        }

        return new PaymentInput(uid, amount.Value, memo, metadata);
    }

    private static decimal? ReadAmount(JsonElement obj, out ApiError? error)
    {
        error = null;
        if (!obj.TryGetProperty("amount", out var element) || element.ValueKind != JsonValueKind.Number)
        {
            error = ApiErrors.InvalidAmount("\"amount\" is required and must be a JSON number.");
            return null;
        }

        // Parsed straight from the JSON text into decimal: money never goes through binary floating point.
        if (!element.TryGetDecimal(out decimal amount) || amount <= 0m)
        {
            error = ApiErrors.InvalidAmount("\"amount\" must be a positive number.");
            return null;
        }

        if (decimal.Round(amount, MaxAmountDecimals) != amount)
        {
            error = ApiErrors.InvalidAmount($"\"amount\" has more than {MaxAmountDecimals} decimals.");
            return null;
        }

        return Normalize(amount);
    }

    /// <summary>Drops trailing zeros (1.50 → 1.5), as the real API echoes a plain number.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static bool IsHex(string value)
    {
        foreach (char c in value)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return value.Length > 0;
    }
}
