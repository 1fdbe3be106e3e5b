using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>
/// /sandbox/faults on Horizon's paths, matched as on /v2 (path_contains, method, and "api" to pick one API), and Horizon
/// requests in /sandbox/requests and /sandbox/stats.
/// </summary>
public sealed class HorizonFaultTests : HorizonTest
{
    public HorizonFaultTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private static readonly string AliceWallet = WalletOf("alice");

    [Fact]
    public async Task A_reset_after_processing_loses_the_answer_but_the_transaction_is_applied_and_a_resubmit_is_safe()
    {
        await QueueFaultAsync("""{"action":"reset","after_processing":true,"path_contains":"/transactions","method":"POST"}""");
        var (envelope, hash) = Payout(GenesisSequence + 1, AliceWallet, Pi, "lost-answer");

        await Assert.ThrowsAsync<HttpRequestException>(() => SubmitAsync(envelope));

        Assert.Equal(hash, (await LedgerAsync()).Json.GetProperty("transactions")[0].GetProperty("hash").GetString());
        // The client's safe move: the same signed envelope again. The recorded result, applied once.
        var again = await SubmitAsync(envelope);
        AssertStatus(HttpStatusCode.OK, again);
        Assert.Equal(hash, again.Json.GetProperty("hash").GetString());
        Assert.Equal(1, await IncludedTransactionsAsync());
        Assert.Equal(100 * Pi + Pi, await BalanceAsync(AliceWallet));
        var logged = (await GetAsync("sandbox/requests", null)).Json.GetProperty("requests").EnumerateArray()
            .Where(r => r.GetProperty("path").GetString() == "/transactions").Select(r => r.GetProperty("status").GetInt32());
        Assert.Equal(new[] { 0, 200 }, logged);
    }

    [Fact]
    public async Task A_reset_before_processing_applies_nothing()
    {
        await QueueFaultAsync("""{"action":"reset","path_contains":"/transactions"}""");

        await Assert.ThrowsAsync<HttpRequestException>(() => SubmitAsync(Payout(GenesisSequence + 1, AliceWallet, Pi).Base64));

        Assert.Equal(0, await IncludedTransactionsAsync());
    }

    [Fact]
    public async Task An_injected_horizon_problem_is_answered_as_given_and_the_real_submission_is_not_made()
    {
        const string badSeq = """{"type":"https://stellar.org/horizon-errors/transaction_failed","title":"Transaction Failed","status":400,"extras":{"result_codes":{"transaction":"tx_bad_seq"}}}""";
        await QueueFaultAsync($$"""{"status":400,"content_type":"application/problem+json","body":{{System.Text.Json.JsonSerializer.Serialize(badSeq)}},"path_contains":"/transactions"}""");
        await QueueFaultAsync("""{"status":504,"content_type":"application/problem+json","body":"{\"type\":\"https://stellar.org/horizon-errors/timeout\",\"status\":504}","path_contains":"/transactions"}""");
        string envelope = Payout(GenesisSequence + 1, AliceWallet, Pi).Base64;

        var first = await SubmitAsync(envelope);
        var second = await SubmitAsync(envelope);

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal(badSeq, first.Text);
        Assert.Equal("application/problem+json", first.ContentType);
        Assert.Equal(HttpStatusCode.GatewayTimeout, second.Status);
        Assert.Equal(0, await IncludedTransactionsAsync());
        // Faulted answers are dated by the sandbox clock too.
        Assert.NotNull(second.Message.Headers.Date);
        AssertStatus(HttpStatusCode.OK, await SubmitAsync(envelope));
    }

    [Fact]
    public async Task A_fault_limited_to_one_api_passes_the_other_by()
    {
        await QueueFaultAsync("""{"status":503,"api":"pi","count":1}""");
        await QueueFaultAsync("""{"status":502,"api":"horizon","count":1}""");

        var horizon = await GetAsync("fee_stats", null);
        var pi = await GetAsync("v2/payments/incomplete_server_payments");

        Assert.Equal(HttpStatusCode.BadGateway, horizon.Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pi.Status);
        AssertError(HttpStatusCode.BadRequest, "invalid_arguments", await PostAsync("sandbox/faults", """{"status":500,"api":"stellar"}""", null));
    }

    [Fact]
    public async Task Horizon_requests_are_logged_and_counted_by_route_and_by_api()
    {
        await GetAsync($"accounts/{AppWallet}", null);
        await GetAsync($"accounts/{AliceWallet}", null);
        await SubmitAsync(Payout(GenesisSequence + 1, AliceWallet, Pi).Base64);
        await GetAsync("v2/payments/incomplete_server_payments");

        var requests = (await StatsAsync()).GetProperty("requests");
        var log = (await GetAsync("sandbox/requests", null)).Json.GetProperty("requests").EnumerateArray().ToList();

        Assert.Equal(4, requests.GetProperty("total").GetInt64());
        Assert.Equal(2, requests.GetProperty("by_route").GetProperty("GET /accounts/{account_id}").GetInt64());
        Assert.Equal(1, requests.GetProperty("by_route").GetProperty("POST /transactions").GetInt64());
        Assert.Equal(3, requests.GetProperty("by_api").GetProperty("horizon").GetInt64());
        Assert.Equal(1, requests.GetProperty("by_api").GetProperty("pi").GetInt64());
        Assert.Equal(new[] { "horizon", "horizon", "horizon", "pi" }, log.Select(r => r.GetProperty("api").GetString()));
        Assert.Equal(200, log[2].GetProperty("status").GetInt32());
    }
}
