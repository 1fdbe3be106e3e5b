using System;
using System.Net.Http.Headers;
using System.Text.Json;
using PiPlatform.Http;
using PiPlatform.Json;

namespace PiPlatform.Horizon
{
    /// <summary>
    /// Horizon, the blockchain's HTTP API: no credential (a transaction carries its own signature), and failures as
    /// RFC 7807 problems whose <c>extras.result_codes</c> say why a transaction was refused.
    /// </summary>
    internal sealed class HorizonApi : WireApi
    {
        private const string ProblemPrefix = "https://stellar.org/horizon-errors/";
        private readonly ErrorReader _text = new ErrorReader(null);

        public HorizonApi(Uri root) => Root = new Uri(root.AbsoluteUri.TrimEnd('/') + "/");

        public override string Name => "Horizon";

        public override Uri Root { get; }

        public override AuthenticationHeaderValue? Credential(PiRequest request) => null;

        public override PiApiError Unexpected(PiRequest request, Answer answer, string? problem = null) =>
            _text.Unexpected(request, answer, problem, Name);

        public override PiApiError ReadError(PiRequest request, Answer answer)
        {
            using JsonDocument? doc = ErrorReader.TryParse(answer);
            if (doc == null || doc.RootElement.ValueKind != JsonValueKind.Object) return Unexpected(request, answer);
            JsonElement root = doc.RootElement;
            string? type = WireReader.String(root, "type");
            JsonElement codes = WireReader.Find(WireReader.Find(root, "extras"), "result_codes");
            string? transaction = WireReader.String(codes, "transaction");
            string? operation = FirstFailedOperation(WireReader.Find(codes, "operations"));
            string detail = WireReader.String(root, "detail") ?? WireReader.String(root, "title") ?? "";
            return new PiApiError
            {
                Api = Name,
                Method = request.Method.Method,
                Path = "/" + request.Path,
                StatusCode = answer.Status,
                Code = CodeOf(type, transaction, operation, answer.Status),
                ResultCodes = _text.Clean(transaction == null ? null : operation == null ? transaction : $"{transaction}, {operation}", request, ErrorReader.SnippetLength),
                ApiMessage = _text.Clean(detail, request, ErrorReader.MessageLength),
                RetryAfter = answer.RetryAfter,
                ContentType = answer.ContentType,
            };
        }

        // The most specific code: an operation's (op_underfunded) inside tx_failed, else the transaction's (tx_bad_seq),
        // else the problem type's. Types that would read like Pi's codes get a horizon_ name.
        private static string CodeOf(string? type, string? transaction, string? operation, int status)
        {
            if (transaction == "tx_failed" && operation != null) return Safe(operation) ?? "tx_failed";
            if (transaction != null && Safe(transaction) is string tx) return tx;
            string? kind = type != null && type.StartsWith(ProblemPrefix, StringComparison.Ordinal) ? Safe(type.Substring(ProblemPrefix.Length)) : null;
            return kind switch
            {
                "transaction_malformed" => "transaction_malformed",
                "timeout" or "transaction_submission_timeout" => PiErrorCatalog.SubmissionTimeout,
                "rate_limit_exceeded" => PiErrorCatalog.RateLimited,
                "server_error" => PiErrorCatalog.ServerError,
                null => status == 429 ? PiErrorCatalog.RateLimited : status >= 500 ? PiErrorCatalog.ServerError : $"http_{status}",
                _ => "horizon_" + kind,
            };
        }

        private static string? FirstFailedOperation(JsonElement operations)
        {
            if (operations.ValueKind != JsonValueKind.Array) return null;
            foreach (JsonElement op in operations.EnumerateArray())
            {
                if (op.ValueKind == JsonValueKind.String && op.GetString() is string code && code != "op_success") return code;
            }
            return null;
        }

        // Result codes become ErrorIds: only snake_case words are taken, never markup from a hostile server.
        private static string? Safe(string code)
        {
            if (code.Length == 0 || code.Length > 64) return null;
            foreach (char c in code)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return null;
            }
            return code;
        }
    }
}
