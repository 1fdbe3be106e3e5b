using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Json;

namespace PiPlatform.Http
{
    /// <summary>
    /// The one place every request goes through, to Pi or to Horizon: the rate cap and 429 pauses (shared by every
    /// concurrent call to that API), the auth header, the timeout budget, retries of what may be sent again, the size
    /// cap, logging and the mapping of failed answers to exceptions. One per API of a connection; each owns one
    /// HttpClient and its keep-alive pool. What differs between the APIs is their <see cref="WireApi"/>.
    /// </summary>
    internal sealed class PiTransport : IDisposable
    {
        private readonly HttpClient _http;
        private readonly WireApi _api;
        private readonly PiClientOptions _options;
        private readonly RequestGate _gate;
        private readonly string _logPrefix;

        public PiTransport(WireApi api, PiClientOptions options)
        {
            _api = api;
            _options = options;
            BaseUri = api.Root;
            _logPrefix = api.LogPrefix;
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

        /// <summary>The API this transport speaks.</summary>
        public WireApi Api => _api;

        public int? MaxRequestsPerSecond => _options.MaxRequestsPerSecond;

        public long MaxResponseBytes => _options.MaxResponseBytes;

        /// <summary>The connection's retry policy, for calls that do not bring their own.</summary>
        public RetryPolicy Retry => _options.Retry;

        /// <summary>
        /// Sends the request and reads a successful answer's JSON; a failed answer throws. A read (GET) that got no clear
        /// answer (a network error, a timeout, 408, 429, 5xx) is sent again under <paramref name="retry"/>; a change only
        /// after a 429 (Pi refused it unprocessed): anything else about a change is for the caller to read back. The
        /// call's timeout budget runs from its first send: time queued behind the rate cap or another call's 429 pause is
        /// not its own, but its retries and their waits are.
        /// </summary>
        public Task<T> SendAsync<T>(PiRequest request, Func<JsonElement, T> read, IPiLog log, RetryPolicy retry, CancellationToken cancel) =>
            SendAsync(request, (root, _) => read(root), log, retry, cancel);

        /// <summary>The same, for a reader that needs the answer's headers too (Horizon's clock is its Date header).</summary>
        public async Task<T> SendAsync<T>(PiRequest request, Func<JsonElement, Answer, T> read, IPiLog log, RetryPolicy retry, CancellationToken cancel)
        {
            await _gate.WaitTurnAsync(cancel).ConfigureAwait(false);
            Stopwatch budget = Stopwatch.StartNew();
            bool replayable = request.Method == HttpMethod.Get;
            for (int retries = 0; ; retries++)
            {
                Answer answer;
                try
                {
                    answer = await SendOnceAsync(request, log, _options.Timeout - budget.Elapsed, cancel).ConfigureAwait(false);
                }
                catch (PiTransportException lost) when (replayable && lost.ErrorCode != PiErrorCatalog.ResponseTooLarge)
                {
                    if (await RetryAsync(request, retry, retries + 1, null, lost.ErrorCode, budget, log, cancel).ConfigureAwait(false)) continue;
                    throw;
                }
                if (answer.Status == 429 || (replayable && IsTransient(answer.Status)))
                {
                    if (await RetryAsync(request, retry, retries + 1, answer.RetryAfter, $"{answer.Status}", budget, log, cancel).ConfigureAwait(false)) continue;
                }
                if (!answer.IsSuccess) throw PiApiException.Create(_api.ReadError(request, answer));
                JsonDocument doc = ErrorReader.TryParse(answer) ?? throw PiApiException.Create(_api.Unexpected(request, answer));
                using (doc)
                {
                    try
                    {
                        return read(doc.RootElement, answer);
                    }
                    // What a reader throws on JSON of the wrong shape or values out of range (a timestamp in ms, say).
                    catch (Exception e) when (e is FormatException || e is InvalidOperationException || e is ArgumentException || e is OverflowException)
                    {
                        throw PiApiException.Create(_api.Unexpected(request, answer, e.Message));
                    }
                }
            }
        }

        // 408 and the 5xx a proxy or an overloaded server gives; 501 and 505 would only fail again.
        private static bool IsTransient(int status) => status == 408 || status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>
        /// Waits before retry <paramref name="retry"/> if the policy and the call's budget allow it; false if not. A 429
        /// pauses every call of the connection, not just this one: Pi limits the app, not the request.
        /// </summary>
        private async Task<bool> RetryAsync(PiRequest request, RetryPolicy policy, int retry, TimeSpan? retryAfter, string why,
            Stopwatch budget, IPiLog log, CancellationToken cancel)
        {
            string what = Describe(request);
            bool limited = why == "429";
            string reason = limited ? "429: Pi is rate limiting" : why;
            if (retry > policy.MaximumRetryCount)
            {
                log.Verbose($"{what}: {reason}; no retries left (MaximumRetryCount {policy.MaximumRetryCount}).");
                return false;
            }
            TimeSpan wait = policy.DelayBefore(retry, retryAfter);
            TimeSpan left = _options.Timeout - budget.Elapsed;
            if (wait > _options.MaxRetryAfter || wait >= left)
            {
                log.Verbose($"{what}: {reason}; a wait of {wait.TotalSeconds:0.#} s is more than this call has left of its {_options.Timeout.TotalSeconds:0.#} s timeout (or over {_options.MaxRetryAfter.TotalSeconds:0.#} s); not retrying.");
                return false;
            }
            if (limited)
            {
                _gate.PauseFor(wait);
                log.Verbose($"{what}: {reason}; this connection waits {wait.TotalSeconds:0.##} s, then retry {retry} of {policy.MaximumRetryCount}.");
            }
            else
            {
                log.Verbose($"{what}: {reason}; retry {retry} of {policy.MaximumRetryCount} in {wait.TotalSeconds:0.##} s.");
                await Task.Delay(wait, cancel).ConfigureAwait(false);
            }
            await _gate.WaitTurnAsync(cancel).ConfigureAwait(false);
            return true;
        }

        private async Task<Answer> SendOnceAsync(PiRequest request, IPiLog log, TimeSpan timeLeft, CancellationToken cancel)
        {
            using var message = new HttpRequestMessage(request.Method, request.Path);
            message.Headers.Authorization = _api.Credential(request);
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue(request.ContentType) { CharSet = "utf-8" };
            }
            string what = Describe(request);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(timeLeft > TimeSpan.Zero ? timeLeft : TimeSpan.Zero);
            Stopwatch clock = Stopwatch.StartNew();
            try
            {
                using HttpResponseMessage response = await _http
                    .SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                Answer answer = await Answer.ReadAsync(response, _options.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
                log.Verbose($"{what} -> {answer.Status} {response.ReasonPhrase} ({clock.ElapsedMilliseconds} ms)");
                log.Debug($"{what}: {answer.Body.Length} bytes of {response.Content.Headers.ContentType?.MediaType ?? "no content type"}");
                return answer;
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                log.Verbose($"{what} -> no answer within {_options.Timeout.TotalSeconds:0.#} s");
                throw Lost(request, PiErrorCatalog.TimedOut, $"after {_options.Timeout.TotalSeconds:0.#} s", null);
            }
            catch (AnswerTooLargeException e)
            {
                log.Verbose($"{what} -> refused: {e.Message}, over {_options.MaxResponseBytes} bytes");
                throw Lost(request, PiErrorCatalog.ResponseTooLarge, $"{e.Message}, over {_options.MaxResponseBytes} bytes", null);
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException)
            {
                // IOException: the connection broke while the body was read (a reset, a truncated answer).
                log.Verbose($"{what} -> failed: {e.GetBaseException().Message}");
                throw Lost(request, PiErrorCatalog.NetworkError, e.GetBaseException().Message, e);
            }
        }

        private PiTransportException Lost(PiRequest request, string code, string detail, Exception? inner) =>
            new PiTransportException(code, request.Method.Method, "/" + request.Path,
                $"{PiErrorCatalog.Get(code).Meaning} ({Describe(request)}: {detail})", inner);

        private string Describe(PiRequest request) => $"{_logPrefix}{request.Method} /{request.Path}";

        public void Dispose()
        {
            _http.Dispose();
            _api.Dispose();
        }
    }
}
