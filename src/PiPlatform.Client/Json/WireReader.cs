using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Text.Json;

namespace PiPlatform.Json
{
    /// <summary>
    /// Maps the API's JSON to the models. Lenient on purpose: unknown fields are ignored, absent optional
    /// fields become null, and the seed document's spellings (<c>Pioneer_uid</c>, <c>canceled</c>,
    /// <c>Pioneer_cancelled</c>) are read as well as the real API's.
    /// </summary>
    internal static class WireReader
    {
        public static Payment ReadPayment(JsonElement e)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A payment must be a JSON object.");
            }
            JsonElement status = Find(e, "status");
            JsonElement tx = Find(e, "transaction");
            return new Payment
            {
                Identifier = String(e, "identifier") ?? throw new FormatException("The payment has no identifier."),
                UserUid = String(e, "user_uid", "Pioneer_uid"),
                Amount = Decimal(Find(e, "amount")),
                Memo = String(e, "memo"),
                Metadata = ToPlainObject(Find(e, "metadata")),
                FromAddress = String(e, "from_address"),
                ToAddress = String(e, "to_address"),
                Direction = String(e, "direction") switch
                {
                    "user_to_app" => PaymentDirection.UserToApp,
                    "app_to_user" => PaymentDirection.AppToUser,
                    _ => PaymentDirection.Unknown,
                },
                CreatedAt = Date(Find(e, "created_at")),
                Network = String(e, "network"),
                Status = new PaymentStatus
                {
                    DeveloperApproved = Bool(status, "developer_approved"),
                    TransactionVerified = Bool(status, "transaction_verified"),
                    DeveloperCompleted = Bool(status, "developer_completed"),
                    Cancelled = Bool(status, "cancelled", "canceled"),
                    UserCancelled = Bool(status, "user_cancelled", "Pioneer_cancelled"),
                },
                Transaction = tx.ValueKind == JsonValueKind.Object
                    ? new PaymentTransaction
                    {
                        TxId = String(tx, "txid") ?? "",
                        Verified = Bool(tx, "verified"),
                        Link = String(tx, "_link"),
                    }
                    : null,
            };
        }

        public static IReadOnlyList<Payment> ReadPayments(JsonElement root, string property)
        {
            JsonElement list = Find(root, property);
            var payments = new List<Payment>();
            if (list.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in list.EnumerateArray())
                {
                    payments.Add(ReadPayment(item));
                }
            }
            return payments;
        }

        public static User ReadUser(JsonElement e)
        {
            JsonElement credentials = Find(e, "credentials");
            JsonElement validUntil = Find(credentials, "valid_until");
            var scopes = new List<string>();
            JsonElement scopeList = Find(credentials, "scopes");
            if (scopeList.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement s in scopeList.EnumerateArray())
                {
                    if (s.ValueKind == JsonValueKind.String) scopes.Add(s.GetString()!);
                }
            }
            DateTimeOffset? until = Date(Find(validUntil, "iso8601"));
            JsonElement timestamp = Find(validUntil, "timestamp");
            if (until == null && timestamp.ValueKind == JsonValueKind.Number && timestamp.TryGetInt64(out long seconds))
            {
                until = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            return new User
            {
                Uid = String(e, "uid") ?? throw new FormatException("The user has no uid."),
                Username = String(e, "username"),
                Scopes = scopes,
                ValidUntil = until,
            };
        }

        public static AdStatus ReadAdStatus(JsonElement e) => new AdStatus
        {
            Identifier = String(e, "identifier") ?? "",
            MediatorAckStatus = String(e, "mediator_ack_status"),
            MediatorGrantedAt = Date(Find(e, "mediator_granted_at")),
            MediatorRevokedAt = Date(Find(e, "mediator_revoked_at")),
        };

        /// <summary>Reads <c>delivered_notifications</c>: (user uid, title, body, subroute, id) per item.</summary>
        public static List<(string UserUid, string Title, string Body, string Subroute, string? Id)> ReadDelivered(JsonElement root)
        {
            var delivered = new List<(string, string, string, string, string?)>();
            JsonElement list = Find(root, "delivered_notifications");
            if (list.ValueKind != JsonValueKind.Array) return delivered;
            foreach (JsonElement n in list.EnumerateArray())
            {
                JsonElement id = Find(n, "id");
                delivered.Add((String(n, "user_uid") ?? "", String(n, "title") ?? "", String(n, "body") ?? "",
                    String(n, "subroute") ?? "", id.ValueKind == JsonValueKind.Undefined || id.ValueKind == JsonValueKind.Null ? null : id.ToString()));
            }
            return delivered;
        }

        /// <summary>The property of the first name found: exact spelling first, then any letter case.</summary>
        public static JsonElement Find(JsonElement e, params string[] names)
        {
            if (e.ValueKind != JsonValueKind.Object) return default;
            foreach (string name in names)
            {
                if (e.TryGetProperty(name, out JsonElement value)) return value;
            }
            foreach (JsonProperty p in e.EnumerateObject())
            {
                foreach (string name in names)
                {
                    if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
                }
            }
            return default;
        }

        public static string? String(JsonElement e, params string[] names)
        {
            JsonElement v = Find(e, names);
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            };
        }

        private static bool Bool(JsonElement e, params string[] names)
        {
            JsonElement v = Find(e, names);
            return v.ValueKind == JsonValueKind.True;
        }

        // Money is read from the JSON text as a decimal, so 0.1234567 stays exactly that.
        private static decimal Decimal(JsonElement v)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out decimal d)) return d;
            if (v.ValueKind == JsonValueKind.String &&
                decimal.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal s)) return s;
            // No amount is no payment we can act on: never read it as 0.
            throw new FormatException(v.ValueKind == JsonValueKind.Undefined || v.ValueKind == JsonValueKind.Null
                ? "The payment has no amount."
                : "The payment's amount is not a number.");
        }

        private static DateTimeOffset? Date(JsonElement v)
        {
            if (v.ValueKind != JsonValueKind.String) return null;
            return DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset d) ? d : (DateTimeOffset?)null;
        }

        /// <summary>
        /// Any JSON as plain .NET values: objects as ordered, case-insensitive dictionaries (what PowerShell users
        /// expect of a hashtable), arrays as object[], integers as long, other numbers as decimal.
        /// </summary>
        public static object? ToPlainObject(JsonElement v)
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.Object:
                    var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (JsonProperty p in v.EnumerateObject())
                    {
                        map[p.Name] = ToPlainObject(p.Value); // a later duplicate key wins, as in JSON.parse
                    }
                    return map;
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (JsonElement item in v.EnumerateArray()) items.Add(ToPlainObject(item));
                    return items.ToArray();
                case JsonValueKind.String:
                    return v.GetString();
                case JsonValueKind.Number:
                    if (v.TryGetInt64(out long l)) return l;
                    if (v.TryGetDecimal(out decimal d)) return d;
                    return v.GetDouble();
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                default:
                    return null;
            }
        }
    }
}
