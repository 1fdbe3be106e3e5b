using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Json;

namespace PiPlatform.Http
{
    /// <summary>
    /// The one place every request goes through: the rate cap and 429 pauses (shared by every concurrent call of
    /// the connection), the auth header, the timeout budget, logging and the mapping of failed answers to
    /// exceptions. One per connection; it owns the connection's single HttpClient and its keep-alive pool.
    /// </summary>
    internal sealed class PiTransport : IDisposable
    {
        private const int SnippetLength = 200;
        private readonly HttpClient _http;
        private readonly SecureString? _apiKey;
        private readonly PiClientOptions _options;
        private readonly RequestGate _gate;

        public PiTransport(PiClientOptions options)
        {
            _options = options;
            BaseUri = options.BaseUri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal)
                ? options.BaseUri
                : new Uri(options.BaseUri.AbsoluteUri + "/");
            // A copy of our own, checked once here: a key that no header can carry fails at Connect, not on every call.
            _apiKey = options.ApiKey == null ? null : Secret.Normalize(options.ApiKey, PiErrorCatalog.InvalidApiKey, "API key");
            ApiKeyHint = _apiKey == null ? "" : Secret.Hint(_apiKey);
            _gate = new RequestGate(options.MaxRequestsPerSecond);
            // Redirects are not followed: the API does not redirect, and following one could carry the key elsewhere.
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            try
            {
                handler.MaxConnectionsPerServer = options.MaxConnections;
            }
            catch (PlatformNotSupportedException)
            {
                // A platform whose handler has no such knob pools as it sees fit.
            }
            // The timeout is ours, per request, so that a user's cancel and a timeout can be told apart.
            _http = new HttpClient(handler) { BaseAddress = BaseUri, Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            _http.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        public Uri BaseUri { get; }

        public TimeSpan Timeout => _options.Timeout;

        public bool HasApiKey => _apiKey != null && _apiKey.Length > 0;

        /// <summary>The key masked for display: asterisks and at most its last four characters.</summary>
        public string ApiKeyHint { get; }

        public int? MaxRequestsPerSecond => _options.MaxRequestsPerSecond;

        /// <summary>
        /// Sends the request and reads a successful answer's JSON; a failed answer throws. The call's timeout budget
        /// runs from its first send: time queued behind the rate cap or another call's 429 pause is not its own, but
        /// its own retries and their waits are.
        /// </summary>
        public async Task<T> SendAsync<T>(PiRequest request, Func<JsonElement, T> read, IPiLog log, CancellationToken cancel)
        {
            await _gate.WaitTurnAsync(cancel).ConfigureAwait(false);
            Stopwatch budget = Stopwatch.StartNew();
            for (int attempt = 1; ; attempt++)
            {
                Answer answer = await SendOnceAsync(request, log, _options.Timeout - budget.Elapsed, cancel).ConfigureAwait(false);
                if (answer.Status == 429 && attempt <= _options.MaxRateLimitRetries)
                {
                    TimeSpan wait = answer.RetryAfter ?? TimeSpan.FromSeconds(attempt);
                    TimeSpan left = _options.Timeout - budget.Elapsed;
                    if (wait <= _options.MaxRetryAfter && wait < left)
                    {
                        // Every call of this connection waits it out, not just this one: Pi limits the app, not the request.
                        _gate.PauseFor(wait);
                        log.Verbose($"Pi is rate limiting: this connection waits {wait.TotalSeconds:0.#} s, then retry {attempt} of {_options.MaxRateLimitRetries}.");
                        await _gate.WaitTurnAsync(cancel).ConfigureAwait(false);
                        continue;
                    }
                    log.Verbose($"Pi is rate limiting: a wait of {wait.TotalSeconds:0.#} s is more than this call has left of its {_options.Timeout.TotalSeconds:0.#} s timeout (or over {_options.MaxRetryAfter.TotalSeconds:0.#} s); not retrying.");
                }
                if (answer.Status >= 200 && answer.Status < 300)
                {
                    JsonDocument? doc = TryParse(answer);
                    if (doc == null)
                    {
                        throw PiApiException.Create(Unexpected(request, answer));
                    }
                    using (doc)
                    {
                        try
                        {
                            return read(doc.RootElement);
                        }
                        // What a reader throws on JSON of the wrong shape or values out of range (a timestamp in ms, say).
                        catch (Exception e) when (e is FormatException || e is InvalidOperationException || e is ArgumentException || e is OverflowException)
                        {
                            throw PiApiException.Create(Unexpected(request, answer));
                        }
                    }
                }
                throw PiApiException.Create(ReadError(request, answer));
            }
        }

        private async Task<Answer> SendOnceAsync(PiRequest request, IPiLog log, TimeSpan timeLeft, CancellationToken cancel)
        {
            using var message = new HttpRequestMessage(request.Method, request.Path);
            message.Headers.Authorization = request.BearerToken != null
                ? new AuthenticationHeaderValue("Bearer", Secret.Reveal(request.BearerToken))
                : _apiKey != null ? new AuthenticationHeaderValue("Key", Secret.Reveal(_apiKey)) : null;
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            string what = $"{request.Method} /{request.Path}";
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(timeLeft > TimeSpan.Zero ? timeLeft : TimeSpan.Zero);
            Stopwatch clock = Stopwatch.StartNew();
            try
            {
                using HttpResponseMessage response = await _http
                    .SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                int status = (int)response.StatusCode;
                log.Verbose($"{what} -> {status} {response.ReasonPhrase} ({clock.ElapsedMilliseconds} ms)");
                log.Debug($"{what}: {body.Length} bytes of {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
                return new Answer(status, body, response.Content.Headers.ContentType?.ToString(), RetryAfterOf(response));
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                log.Verbose($"{what} -> no answer within {_options.Timeout.TotalSeconds:0.#} s");
                throw new PiTransportException(PiErrorCatalog.TimedOut, request.Method.Method, "/" + request.Path,
                    $"{PiErrorCatalog.Get(PiErrorCatalog.TimedOut).Meaning} ({request.Method} /{request.Path} after {_options.Timeout.TotalSeconds:0.#} s)", null);
            }
            catch (HttpRequestException e)
            {
                log.Verbose($"{what} -> failed: {e.Message}");
                throw new PiTransportException(PiErrorCatalog.NetworkError, request.Method.Method, "/" + request.Path,
                    $"{PiErrorCatalog.Get(PiErrorCatalog.NetworkError).Meaning} ({request.Method} /{request.Path}: {e.GetBaseException().Message})", e);
            }
        }

        private PiApiError ReadError(PiRequest request, Answer answer)
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
            JsonElement payment = WireReader.Find(root, "payment");
            return new PiApiError
            {
                Method = request.Method.Method,
                Path = "/" + request.Path,
                StatusCode = answer.Status,
                Code = error != null && !errorIsSentence ? error : answer.Status == 429 ? PiErrorCatalog.RateLimited : $"http_{answer.Status}",
                ApiMessage = Redact(message ?? (errorIsSentence ? error : null), request),
                Payment = payment.ValueKind == JsonValueKind.Object ? TryReadPayment(payment) : null,
                VerificationError = WireReader.String(root, "verification_error"),
                RetryAfter = answer.RetryAfter,
                ContentType = answer.ContentType,
            };
        }

        private static Payment? TryReadPayment(JsonElement e)
        {
            try { return WireReader.ReadPayment(e); }
            catch (FormatException) { return null; }
        }

        private PiApiError Unexpected(PiRequest request, Answer answer) => new PiApiError
        {
            Method = request.Method.Method,
            Path = "/" + request.Path,
            StatusCode = answer.Status,
            Code = answer.Status == 429 ? PiErrorCatalog.RateLimited : PiErrorCatalog.UnexpectedResponse,
            RetryAfter = answer.RetryAfter,
            ContentType = answer.ContentType,
            BodySnippet = Snippet(answer.Body, request),
        };

        private string? Redact(string? text, PiRequest request) =>
            text == null ? null : Secret.Redact(text, _apiKey, request.BearerToken);

        private static JsonDocument? TryParse(Answer answer)
        {
            if (answer.Body.Length == 0 || (answer.ContentType != null && answer.ContentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) < 0))
            {
                return null;
            }
            try { return JsonDocument.Parse(answer.Body); }
            catch (JsonException) { return null; }
        }

        private string Snippet(byte[] body, PiRequest request)
        {
            // Redacted before it is cut, so that a secret the cut would split is still found whole.
            string text = Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, SnippetLength * 64)), request)!;
            var shown = new StringBuilder();
            foreach (char c in text)
            {
                if (shown.Length >= SnippetLength) break;
                shown.Append(char.IsControl(c) ? ' ' : c);
            }
            return shown.ToString().Trim();
        }

        private static TimeSpan? RetryAfterOf(HttpResponseMessage response)
        {
            RetryConditionHeaderValue? retry = response.Headers.RetryAfter;
            if (retry?.Delta is TimeSpan delta) return delta;
            if (retry?.Date is DateTimeOffset date)
            {
                TimeSpan wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }

        public void Dispose()
        {
            _http.Dispose();
            _apiKey?.Dispose();
        }

        private readonly struct Answer
        {
            public Answer(int status, byte[] body, string? contentType, TimeSpan? retryAfter)
            {
                Status = status;
                Body = body;
                ContentType = contentType;
                RetryAfter = retryAfter;
            }

            public int Status { get; }
            public byte[] Body { get; }
            public string? ContentType { get; }
            public TimeSpan? RetryAfter { get; }
        }
    }
}
