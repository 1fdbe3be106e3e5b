using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security;
using System.Text.Json;
using System.Threading.Tasks;
using PiPlatform.Sandbox;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>One sandbox on a free loopback port for the whole test run; tests make their own payments.</summary>
    public sealed class SandboxFixture : IAsyncLifetime
    {
        private SandboxHost? _host;

        public Uri BaseUri => _host!.BaseUri;

        /// <summary>For the sandbox's own endpoints (the user's side and the test's eyes).</summary>
        public HttpClient Http { get; } = new HttpClient();

        public async Task InitializeAsync()
        {
            _host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 });
            Http.BaseAddress = _host.BaseUri;
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            if (_host != null) await _host.DisposeAsync();
        }

        /// <summary>Retries as the connection's default does, but 20 ms apart at first, so tests of faults stay quick.</summary>
        public static readonly RetryPolicy QuickRetry = new RetryPolicy(3, TimeSpan.FromMilliseconds(20));

        public PiClient NewClient(string key = PiSandboxDefaults.ApiKey, TimeSpan? timeout = null, RetryPolicy? retry = null,
            int? maxRequestsPerSecond = null) =>
            new PiClient(new PiClientOptions
            {
                BaseUri = BaseUri,
                ApiKey = Secure(key),
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                Retry = retry ?? QuickRetry,
                MaxRequestsPerSecond = maxRequestsPerSecond,
            });

        /// <summary>When the sandbox received each logged /v2 request whose path contains <paramref name="pathContains"/>, and its status.</summary>
        public async Task<System.Collections.Generic.List<(double ReceivedMs, double AnsweredMs, int Status)>> RequestLogAsync(string pathContains)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync(new Uri(BaseUri, "sandbox/requests")));
            var log = new System.Collections.Generic.List<(double, double, int)>();
            foreach (var r in doc.RootElement.GetProperty("requests").EnumerateArray())
            {
                if (!r.GetProperty("path").GetString()!.Contains(pathContains)) continue;
                log.Add((r.GetProperty("received_ms").GetDouble(), r.GetProperty("answered_ms").GetDouble(), r.GetProperty("status").GetInt32()));
            }
            return log;
        }

        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            return secure;
        }

        /// <summary>A new user-to-app payment awaiting approval, as the user's app would create it.</summary>
        public async Task<string> NewU2APaymentAsync(decimal amount = 2.5m, string user = "uid-alice-0001")
        {
            HttpResponseMessage created = await Http.PostAsJsonAsync("sandbox/payments", new { user_uid = user, amount, memo = "test" });
            created.EnsureSuccessStatusCode();
            using JsonDocument doc = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
            return doc.RootElement.GetProperty("identifier").GetString()!;
        }

        /// <summary>Attaches the user's transaction; returns its txid.</summary>
        public async Task<string> AttachTransactionAsync(string id, bool verified = true)
        {
            HttpResponseMessage attached = await Http.PostAsJsonAsync($"sandbox/payments/{id}/transaction", new { verified });
            attached.EnsureSuccessStatusCode();
            using JsonDocument doc = JsonDocument.Parse(await attached.Content.ReadAsStringAsync());
            return doc.RootElement.GetProperty("transaction").GetProperty("txid").GetString()!;
        }

        public async Task PostAsync(string path, object body) =>
            (await Http.PostAsJsonAsync(path, body)).EnsureSuccessStatusCode();

        /// <summary>How many real state changes of one kind the sandbox made on a payment.</summary>
        public async Task<int> ChangesAsync(string id, string kind)
        {
            using JsonDocument stats = JsonDocument.Parse(await Http.GetStringAsync("sandbox/stats"));
            return stats.RootElement.GetProperty("changes").GetProperty("by_payment").TryGetProperty(id, out JsonElement counts)
                && counts.TryGetProperty(kind, out JsonElement n) ? n.GetInt32() : 0;
        }

        /// <summary>How many requests the sandbox saw on one route, e.g. "GET /v2/payments/{id}".</summary>
        public async Task<int> RouteCountAsync(string route)
        {
            using JsonDocument stats = JsonDocument.Parse(await Http.GetStringAsync("sandbox/stats"));
            return stats.RootElement.GetProperty("requests").GetProperty("by_route").TryGetProperty(route, out JsonElement n) ? n.GetInt32() : 0;
        }

        public async Task<int> RequestTotalAsync()
        {
            using JsonDocument stats = JsonDocument.Parse(await Http.GetStringAsync("sandbox/stats"));
            return stats.RootElement.GetProperty("requests").GetProperty("total").GetInt32();
        }
    }

    [CollectionDefinition(Name)]
    public sealed class SandboxCollection : ICollectionFixture<SandboxFixture>
    {
        public const string Name = "sandbox";
    }
}
