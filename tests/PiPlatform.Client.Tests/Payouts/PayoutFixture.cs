using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Client.Tests.Payouts
{
    /// <summary>
    /// What the payout tests need beside the sandbox: clients holding the sandbox's app wallet, fresh payees (one open
    /// payout per user is all Pi allows), and the chain's own view of what was paid, read from Horizon's public
    /// endpoints rather than from the client under test.
    /// </summary>
    internal static class Payout
    {
        private static int _nextPayee = new Random().Next(100_000, 800_000);

        public static PiClient NewClient(SandboxFixture sandbox, string? seed = PiSandboxDefaults.WalletSeed, TimeSpan? timeout = null, RetryPolicy? retry = null) =>
            new PiClient(new PiClientOptions
            {
                BaseUri = sandbox.BaseUri,
                ApiKey = SandboxFixture.Secure(PiSandboxDefaults.ApiKey),
                WalletSeed = seed == null ? null : SandboxFixture.Secure(seed),
                HorizonUri = sandbox.BaseUri,
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
                Retry = retry ?? SandboxFixture.QuickRetry,
            });

        /// <summary>A payee no other test uses: a user with a funded wallet.</summary>
        public static string NewPayee() => "uid-payee-" + Interlocked.Increment(ref _nextPayee);

        public static Task<Payment> CreateAsync(PiClient client, decimal amount = 1.2345678m, string? payee = null) =>
            client.CreatePaymentAsync(new PaymentRequest { UserUid = payee ?? NewPayee(), Amount = amount, Memo = "payout test" });

        /// <summary>The successful transactions of the sandbox wallet whose text memo is <paramref name="paymentId"/>, as Horizon lists them.</summary>
        public static async Task<List<JsonElement>> PaidOnChainAsync(SandboxFixture sandbox, string paymentId)
        {
            var found = new List<JsonElement>();
            string? cursor = null;
            while (true)
            {
                string url = $"accounts/{PiSandboxDefaults.WalletAddress}/transactions?order=asc&limit=200" + (cursor == null ? "" : "&cursor=" + cursor);
                using JsonDocument page = JsonDocument.Parse(await sandbox.Http.GetStringAsync(url));
                JsonElement records = page.RootElement.GetProperty("_embedded").GetProperty("records");
                foreach (JsonElement r in records.EnumerateArray())
                {
                    if (r.GetProperty("successful").GetBoolean() && r.TryGetProperty("memo", out JsonElement memo) && memo.GetString() == paymentId) found.Add(r.Clone());
                    cursor = r.GetProperty("paging_token").GetString();
                }
                if (records.GetArrayLength() < 200) return found;
            }
        }

        /// <summary>The sandbox wallet's sequence number, as Horizon shows it: unchanged means nothing was applied.</summary>
        public static async Task<long> WalletSequenceAsync(SandboxFixture sandbox)
        {
            using JsonDocument account = JsonDocument.Parse(await sandbox.Http.GetStringAsync($"accounts/{PiSandboxDefaults.WalletAddress}"));
            return long.Parse(account.RootElement.GetProperty("sequence").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>How many POST /transactions the sandbox answered, from its request log.</summary>
        public static async Task<int> SubmitsAsync(SandboxFixture sandbox)
        {
            using JsonDocument log = JsonDocument.Parse(await sandbox.Http.GetStringAsync("sandbox/requests"));
            return log.RootElement.GetProperty("requests").EnumerateArray()
                .Count(r => r.GetProperty("method").GetString() == "POST" && r.GetProperty("path").GetString() == "/transactions");
        }
    }
}
