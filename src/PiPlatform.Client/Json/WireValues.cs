using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PiPlatform.Json
{
    /// <summary>
    /// The checks behind a strict read of single JSON values (money, dates), and how a refused value is shown in the
    /// error: short, on one line, so that a hostile answer cannot flood an error record or a log.
    /// </summary>
    internal static class WireValues
    {
        /// <summary>The most a Pi amount can be: a Stellar payment carries an int64 count of 10^-7 units.</summary>
        public const decimal MaxAmount = 922337203685.4775807m;

        /// <summary>Pi amounts have at most 7 decimal places (the blockchain's unit is 10^-7).</summary>
        public const int MaxDecimalPlaces = 7;

        private const int ShownLength = 100;

        // ISO 8601 as the API writes it (pi-platform-api.md): date, 'T', time with seconds, optional fraction and
        // offset. Anything looser ("May 6", "05/06/2024") is a sign of the wrong server, and culture-dependent.
        private static readonly Regex IsoDate = new Regex(
            @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})?$",
            RegexOptions.CultureInvariant);

        /// <summary>Parses an ISO 8601 date; one without an offset is taken as UTC, as the API means it.</summary>
        public static bool TryParseIsoDate(string text, out DateTimeOffset date)
        {
            date = default;
            return IsoDate.IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out date);
        }

        /// <summary>
        /// How many decimal places a JSON number's value has, read from its text rather than from a decimal (which
        /// would round digits it cannot hold): "1.50" has 1, "1e-7" has 7, "120e-1" has 0.
        /// </summary>
        public static long DecimalPlaces(string number)
        {
            int e = number.IndexOfAny(new[] { 'e', 'E' });
            string mantissa = e < 0 ? number : number.Substring(0, e);
            long exponent = 0;
            if (e >= 0 && !long.TryParse(number.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return long.MaxValue;
            }
            int dot = mantissa.IndexOf('.');
            string digits = (dot < 0 ? mantissa : mantissa.Remove(dot, 1)).TrimStart('-');
            if (digits.Trim('0').Length == 0) return 0;
            // An exponent this far out is no amount at all; kept apart so the arithmetic below cannot overflow.
            if (exponent < -1000) return long.MaxValue;
            if (exponent > 1000) return 0;
            long places = (dot < 0 ? 0 : mantissa.Length - dot - 1) - exponent;
            for (int end = digits.Length; places > 0 && end > 0 && digits[end - 1] == '0'; end--) places--;
            return Math.Max(0, places);
        }

        /// <summary>What a refused value is, for the message: its JSON kind and, cut short, its text.</summary>
        public static string Describe(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.Undefined => "missing",
            JsonValueKind.Null => "null",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => "a string: " + Shown(v.GetRawText()),
            JsonValueKind.Number => "a number: " + Shown(v.GetRawText()),
            JsonValueKind.Array => "an array: " + Shown(v.GetRawText()),
            _ => "an object: " + Shown(v.GetRawText()),
        };

        /// <summary>Text from an answer as a message may show it: on one line and at most about 100 characters.</summary>
        public static string Shown(string text)
        {
            var shown = new StringBuilder(Math.Min(text.Length, ShownLength + 3));
            foreach (char c in text)
            {
                if (shown.Length == ShownLength)
                {
                    return shown.Append("...").ToString();
                }
                shown.Append(char.IsControl(c) ? ' ' : c);
            }
            return shown.ToString();
        }
    }
}
