using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using PiPlatform.Json;

namespace PiPlatform
{
    /// <summary>
    /// Whether a payment Pi holds is the one a create request asked for: same recipient, direction, amount, memo and
    /// metadata (compared as JSON, key order and number spelling aside). How a create that got no clear answer is found.
    /// </summary>
    internal static class PaymentMatch
    {
        public static bool IsFor(Payment payment, PaymentRequest request) =>
            payment.Direction == PaymentDirection.AppToUser &&
            string.Equals(payment.UserUid, request.UserUid, StringComparison.Ordinal) &&
            payment.Amount == request.Amount &&
            string.Equals(payment.Memo, request.Memo, StringComparison.Ordinal) &&
            Canonical(payment.Metadata) == Canonical(request.Metadata);

        /// <summary>The metadata as canonical JSON: object keys sorted, numbers in one spelling; none is the empty object.</summary>
        public static string Canonical(object? metadata)
        {
            using JsonDocument doc = JsonDocument.Parse(WireWriter.Value(metadata ?? new Dictionary<string, object?>()));
            var text = new StringBuilder();
            Append(text, doc.RootElement);
            return text.ToString();
        }

        private static void Append(StringBuilder text, JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    text.Append('{');
                    foreach (JsonProperty p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        text.Append(JsonSerializer.Serialize(p.Name)).Append(':');
                        Append(text, p.Value);
                        text.Append(',');
                    }
                    text.Append('}');
                    break;
                case JsonValueKind.Array:
                    text.Append('[');
                    foreach (JsonElement item in e.EnumerateArray())
                    {
                        Append(text, item);
                        text.Append(',');
                    }
                    text.Append(']');
                    break;
                case JsonValueKind.Number:
                    text.Append(e.TryGetDecimal(out decimal d) ? (d / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : e.GetRawText());
                    break;
                default:
                    text.Append(e.GetRawText());
                    break;
            }
        }
    }
}
