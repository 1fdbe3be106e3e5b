using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PiPlatform.Json
{
    /// <summary>
    /// One JSON object of an answer, read strictly: its names are checked unique when it is opened, and each field
    /// is read as the API documents it or the whole answer is refused with a FormatException that names the owner
    /// ("Payment abc"), the field and what was wrong. The transport turns that exception into an
    /// <c>unexpected_response</c> error, so nothing half-read reaches the caller.
    /// </summary>
    internal readonly struct WireObject
    {
        private readonly Dictionary<string, JsonElement> _fields;
        private readonly string _prefix;

        private WireObject(Dictionary<string, JsonElement> fields, string owner, string prefix)
        {
            _fields = fields;
            Owner = owner;
            _prefix = prefix;
        }

        /// <summary>What failures name first: "Payment abc", "The user".</summary>
        public string Owner { get; }

        /// <summary>
        /// Opens <paramref name="e"/> as an object of <paramref name="owner"/>; <paramref name="path"/> is its place
        /// in the owner ("status"), empty for the owner itself.
        /// </summary>
        public static WireObject Of(JsonElement e, string owner, string path = "")
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw Refuse(owner, $"{(path.Length == 0 ? "it" : path)} is not a JSON object (it is {WireValues.Describe(e)})");
            }
            return new WireObject(Index(e, owner, path), owner, path.Length == 0 ? "" : path + ".");
        }

        /// <summary>
        /// Refuses an object that has a name twice. JsonDocument keeps both, and which one a reader picks is chance:
        /// <c>{"amount":1,"amount":1000}</c> must be neither. Letter case aside, since lookups here ignore it.
        /// </summary>
        public static void RequireUniqueNames(JsonElement e, string owner, string path) => Index(e, owner, path);

        // The object's fields by name (letter case aside), read once: every lookup after is a hash, not a scan.
        private static Dictionary<string, JsonElement> Index(JsonElement e, string owner, string path)
        {
            var fields = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty p in e.EnumerateObject())
            {
                string name = p.Name;
                if (fields.ContainsKey(name))
                {
                    throw Refuse(owner, $"duplicate key '{WireValues.Shown(name)}'{(path.Length == 0 ? "" : " in " + path)}");
                }
                fields.Add(name, p.Value);
            }
            return fields;
        }

        /// <summary>
        /// The value of the first of <paramref name="names"/> present (the API's spelling first, then the seed's);
        /// Undefined if none is. Two spellings that are both present must say the same.
        /// </summary>
        public JsonElement Get(params string[] names)
        {
            JsonElement found = default;
            string? foundName = null;
            foreach (string name in names)
            {
                if (!_fields.TryGetValue(name, out JsonElement v)) continue;
                if (foundName == null)
                {
                    found = v;
                    foundName = name;
                }
                else if (v.GetRawText() != found.GetRawText())
                {
                    throw Fail($"'{_prefix}{foundName}' and '{_prefix}{name}' disagree");
                }
            }
            return found;
        }

        /// <summary>A string that must be there and not be empty.</summary>
        public string RequiredString(string name)
        {
            JsonElement v = Get(name);
            if (v.ValueKind == JsonValueKind.Undefined || v.ValueKind == JsonValueKind.Null) throw Fail($"{_prefix}{name} is missing");
            if (v.ValueKind != JsonValueKind.String) throw Fail($"{_prefix}{name} is not a string (it is {WireValues.Describe(v)})");
            string text = v.GetString()!;
            if (text.Length == 0) throw Fail($"{_prefix}{name} is empty");
            return text;
        }

        /// <summary>A string, or null when absent or null.</summary>
        public string? OptionalString(params string[] names)
        {
            JsonElement v = Get(names);
            if (v.ValueKind == JsonValueKind.Undefined || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind != JsonValueKind.String) throw Fail($"{_prefix}{names[0]} is not a string (it is {WireValues.Describe(v)})");
            return v.GetString();
        }

        /// <summary>A JSON true or false that must be there: a missing flag is not read as false.</summary>
        public bool RequiredBool(params string[] names)
        {
            JsonElement v = Get(names);
            if (v.ValueKind == JsonValueKind.True) return true;
            if (v.ValueKind == JsonValueKind.False) return false;
            throw Fail(v.ValueKind == JsonValueKind.Undefined
                ? $"{_prefix}{names[0]} is missing"
                : $"{_prefix}{names[0]} is not true or false (it is {WireValues.Describe(v)})");
        }

        /// <summary>
        /// Money: a JSON number (never a string), not negative, at most 7 decimal places, no more than a Stellar
        /// payment can carry, read as an exact decimal.
        /// </summary>
        public decimal Amount(string name)
        {
            JsonElement v = Get(name);
            if (v.ValueKind == JsonValueKind.Undefined || v.ValueKind == JsonValueKind.Null) throw Fail($"{_prefix}{name} is missing");
            if (v.ValueKind != JsonValueKind.Number) throw Fail($"{_prefix}{name} is not a JSON number (it is {WireValues.Describe(v)})");
            string text = v.GetRawText();
            if (WireValues.DecimalPlaces(text) > WireValues.MaxDecimalPlaces)
                throw Fail($"{_prefix}{name} has more than {WireValues.MaxDecimalPlaces} decimal places ({WireValues.Shown(text)})");
            if (!v.TryGetDecimal(out decimal amount) || amount > WireValues.MaxAmount)
                throw Fail($"{_prefix}{name} is larger than any Pi amount ({WireValues.Shown(text)})");
            if (amount < 0m) throw Fail($"{_prefix}{name} is negative ({WireValues.Shown(text)})");
            return amount;
        }

        /// <summary>An ISO 8601 date string, or null when absent or null.</summary>
        public DateTimeOffset? OptionalDate(string name)
        {
            JsonElement v = Get(name);
            if (v.ValueKind == JsonValueKind.Undefined || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String && WireValues.TryParseIsoDate(v.GetString()!, out DateTimeOffset date)) return date;
            throw Fail($"{_prefix}{name} is not an ISO 8601 date (it is {WireValues.Describe(v)})");
        }

        /// <summary>Whole seconds since 1970 that a date can hold, or null when absent or null.</summary>
        public DateTimeOffset? OptionalUnixSeconds(string name)
        {
            JsonElement v = Get(name);
            if (v.ValueKind == JsonValueKind.Undefined || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long seconds)
                && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            throw Fail($"{_prefix}{name} is not a time in whole seconds since 1970 (it is {WireValues.Describe(v)})");
        }

        /// <summary>A nested object that must be there.</summary>
        public WireObject RequiredObject(string name)
        {
            JsonElement v = Get(name);
            if (v.ValueKind == JsonValueKind.Undefined) throw Fail($"{_prefix}{name} is missing");
            return Of(v, Owner, _prefix + name);
        }

        /// <summary>A nested object, or null when absent or null.</summary>
        public WireObject? OptionalObject(string name)
        {
            JsonElement v = Get(name);
            if (v.ValueKind == JsonValueKind.Undefined || v.ValueKind == JsonValueKind.Null) return null;
            return Of(v, Owner, _prefix + name);
        }

        /// <summary>An array that must be there.</summary>
        public JsonElement RequiredArray(string name)
        {
            JsonElement v = Get(name);
            if (v.ValueKind == JsonValueKind.Array) return v;
            throw Fail(v.ValueKind == JsonValueKind.Undefined
                ? $"{_prefix}{name} is missing"
                : $"{_prefix}{name} is not an array (it is {WireValues.Describe(v)})");
        }

        /// <summary>Any JSON (metadata) as plain values, with every object in it checked for duplicate names too.</summary>
        public object? PlainValue(string name) => WireReader.ToPlainObject(Get(name), Owner, _prefix + name);

        /// <summary>The error that refuses the answer, naming the owner.</summary>
        public FormatException Fail(string problem) => Refuse(Owner, problem);

        private static FormatException Refuse(string owner, string problem) => new FormatException($"{owner}: {problem}.");
    }
}
