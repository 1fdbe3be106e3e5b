using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>Base of the Horizon tests: the well-known wallets, submitting envelopes, reading accounts and the ledger.</summary>
public abstract class HorizonTest : SandboxTest
{
    /// <summary>The sandbox's public app wallet (README): seed SAWRZ3TS..., raw seed SHA-256("PiPlatform sandbox app wallet").</summary>
    public const string AppWallet = "GCYDLIAVW6DLLPGMUAY3DW4CA7TTKBSM7WCXD4WUHGAIAAXJWJSZR56C";

    /// <summary>Accounts start at the genesis ledger's sequence, ledger 20,000,000 shifted 32 bits left, as on Stellar.</summary>
    public const long GenesisSequence = 20_000_000L << 32;

    public const long BaseFee = 100_000;
    public const long Pi = 10_000_000;
    public const string ProblemPrefix = "https://stellar.org/horizon-errors/";

    public static readonly byte[] AppSeed = TestEnvelope.SeedOf("PiPlatform sandbox app wallet");

    protected HorizonTest(SandboxFixture fixture) : base(fixture)
    {
    }

    /// <summary>A demo wallet's seed: SHA-256 of "PiPlatform sandbox wallet " + the username (or a payee's uid).</summary>
    public static byte[] WalletSeed(string label) => TestEnvelope.SeedOf("PiPlatform sandbox wallet " + label);

    public static string WalletOf(string label) => TestEnvelope.AccountId(WalletSeed(label));

    /// <summary>The sandbox clock, in unix seconds.</summary>
    protected ulong Now => (ulong)Fixture.Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>A payout from the app wallet, as pi-backend builds one: the base fee, 180 s of validity, one payment.</summary>
    protected (string Base64, string Hash) Payout(long sequence, string destination, long stroops, string? memo = null, uint fee = (uint)BaseFee) =>
        TestEnvelope.Payment(AppSeed, sequence, fee, 0, Now + 180, memo, destination, stroops);

    /// <summary>POST /transactions with the form field tx, as the Stellar SDKs send it.</summary>
    protected async Task<ApiResponse> SubmitAsync(string envelope)
    {
        using var body = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("tx", envelope) });
        return await SendRawAsync(HttpMethod.Post, "transactions", body);
    }

    protected async Task<ApiResponse> SendRawAsync(HttpMethod method, string path, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        var response = await Fixture.Http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, text, text.Length > 0 ? JsonDocument.Parse(text).RootElement : default, response);
    }

    protected async Task<JsonElement> AccountAsync(string id)
    {
        var response = await GetAsync($"accounts/{id}", null);
        AssertStatus(HttpStatusCode.OK, response);
        return response.Json;
    }

    protected async Task<long> SequenceAsync(string id) => long.Parse((await AccountAsync(id)).GetProperty("sequence").GetString()!, CultureInfo.InvariantCulture);

    /// <summary>The native balance in stroops, read from Horizon's 7-decimal string.</summary>
    protected async Task<long> BalanceAsync(string id) =>
        Stroops((await AccountAsync(id)).GetProperty("balances")[0].GetProperty("balance").GetString()!);

    protected static long Stroops(string amount) => (long)(decimal.Parse(amount, CultureInfo.InvariantCulture) * Pi);

    /// <summary>GET /sandbox/ledger: accounts, transactions, transactions by memo.</summary>
    protected async Task<ApiResponse> LedgerAsync() => await GetAsync("sandbox/ledger", null);

    protected async Task<JsonElement> LedgerPaymentAsync(string paymentId) => (await GetAsync($"sandbox/ledger/payments/{paymentId}", null)).Json;

    protected async Task<int> IncludedTransactionsAsync() => (await LedgerAsync()).Json.GetProperty("transactions").GetArrayLength();

    /// <summary>
    /// A TransactionResult XDR computed here, independently of the sandbox: int64 feeCharged, the code, for txSUCCESS and
    /// txFAILED the payment results (opINNER, PAYMENT, the PaymentResultCode each), ext v0.
    /// </summary>
    protected static string ResultXdr(long fee, int txCode, params int[] paymentCodes)
    {
        var bytes = new List<byte>();
        void Int(long value, int size)
        {
            var b = new byte[8];
            BinaryPrimitives.WriteInt64BigEndian(b, value);
            bytes.AddRange(b.Skip(8 - size));
        }

        Int(fee, 8);
        Int(txCode, 4);
        if (txCode is 0 or -1)
        {
            Int(paymentCodes.Length, 4);
            foreach (int code in paymentCodes)
            {
                Int(0, 4);
                Int(1, 4);
                Int(code, 4);
            }
        }

        Int(0, 4);
        return Convert.ToBase64String(bytes.ToArray());
    }

    /// <summary>A Horizon problem: status, content type, the prefixed type, title and detail.</summary>
    protected static void AssertProblem(HttpStatusCode status, string type, ApiResponse response)
    {
        AssertStatus(status, response);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.Equal(ProblemPrefix + type, response.Json.GetProperty("type").GetString());
        Assert.Equal((int)status, response.Json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(response.Json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(response.Json.GetProperty("detail").GetString()));
    }

    /// <summary>400 transaction_failed with these result codes, the envelope echoed.</summary>
    protected static void AssertTransactionFailed(ApiResponse response, string envelope, string txCode, params string[] operations)
    {
        AssertProblem(HttpStatusCode.BadRequest, "transaction_failed", response);
        var extras = response.Json.GetProperty("extras");
        Assert.Equal(envelope, extras.GetProperty("envelope_xdr").GetString());
        var codes = extras.GetProperty("result_codes");
        Assert.Equal(txCode, codes.GetProperty("transaction").GetString());
        string[] ops = codes.TryGetProperty("operations", out var o) ? o.EnumerateArray().Select(e => e.GetString()!).ToArray() : Array.Empty<string>();
        Assert.Equal(operations, ops);
    }

    protected static string ResultXdrOf(ApiResponse failed) => failed.Json.GetProperty("extras").GetProperty("result_xdr").GetString()!;
}
