using System;

namespace PiPlatform
{
    /// <summary>
    /// Makes user input safe to put in a URL path. Anything that could change the request's path or host is
    /// refused before a request is made, and what passes is still escaped.
    /// </summary>
    internal static class PathSegment
    {
        private const int MaxLength = 256;

        public static string Escape(string? value, string what)
        {
            string problem = Check(value);
            if (problem.Length > 0)
            {
                throw PiException.Input(PiErrorCatalog.InvalidIdentifier, $"The {what} {Describe(value)} is not valid: {problem}.");
            }
            return Uri.EscapeDataString(value!);
        }

        private static string Check(string? value)
        {
            if (value == null || value.Length == 0) return "it is empty";
            if (value.Trim().Length == 0) return "it is only white space";
            if (value.Length > MaxLength) return $"it is longer than {MaxLength} characters";
            if (value != value.Trim()) return "it starts or ends with white space";
            if (value == "." || value.Contains("..")) return "it contains '..'";
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (char.IsControl(c)) return "it contains a control character";
                // A lone half of a surrogate pair would be escaped as U+FFFD: another id than the one typed.
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }
                if (char.IsSurrogate(c)) return "it contains a broken Unicode character";
                if (c == '/' || c == '\\' || c == '?' || c == '#') return $"it contains '{c}'";
            }
            return "";
        }

        // Quote the input for the message, but never echo control characters or a huge string back.
        private static string Describe(string? value)
        {
            if (value == null) return "(null)";
            var shown = new System.Text.StringBuilder("'");
            foreach (char c in value.Length > 64 ? value.Substring(0, 64) : value)
            {
                shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString());
            }
            return shown.Append(value.Length > 64 ? "…'" : "'").ToString();
        }
    }
}
