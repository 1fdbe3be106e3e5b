using System;
using System.Net.Http.Headers;
using System.Security;

namespace PiPlatform.Http
{
    /// <summary>Pi's Platform API: the app's server key in a <c>Key</c> header (a user's token for /v2/me), Pi's error JSON.</summary>
    internal sealed class PiApi : WireApi
    {
        private readonly SecureString? _apiKey;
        private readonly ErrorReader _errors;

        public PiApi(PiClientOptions options)
        {
            Root = ApiRoot(options.BaseUri);
            // A copy of our own, checked once here: a key that no header can carry fails at Connect, not on every call.
            _apiKey = options.ApiKey == null ? null : Secret.Normalize(options.ApiKey, PiErrorCatalog.InvalidApiKey, "API key");
            ApiKeyHint = _apiKey == null ? "" : Secret.Hint(_apiKey);
            _errors = new ErrorReader(_apiKey);
        }

        public override string Name => "Pi";

        // Pi's lines stay as they always were: "GET /v2/payments/abc -> 200".
        public override string LogPrefix => "";

        public override Uri Root { get; }

        /// <summary>The key masked for display: asterisks and at most its last four characters.</summary>
        public string ApiKeyHint { get; }

        public override AuthenticationHeaderValue? Credential(PiRequest request) =>
            request.BearerToken != null ? new AuthenticationHeaderValue("Bearer", Secret.Reveal(request.BearerToken))
            : _apiKey != null ? new AuthenticationHeaderValue("Key", Secret.Reveal(_apiKey))
            : null;

        public override PiApiError ReadError(PiRequest request, Answer answer) => _errors.Read(request, answer);

        public override PiApiError Unexpected(PiRequest request, Answer answer, string? problem = null) => _errors.Unexpected(request, answer, problem);

        public override void Dispose() => _apiKey?.Dispose();

        // The root the v2 paths are added to. A base pasted from Pi's docs ("https://api.minepi.com/v2") means the same
        // API as "https://api.minepi.com", not ".../v2/v2/payments".
        private static Uri ApiRoot(Uri baseUri)
        {
            string text = baseUri.AbsoluteUri.TrimEnd('/');
            if (text.EndsWith("/v2", StringComparison.OrdinalIgnoreCase)) text = text.Substring(0, text.Length - 3);
            return new Uri(text + "/");
        }
    }
}
