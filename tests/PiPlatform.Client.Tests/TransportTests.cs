using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>The request seam: auth, non-JSON answers, 429 and Retry-After, network failures, cancellation, secrets.</summary>
    [Collection(SandboxCollection.Name)]
    public class TransportTests
    {
        private const string SecretKey = "pi-sandbox-key-that-is-wrong-0123456789";
        private readonly SandboxFixture _sandbox;

        public TransportTests(SandboxFixture sandbox) => _sandbox = sandbox;

        [Fact]
        public async Task AWrongKeyIsAnAuthenticationErrorThatNeverShowsTheKey()
        {
            using PiClient client = _sandbox.NewClient(SecretKey);
            var log = new ListLog();
            var error = await Assert.ThrowsAsync<PiAuthenticationException>(() => client.WithLog(log).GetIncompleteServerPaymentsAsync());
            Assert.Equal(401, error.StatusCode);
            Assert.Equal(PiErrorKind.Authentication, error.Kind);
            Assert.DoesNotContain(SecretKey, error.ToString());
            Assert.DoesNotContain(log.Lines, l => l.Contains(SecretKey));
        }

        [Fact]
        public async Task MeReturnsTheUserAndRefusesAnExpiredToken()
        {
            using PiClient client = _sandbox.NewClient();
            User alice = await client.GetMeAsync(SandboxFixture.Secure("sandbox-token-alice"));
            Assert.Equal("uid-alice-0001", alice.Uid);
            Assert.Equal("alice", alice.Username);
            Assert.Contains("payments", alice.Scopes);
            Assert.True(alice.ValidUntil > DateTimeOffset.UtcNow);
            User bob = await client.GetMeAsync(SandboxFixture.Secure("sandbox-token-bob"));
            Assert.Null(bob.Username);
            var expired = await Assert.ThrowsAsync<PiAuthenticationException>(() => client.GetMeAsync(SandboxFixture.Secure("sandbox-token-carol")));
            Assert.DoesNotContain("sandbox-token-carol", expired.ToString());
        }

        [Fact]
        public async Task AnHtmlAnswerIsReportedWithStatusContentTypeAndSnippet()
        {
            using PiClient client = _sandbox.NewClient(retry: RetryPolicy.None);
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 502, count = 1, path_contains = id, content_type = "text/html", body = "<html><body>Bad Gateway from proxy</body></html>" });
            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetPaymentAsync(id));
            Assert.Equal(502, error.StatusCode);
            Assert.Equal("server_error", error.ErrorCode);
            Assert.Equal(PiErrorKind.ServerError, error.Kind);
            Assert.Contains("text/html", error.Message);
            Assert.Contains("Bad Gateway from proxy", error.Message);
            // The fault was used up: the next request is answered normally.
            Assert.Equal(id, (await client.GetPaymentAsync(id)).Identifier);
        }

        [Fact]
        public async Task AnEmptyAnswerIsReported()
        {
            using PiClient client = _sandbox.NewClient(retry: RetryPolicy.None);
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 500, count = 1, path_contains = id, body = "" });
            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetPaymentAsync(id));
            Assert.Equal(500, error.StatusCode);
            Assert.Contains("(empty)", error.Message);
        }

        [Fact]
        public async Task A429IsWaitedOutForItsRetryAfter()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 429, count = 2, path_contains = id, retry_after = "1", content_type = "application/json", body = "{\"error\":\"rate_limited\"}" });
            var log = new ListLog();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Payment p = await client.WithLog(log).ApprovePaymentAsync(id);
            Assert.True(p.Status.DeveloperApproved);
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"waited only {clock.Elapsed}");
            Assert.Equal(2, log.Lines.Count(l => l.Contains("rate limiting")));
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
        }

        [Fact]
        public async Task A429BeyondTheRetriesIsARateLimitErrorWithRetryAfter()
        {
            using PiClient client = _sandbox.NewClient(retry: RetryPolicy.None);
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 429, count = 1, path_contains = id, retry_after = "7" });
            var error = await Assert.ThrowsAsync<PiRateLimitException>(() => client.GetPaymentAsync(id));
            Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
            Assert.Equal(PiErrorKind.LimitExceeded, error.Kind);
        }

        [Fact]
        public async Task ARetryAfterGivenAsAnHttpDateIsWaitedOutToo()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            // Whole seconds on the wire: the date is 2 to 3 s away when made.
            string date = DateTimeOffset.UtcNow.AddSeconds(3).ToString("r", System.Globalization.CultureInfo.InvariantCulture);
            DateTimeOffset until = DateTimeOffset.ParseExact(date, "r", System.Globalization.CultureInfo.InvariantCulture);
            await _sandbox.PostAsync("sandbox/faults", new { status = 429, count = 1, path_contains = id, retry_after = date });
            var log = new ListLog();
            Payment p = await client.WithLog(log).GetPaymentAsync(id);
            Assert.Equal(id, p.Identifier);
            // Measured against the date itself, not a stopwatch, so a slow machine cannot make the wait look short.
            DateTimeOffset answered = DateTimeOffset.UtcNow;
            Assert.True(answered >= until.AddMilliseconds(-100), $"answered at {answered:O}, before the Retry-After date {until:O}");
            Assert.Single(log.Lines, l => l.Contains("rate limiting"));
        }

        [Fact]
        public async Task A200WhoseFieldsAreOutOfRangeIsAnUnexpectedResponseNotACrash()
        {
            using PiClient client = _sandbox.NewClient();
            // valid_until in milliseconds, not seconds: past DateTimeOffset's range.
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = "/v2/me",
                body = "{\"uid\":\"u\",\"credentials\":{\"scopes\":[],\"valid_until\":{\"timestamp\":1700000000000000}}}" });
            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetMeAsync(SandboxFixture.Secure("sandbox-token-alice")));
            Assert.Equal("unexpected_response", error.ErrorCode);
        }

        [Fact]
        public async Task NoServerIsANetworkError()
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }
            using var client = new PiClient(new PiClientOptions { BaseUri = new Uri($"http://127.0.0.1:{port}/"), ApiKey = SandboxFixture.Secure(SecretKey) });
            var error = await Assert.ThrowsAsync<PiTransportException>(() => client.GetPaymentAsync("x"));
            Assert.Equal("network_error", error.ErrorCode);
            Assert.Equal(PiErrorKind.Network, error.Kind);
            Assert.DoesNotContain(SecretKey, error.ToString());
        }

        [Fact]
        public async Task AServerThatNeverAnswersIsATimeoutButACallerCancelIsACancel()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start(); // accepts connections, never answers
            var uri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
            using var client = new PiClient(new PiClientOptions { BaseUri = uri, Timeout = TimeSpan.FromMilliseconds(300) });
            var timeout = await Assert.ThrowsAsync<PiTransportException>(() => client.GetPaymentAsync("x"));
            Assert.Equal("timeout", timeout.ErrorCode);
            Assert.Equal(PiErrorKind.Timeout, timeout.Kind);

            using var slow = new PiClient(new PiClientOptions { BaseUri = uri, Timeout = TimeSpan.FromSeconds(30) });
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slow.GetPaymentAsync("x", cancel.Token));
        }

        [Fact]
        public void EveryCatalogCodeHasAMeaningAndAnAction()
        {
            foreach (PiErrorInfo info in PiErrorCatalog.All)
            {
                Assert.False(string.IsNullOrWhiteSpace(info.Meaning), info.Code);
                Assert.False(string.IsNullOrWhiteSpace(info.RecommendedAction), info.Code);
            }
            // Every code in the table of pi-platform-api.md.
            string[] documented =
            {
                "payment_not_found",
                "ongoing_payment_found", "user_not_found", "missing_scope", "missing_wallet", "invalid_address", "altered_amount",
                "too_many_payments", "too_many_cancelled_payments", "feature_not_available", "invalid_amount", "invalid_arguments",
                "invalid_metadata", "unknown_error",
                "already_completed", "cancelled_payment", "missing_param", "missing_txid", "not_verified", "txid_mismatch", "verification_failed",
                "forbidden", "payment_tx_present",
            };
            Assert.DoesNotContain(documented, code => PiErrorCatalog.Find(code) == null);
        }

        [Fact]
        public void EveryErrorIdIsOneSnakeCaseCodeOfTheCatalog()
        {
            // One style for every ErrorId, the API's and the module's own alike: snake_case words, as Pi spells its codes.
            var snake = new System.Text.RegularExpressions.Regex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$");
            Assert.All(PiErrorCatalog.All, info => Assert.Matches(snake, info.Code));
            var constants = typeof(PiErrorCatalog).GetFields(System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToList();
            Assert.NotEmpty(constants);
            Assert.All(constants, code => Assert.NotNull(PiErrorCatalog.Find(code)));
        }

        [Fact]
        public async Task TheModulesOwnErrorsSayTheNextStepInTheMessageItself()
        {
            using var client = new PiClient(new PiClientOptions { BaseUri = new Uri("http://127.0.0.1:9/") });

            PiException refused = await Assert.ThrowsAnyAsync<PiException>(() => client.GetPaymentAsync("a/b"));

            Assert.Equal(PiErrorCatalog.InvalidIdentifier, refused.ErrorCode);
            Assert.EndsWith(refused.RecommendedAction!, refused.Message);
            Assert.StartsWith("The payment id", refused.Message);
        }
    }
}
