using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>Horizon's read endpoints a payout uses: the root, accounts, fee stats, and Horizon's problems for bad input.</summary>
public sealed class HorizonReadTests : HorizonTest
{
    public HorizonReadTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task The_root_names_the_network_and_the_latest_ledger_as_horizon_does()
    {
        var root = await GetAsync("", null);

        AssertStatus(HttpStatusCode.OK, root);
        Assert.Equal("application/hal+json; charset=utf-8", root.ContentType);
        Assert.Equal("Pi Testnet", root.Json.GetProperty("network_passphrase").GetString());
        Assert.Equal(20_000_000, root.Json.GetProperty("history_latest_ledger").GetInt64());
        Assert.Equal(20_000_000, root.Json.GetProperty("core_latest_ledger").GetInt64());
        Assert.Equal(19, root.Json.GetProperty("current_protocol_version").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.Json.GetProperty("horizon_version").GetString()));
        Assert.False(string.IsNullOrEmpty(root.Json.GetProperty("core_version").GetString()));
        var links = root.Json.GetProperty("_links");
        Assert.Equal(new Uri(Fixture.Host.BaseUri, "accounts/{account_id}").ToString(), links.GetProperty("account").GetProperty("href").GetString());
        Assert.True(links.GetProperty("account").GetProperty("templated").GetBoolean());
        Assert.False(links.GetProperty("fee_stats").TryGetProperty("templated", out _));
    }

    [Fact]
    public async Task Every_horizon_answer_dates_itself_by_the_sandbox_clock_not_the_machines()
    {
        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        var expected = Fixture.Clock.GetUtcNow();

        var answers = new[] { await GetAsync("", null), await GetAsync("fee_stats", null), await GetAsync("accounts/GNOPE", null), await SubmitAsync("AAAA") };

        Assert.All(answers, a =>
        {
            var date = a.Message.Headers.Date!.Value;
            Assert.InRange((date - expected).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(2));
            Assert.True((date - DateTimeOffset.UtcNow).Duration() > TimeSpan.FromDays(2), "the Date header follows the machine's clock");
        });
    }

    [Fact]
    public async Task The_app_wallet_is_a_funded_account_with_a_genesis_sequence_as_a_string()
    {
        var account = await AccountAsync(AppWallet);

        Assert.Equal(AppWallet, account.GetProperty("id").GetString());
        Assert.Equal(AppWallet, account.GetProperty("account_id").GetString());
        Assert.Equal(JsonValueKind.String, account.GetProperty("sequence").ValueKind);
        Assert.Equal(GenesisSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), account.GetProperty("sequence").GetString());
        var balance = account.GetProperty("balances").EnumerateArray().Single();
        Assert.Equal("1000000.0000000", balance.GetProperty("balance").GetString());
        Assert.Equal("native", balance.GetProperty("asset_type").GetString());
        var signer = account.GetProperty("signers").EnumerateArray().Single();
        Assert.Equal((1, AppWallet, "ed25519_public_key"),
            (signer.GetProperty("weight").GetInt32(), signer.GetProperty("key").GetString(), signer.GetProperty("type").GetString()));
        Assert.Equal(0, account.GetProperty("thresholds").GetProperty("low_threshold").GetInt32());
        Assert.Equal(0, account.GetProperty("subentry_count").GetInt32());
        Assert.Equal(AppWallet, account.GetProperty("paging_token").GetString());
        Assert.EndsWith($"/accounts/{AppWallet}", account.GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
    }

    [Fact]
    public async Task Every_demo_wallet_is_a_real_strkey_account_funded_on_the_ledger()
    {
        var users = (await GetAsync("sandbox/users", null)).Json.EnumerateArray().Where(u => u.GetProperty("has_wallet").GetBoolean()).ToList();

        Assert.Equal(3, users.Count);
        foreach (var user in users)
        {
            // The wallet is the documented key of the username, so a test (or demo) can sign for it.
            Assert.Equal(WalletOf(user.GetProperty("username").GetString()!), user.GetProperty("wallet_address").GetString());
            Assert.Equal(100 * Pi, await BalanceAsync(user.GetProperty("wallet_address").GetString()!));
        }
    }

    [Fact]
    public async Task An_unknown_account_is_a_404_not_found_problem()
    {
        AssertProblem(HttpStatusCode.NotFound, "not_found", await GetAsync($"accounts/{WalletOf("nobody")}", null));
    }

    [Theory]
    [InlineData("GNOPE")]
    [InlineData("gcydliavw6dllpgmuay3dw4ca7ttkbsm7wcxd4wuhgaiaaxjwjszr56c")] // lower case
    [InlineData("GCYDLIAVW6DLLPGMUAY3DW4CA7TTKBSM7WCXD4WUHGAIAAXJWJSZR56D")] // checksum off by one
    [InlineData("SAWRZ3TSRLRQ2SLB4RJ7UWFB5JWDQPRQYMSWZO4PUMPQGECHVK23IJSF")] // a seed, not an account id
    public async Task A_bad_account_id_is_a_400_bad_request_naming_the_field(string id)
    {
        var response = await GetAsync($"accounts/{id}", null);

        AssertProblem(HttpStatusCode.BadRequest, "bad_request", response);
        Assert.Equal("account_id", response.Json.GetProperty("extras").GetProperty("invalid_field").GetString());
    }

    [Fact]
    public async Task Fee_stats_report_pis_base_fee_as_horizon_strings()
    {
        var stats = (await GetAsync("fee_stats", null)).Json;

        Assert.Equal("100000", stats.GetProperty("last_ledger_base_fee").GetString());
        Assert.Equal("20000000", stats.GetProperty("last_ledger").GetString());
        Assert.Equal(JsonValueKind.String, stats.GetProperty("ledger_capacity_usage").ValueKind);
        foreach (string distribution in new[] { "fee_charged", "max_fee" })
        {
            var d = stats.GetProperty(distribution);
            Assert.Equal(14, d.EnumerateObject().Count());
            Assert.All(d.EnumerateObject(), f => Assert.Equal("100000", f.Value.GetString()));
        }
    }

    [Fact]
    public async Task Unknown_horizon_paths_and_transactions_are_404_problems_and_bad_hashes_400()
    {
        AssertProblem(HttpStatusCode.NotFound, "not_found", await GetAsync("no/such/thing", null));
        AssertProblem(HttpStatusCode.NotFound, "not_found", await GetAsync($"transactions/{Hex64('a')}", null));
        var bad = await GetAsync($"transactions/{Hex64('A')}", null);
        AssertProblem(HttpStatusCode.BadRequest, "bad_request", bad);
        Assert.Equal("tx_id", bad.Json.GetProperty("extras").GetProperty("invalid_field").GetString());
    }

    [Theory]
    [InlineData("order=up", "order")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=-5", "cursor")]
    public async Task Bad_paging_parameters_are_400_naming_the_field(string query, string field)
    {
        var response = await GetAsync($"accounts/{AppWallet}/transactions?{query}", null);

        AssertProblem(HttpStatusCode.BadRequest, "bad_request", response);
        Assert.Equal(field, response.Json.GetProperty("extras").GetProperty("invalid_field").GetString());
    }
}
