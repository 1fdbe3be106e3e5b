using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace PiPlatform.Json
{
    /// <summary>Writes request bodies. Amounts go out as exact decimals.</summary>
    internal static class WireWriter
    {
        public static byte[] CompleteBody(string txid) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("txid", txid);
            w.WriteEndObject();
        });

        public static byte[] CreatePaymentBody(PaymentRequest request) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("payment");
            w.WriteNumber("amount", request.Amount);
            w.WriteString("memo", request.Memo);
            w.WritePropertyName("metadata");
            WriteValue(w, request.Metadata ?? new Dictionary<string, object?>(), 0);
            w.WriteString("uid", request.UserUid);
            w.WriteEndObject();
            w.WriteEndObject();
        });

        public static byte[] NotifyBody(IReadOnlyList<Notification> batch) => Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("notifications");
            foreach (Notification n in batch)
            {
                w.WriteStartObject();
                w.WriteString("title", n.Title);
                w.WriteString("body", n.Body);
                w.WriteString("user_uid", n.UserUid);
                w.WriteString("subroute", n.Subroute);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });

        /// <summary>One plain .NET value as JSON, the way a create body writes metadata.</summary>
        public static byte[] Value(object? value) => Write(w => WriteValue(w, value, 0));

        private static byte[] Write(Action<Utf8JsonWriter> body)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                body(writer);
            }
            return stream.ToArray();
        }

        // Plain .NET values to JSON. The cmdlet layer unwraps PowerShell objects into these first.
        private static void WriteValue(Utf8JsonWriter w, object? value, int depth)
        {
            if (depth > 32)
            {
                throw PiException.Input("invalid_metadata", "The metadata is nested more than 32 levels deep.");
            }
            switch (value)
            {
                case null: w.WriteNullValue(); break;
                case string s: w.WriteStringValue(s); break;
                case bool b: w.WriteBooleanValue(b); break;
                case decimal m: w.WriteNumberValue(m); break;
                case double d: w.WriteNumberValue(d); break;
                case float f: w.WriteNumberValue(f); break;
                case long or int or short or sbyte or byte or ushort or uint:
                    w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
                case ulong u: w.WriteNumberValue(u); break;
                case DateTimeOffset dto: w.WriteStringValue(dto.ToString("o", CultureInfo.InvariantCulture)); break;
                case DateTime dt: w.WriteStringValue(dt.ToString("o", CultureInfo.InvariantCulture)); break;
                case Guid g: w.WriteStringValue(g.ToString()); break;
                case Enum e: w.WriteStringValue(e.ToString()); break;
                case IDictionary map:
                    w.WriteStartObject();
                    foreach (DictionaryEntry entry in map)
                    {
                        w.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "");
                        WriteValue(w, entry.Value, depth + 1);
                    }
                    w.WriteEndObject();
                    break;
                case IEnumerable list:
                    w.WriteStartArray();
                    foreach (object? item in list) WriteValue(w, item, depth + 1);
                    w.WriteEndArray();
                    break;
                default:
                    w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
