using System;
using System.Security;
using System.Text;
using System.Text.Json;
using PiPlatform.Json;

namespace PiPlatform.Http
{
    /// <summary>
    /// Turns a failed (or unreadable) answer into a <see cref="PiApiError"/>. Whatever of the server's text goes into an
    /// error is redacted first (a proxy that echoes the request must not show the key) and has its control characters
    /// removed (an ESC or BEL from a hostile server must not reach the user's terminal).
    /// </summary>
    internal sealed class ErrorReader
    {
        internal const int SnippetLength = 200;
        internal const int MessageLength = 500;
        private readonly SecureString? _apiKey;

        public ErrorReader(SecureString? apiKey) => _apiKey = apiKey;

        public PiApiError Read(PiRequest request, Answer answer)
        {
            using JsonDocument? doc = TryParse(answer);
            if (doc == null || doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Unexpected(request, answer);
            }
            JsonElement root = doc.RootElement;
            string? error = WireReader.String(root, "error");
            string? message = WireReader.String(root, "error_message", "message");
            // Some endpoints (notifications) put a sentence in "error" and no code: keep it as the message.
            bool errorIsSentence = error != null && error.IndexOf(' ') >= 0;
            bool errorIsCode = error != null && !errorIsSentence && IsCode(error);
            JsonElement payment = WireReader.Find(root, "payment");
            return new PiApiError
            {
                Method = request.Method.Method,
                Path = "/" + request.Path,
                StatusCode = answer.Status,
                Code = errorIsCode ? error! : DefaultCode(answer.Status),
                ApiMessage = Clean(message ?? (errorIsSentence ? error : null), request, MessageLength),
                Payment = payment.ValueKind == JsonValueKind.Object ? TryReadPayment(payment) : null,
                VerificationError = Clean(WireReader.String(root, "verification_error"), request, MessageLength),
                RetryAfter = answer.RetryAfter,
                ContentType = answer.ContentType,
            };
        }

        /// <summary>An answer that is not the API's JSON: a proxy's page, an empty 5xx, a truncated body, a refused value.</summary>
        public PiApiError Unexpected(PiRequest request, Answer answer, string? problem = null, string api = "Pi") => new PiApiError
        {
            Api = api,
            Method = request.Method.Method,
            Path = "/" + request.Path,
            StatusCode = answer.Status,
            // A 5xx is a server error whatever its body; only a 2xx/4xx that is not the API's shape is "unexpected".
            Code = answer.Status == 429 || answer.Status >= 500 ? DefaultCode(answer.Status) : PiErrorCatalog.UnexpectedResponse,
            RetryAfter = answer.RetryAfter,
            ContentType = answer.ContentType,
            BodySnippet = Clean(Encoding.UTF8.GetString(answer.Body, 0, Math.Min(answer.Body.Length, SnippetLength * 64)), request, SnippetLength),
            Problem = Clean(problem, request, MessageLength),
        };

        public static JsonDocument? TryParse(Answer answer)
        {
            if (answer.Body.Length == 0 || (answer.ContentType != null && answer.ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0))
            {
                return null;
            }
            try { return JsonDocument.Parse(answer.Body); }
            catch (JsonException) { return null; }
        }

        private static string DefaultCode(int status) =>
            status == 429 ? PiErrorCatalog.RateLimited : status >= 500 ? PiErrorCatalog.ServerError : $"http_{status}";

        // The API's codes are snake_case words; anything else (markup, escapes) is not taken as an ErrorId.
        private static bool IsCode(string text)
        {
            if (text.Length == 0 || text.Length > 64) return false;
            foreach (char c in text)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) return false;
            }
            return true;
        }

        private static Payment? TryReadPayment(JsonElement e)
        {
            try { return WireReader.ReadPayment(e); }
            catch (Exception x) when (x is FormatException || x is InvalidOperationException || x is ArgumentException || x is OverflowException)
            {
                return null;
            }
        }

        /// <summary>
        /// The server's text as it may be shown: redacted, control characters removed, cut to <paramref name="length"/>.
        /// Redacted before it is cut, so that a secret the cut would split is still found whole.
        /// </summary>
        public string? Clean(string? text, PiRequest request, int length)
        {
            if (text == null) return null;
            string redacted = Secret.Redact(text, _apiKey, request.BearerToken);
            var shown = new StringBuilder(Math.Min(redacted.Length, length));
            foreach (char c in redacted)
            {
                if (shown.Length >= length) break;
                shown.Append(char.IsControl(c) ? ' ' : c);
            }
            return shown.ToString().Trim();
        }
    }
}
