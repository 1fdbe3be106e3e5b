using System;
using System.Text.Json;

namespace PiPlatform
{
    /// <summary>JSON helpers for callers that have JSON text, such as metadata given as a string.</summary>
    public static class PiJson
    {
        /// <summary>
        /// Parses JSON text into plain values (objects as ordered, case-insensitive dictionaries).
        /// Invalid JSON throws an ArgumentException that says where.
        /// </summary>
        public static object? ParseObject(string json)
        {
            try
            {
                using JsonDocument doc = JsonDocument.Parse(json);
                return Json.WireReader.ToPlainObject(doc.RootElement);
            }
            catch (JsonException e)
            {
                throw new ArgumentException($"it is not valid JSON ({e.Message})", e);
            }
        }
    }
}
