using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Text.Json;

namespace PiPlatform.Json
{
    /// <summary>
    /// Maps the API's JSON to the models. Strict about what decides money and state (amounts, status flags, dates,
    /// the lists, duplicate names: see <see cref="WireObject"/>), so that a broken or hostile answer is refused whole
    /// rather than read as something it does not say. Lenient where the API may grow: unknown fields are ignored,
    /// absent optional fields become null, and the seed document's spellings (<c>Pioneer_uid</c>, <c>canceled</c>,
    /// <c>Pioneer_cancelled</c>) are read as well as the real API's.
    /// </summary>
    internal static class WireReader
    {
        public static Payment ReadPayment(JsonElement e) => ReadPayment(e, "A payment");

        public static IReadOnlyList<Payment> ReadPayments(JsonElement root, string property)
        {
            JsonElement list = WireObject.Of(root, "The answer").RequiredArray(property);
            var payments = new List<Payment>(list.GetArrayLength());
            foreach (JsonElement item in list.EnumerateArray())
            {
                payments.Add(ReadPayment(item, $"Payment #{payments.Count + 1} of {property}"));
            }
            return payments;
        }

        public static User ReadUser(JsonElement e)
        {
            WireObject user = WireObject.Of(e, "The user");
            WireObject credentials = user.RequiredObject("credentials");
            var scopes = new List<string>();
            foreach (JsonElement s in credentials.RequiredArray("scopes").EnumerateArray())
            {
                if (s.ValueKind != JsonValueKind.String)
                {
                    throw user.Fail($"credentials.scopes[{scopes.Count}] is not a string (it is {WireValues.Describe(s)})");
                }
                scopes.Add(s.GetString()!);
            }
            WireObject? validUntil = credentials.OptionalObject("valid_until");
            return new User
            {
                Uid = user.RequiredString("uid"),
                Username = user.OptionalString("username"),
                Scopes = scopes,
                ValidUntil = validUntil is WireObject until ? ReadValidUntil(until) : null,
            };
        }

        public static AdStatus ReadAdStatus(JsonElement e)
        {
            WireObject ad = WireObject.Of(e, OwnerOf(e, "Ad", "The ad status"));
            return new AdStatus
            {
                Identifier = ad.RequiredString("identifier"),
                MediatorAckStatus = ad.OptionalString("mediator_ack_status"),
                MediatorGrantedAt = ad.OptionalDate("mediator_granted_at"),
                MediatorRevokedAt = ad.OptionalDate("mediator_revoked_at"),
            };
        }

        /// <summary>Reads <c>delivered_notifications</c>: (user uid, title, body, subroute, id) per item.</summary>
        public static List<(string UserUid, string Title, string Body, string Subroute, string? Id)> ReadDelivered(JsonElement root)
        {
            // A missing list would read as "nobody was reached": refused instead, since it says nothing of the kind.
            JsonElement list = WireObject.Of(root, "The notify answer").RequiredArray("delivered_notifications");
            var delivered = new List<(string, string, string, string, string?)>(list.GetArrayLength());
            foreach (JsonElement item in list.EnumerateArray())
            {
                WireObject n = WireObject.Of(item, $"Delivered notification #{delivered.Count + 1}");
                JsonElement id = n.Get("id");
                if (id.ValueKind != JsonValueKind.Undefined && id.ValueKind != JsonValueKind.Null
                    && id.ValueKind != JsonValueKind.String && id.ValueKind != JsonValueKind.Number)
                {
                    throw n.Fail($"id is not a string or number (it is {WireValues.Describe(id)})");
                }
                delivered.Add((n.RequiredString("user_uid"), n.OptionalString("title") ?? "", n.OptionalString("body") ?? "",
                    n.OptionalString("subroute") ?? "",
                    id.ValueKind == JsonValueKind.Undefined || id.ValueKind == JsonValueKind.Null ? null : id.ToString()));
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

        /// <summary>A string or number as text, else null: lenient, for error bodies, whatever shape they come in.</summary>
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

        /// <summary>
        /// Any JSON as plain .NET values: objects as ordered, case-insensitive dictionaries (what PowerShell users
        /// expect of a hashtable), arrays as object[], integers as long, other numbers as decimal. With an
        /// <paramref name="owner"/>, every object's names must be unique (an answer's metadata); without, a later
        /// duplicate wins, as in JSON.parse (JSON the user typed).
        /// </summary>
        public static object? ToPlainObject(JsonElement v, string? owner = null, string path = "")
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.Object:
                    if (owner != null) WireObject.RequireUniqueNames(v, owner, path);
                    var map = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
                    foreach (JsonProperty p in v.EnumerateObject())
                    {
                        map[p.Name] = ToPlainObject(p.Value, owner, owner == null ? "" : path + "." + p.Name);
                    }
                    return map;
                case JsonValueKind.Array:
                    var items = new List<object?>();
                    foreach (JsonElement item in v.EnumerateArray())
                    {
                        items.Add(ToPlainObject(item, owner, owner == null ? "" : $"{path}[{items.Count}]"));
                    }
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

        private static Payment ReadPayment(JsonElement e, string unnamed)
        {
            WireObject p = WireObject.Of(e, OwnerOf(e, "Payment", unnamed));
            WireObject status = p.RequiredObject("status");
            WireObject? tx = p.OptionalObject("transaction");
            return new Payment
            {
                Identifier = p.RequiredString("identifier"),
                UserUid = p.OptionalString("user_uid", "Pioneer_uid"),
                Amount = p.Amount("amount"),
                Memo = p.OptionalString("memo"),
                Metadata = p.PlainValue("metadata"),
                FromAddress = p.OptionalString("from_address"),
                ToAddress = p.OptionalString("to_address"),
                Direction = p.OptionalString("direction") switch
                {
                    "user_to_app" => PaymentDirection.UserToApp,
                    "app_to_user" => PaymentDirection.AppToUser,
                    _ => PaymentDirection.Unknown,
                },
                CreatedAt = p.OptionalDate("created_at"),
                Network = p.OptionalString("network"),
                Status = new PaymentStatus
                {
                    DeveloperApproved = status.RequiredBool("developer_approved"),
                    TransactionVerified = status.RequiredBool("transaction_verified"),
                    DeveloperCompleted = status.RequiredBool("developer_completed"),
                    Cancelled = status.RequiredBool("cancelled", "canceled"),
                    UserCancelled = status.RequiredBool("user_cancelled", "Pioneer_cancelled"),
                },
                // A transaction of any other shape is refused, not read as "none": a script may cancel what has none.
                Transaction = tx is WireObject t
                    ? new PaymentTransaction
                    {
                        TxId = t.RequiredString("txid"),
                        Verified = t.RequiredBool("verified"),
                        Link = t.OptionalString("_link"),
                    }
                    : null,
            };
        }

        private static DateTimeOffset ReadValidUntil(WireObject validUntil)
        {
            DateTimeOffset? iso = validUntil.OptionalDate("iso8601");
            DateTimeOffset? timestamp = validUntil.OptionalUnixSeconds("timestamp");
            if (iso == null && timestamp == null)
            {
                throw validUntil.Fail("credentials.valid_until has neither timestamp nor iso8601");
            }
            // Both are one instant, the timestamp in whole seconds.
            if (iso != null && timestamp != null && (iso.Value - timestamp.Value).Duration() > TimeSpan.FromSeconds(1))
            {
                throw validUntil.Fail("credentials.valid_until's timestamp and iso8601 disagree");
            }
            return iso ?? timestamp!.Value;
        }

        // "Payment abc" when the object has exactly one string identifier, so that a refusal names the payment; a
        // duplicated identifier names none, since either could be the wrong one.
        private static string OwnerOf(JsonElement e, string noun, string unnamed)
        {
            if (e.ValueKind != JsonValueKind.Object) return unnamed;
            string? id = null;
            int count = 0;
            foreach (JsonProperty p in e.EnumerateObject())
            {
                if (!string.Equals(p.Name, "identifier", StringComparison.OrdinalIgnoreCase)) continue;
                count++;
                id = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : null;
            }
            return count == 1 && !string.IsNullOrEmpty(id) ? $"{noun} {WireValues.Shown(id!)}" : unnamed;
        }
    }
}
