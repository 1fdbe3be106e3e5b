using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>POST /v2/payments: new app-to-user payments and every validation error.</summary>
public sealed class CreateAppToUserTests : SandboxTest
{
    public CreateAppToUserTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task Creating_answers_an_approved_a2u_payment_without_a_transaction()
    {
        var users = (await GetAsync("sandbox/users", null)).Json.EnumerateArray().ToList();

        var response = await PostAsync("v2/payments",
            $$$"""{"payment":{"amount":2.75,"memo":"Reward","metadata":{"quest":7},"uid":"{{{Carol}}}"}}""");

        AssertStatus(HttpStatusCode.OK, response);
        var p = response.Json;
        Assert.Matches("^[A-Za-z0-9]{28}$", Id(p));
        Assert.Equal(Carol, p.GetProperty("user_uid").GetString());
        Assert.Equal(2.75m, p.GetProperty("amount").GetDecimal());
        Assert.Equal("Reward", p.GetProperty("memo").GetString());
        Assert.Equal(7, p.GetProperty("metadata").GetProperty("quest").GetInt32());
        Assert.Equal("app_to_user", p.GetProperty("direction").GetString());
        Assert.Equal(users[2].GetProperty("wallet_address").GetString(), p.GetProperty("to_address").GetString());
        Assert.Equal("Pi Testnet", p.GetProperty("network").GetString());
        Assert.True(Flag(p, "developer_approved"));
        Assert.False(Flag(p, "transaction_verified") || Flag(p, "developer_completed") || Flag(p, "cancelled") || Flag(p, "user_cancelled"));
        Assert.Equal(JsonValueKind.Null, p.GetProperty("transaction").ValueKind);
        Assert.Equal(p.GetRawText(), (await PaymentAsync(Id(p))).GetRawText());
    }

    [Theory]
    [InlineData("uid-payee-1", HttpStatusCode.OK)]
    [InlineData("uid-payee-999999", HttpStatusCode.OK)]
    [InlineData("uid-payee-", HttpStatusCode.NotFound)]
    [InlineData("uid-payee-1234567", HttpStatusCode.NotFound)]
    [InlineData("uid-payee-12a", HttpStatusCode.NotFound)]
    public async Task Any_payee_uid_is_a_user_with_a_wallet_and_one_open_payment_each(string uid, HttpStatusCode expected)
    {
        string body = "{\"payment\":{\"amount\":1,\"memo\":\"payout\",\"metadata\":{},\"uid\":\"" + uid + "\"}}";

        var first = await PostAsync("v2/payments", body);

        Assert.Equal(expected, first.Status);
        if (expected != HttpStatusCode.OK) return;
        Assert.Matches("^G[A-Z2-7]{55}$", first.Json.GetProperty("to_address").GetString()!);
        AssertError(HttpStatusCode.Conflict, "ongoing_payment_found", await PostAsync("v2/payments", body), Id(first.Json));
    }

    [Fact]
    public async Task Metadata_may_be_left_out_and_is_then_an_empty_object()
    {
        var response = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"m","uid":"{{{Carol}}}"}}""");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal("{}", response.Json.GetProperty("metadata").GetRawText());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"payment":5}""")]
    [InlineData("""{"payment":{"amount":1,"uid":"uid-carol-0003"}}""")] // no memo
    [InlineData("""{"payment":{"amount":1,"memo":"m"}}""")] // no uid
    [InlineData("""{"payment":{"amount":1,"memo":"m","uid":""}}""")]
    public async Task A_malformed_request_is_400_invalid_arguments(string? body)
    {
        AssertError(HttpStatusCode.BadRequest, "invalid_arguments", await PostAsync("v2/payments", body));
    }

    [Theory]
    [InlineData("")]
    [InlineData(""" "amount":"1", """)]
    [InlineData(""" "amount":null, """)]
    [InlineData(""" "amount":0, """)]
    [InlineData(""" "amount":-1, """)]
    [InlineData(""" "amount":0.12345678, """)]
    [InlineData(""" "amount":1e40, """)]
    public async Task A_bad_amount_is_400_invalid_amount(string amountField)
    {
        var response = await PostAsync("v2/payments", $$$"""{"payment":{ {{{amountField}}} "memo":"m","uid":"{{{Carol}}}"}}""");

        AssertError(HttpStatusCode.BadRequest, "invalid_amount", response);
    }

    [Theory]
    [InlineData("\"text\"")]
    [InlineData("[1,2]")]
    [InlineData("42")]
    public async Task Metadata_that_is_not_an_object_is_400_invalid_metadata(string metadata)
    {
        var response = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"m","metadata":{{{metadata}}},"uid":"{{{Carol}}}"}}""");

        AssertError(HttpStatusCode.BadRequest, "invalid_metadata", response);
    }

    [Fact]
    public async Task An_unknown_user_is_404_user_not_found()
    {
        var response = await PostAsync("v2/payments", """{"payment":{"amount":1,"memo":"m","uid":"uid-nobody"}}""");

        AssertError(HttpStatusCode.NotFound, "user_not_found", response);
    }

    [Fact]
    public async Task A_user_without_a_wallet_is_400_missing_wallet()
    {
        var response = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"m","uid":"{{{Dave}}}"}}""");

        AssertError(HttpStatusCode.BadRequest, "missing_wallet", response);
    }

    [Fact]
    public async Task A_user_with_an_open_a2u_payment_gets_409_ongoing_payment_found_with_that_payment()
    {
        var first = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"first","uid":"{{{Carol}}}"}}""");
        AssertStatus(HttpStatusCode.OK, first);

        var second = await PostAsync("v2/payments", $$$"""{"payment":{"amount":2,"memo":"second","uid":"{{{Carol}}}"}}""");

        AssertError(HttpStatusCode.Conflict, "ongoing_payment_found", second, Id(first.Json));
        Assert.Equal(3, (await GetAsync("v2/payments/incomplete_server_payments")).Json.GetProperty("incomplete_server_payments").GetArrayLength());
    }

    [Theory]
    [InlineData(Alice)]
    [InlineData(Bob)]
    public async Task The_seeded_a2u_payments_block_alice_and_bob(string uid)
    {
        var response = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"m","uid":"{{{uid}}}"}}""");

        AssertStatus(HttpStatusCode.Conflict, response);
        Assert.Equal(uid, response.Payment.GetProperty("user_uid").GetString());
        Assert.Equal("app_to_user", response.Payment.GetProperty("direction").GetString());
    }

    [Fact]
    public async Task A_completed_a2u_payment_no_longer_blocks_the_user()
    {
        var created = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"m","uid":"{{{Carol}}}"}}""");
        string id = Id(created.Json);
        var tx = await PostAsync($"sandbox/payments/{id}/transaction", "{}", null);
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{TxidOf(tx.Json)}}"}"""));

        var next = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"m","uid":"{{{Carol}}}"}}""");

        AssertStatus(HttpStatusCode.OK, next);
        Assert.NotEqual(id, Id(next.Json));
    }

    [Fact]
    public async Task Incomplete_server_payments_lists_open_a2u_payments_only_and_wins_over_the_id_route()
    {
        var response = await GetAsync("v2/payments/incomplete_server_payments");

        AssertStatus(HttpStatusCode.OK, response);
        var list = response.Json.GetProperty("incomplete_server_payments").EnumerateArray().ToList();
        Assert.Equal(new[] { Alice, Bob }, list.Select(p => p.GetProperty("user_uid").GetString()).ToArray());
        Assert.All(list, p => Assert.Equal("app_to_user", p.GetProperty("direction").GetString()));

        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{Id(list[0])}/cancel"));
        var after = (await GetAsync("v2/payments/incomplete_server_payments")).Json.GetProperty("incomplete_server_payments");
        Assert.Equal(Id(list[1]), Id(Assert.Single(after.EnumerateArray())));
    }

    [Fact]
    public async Task A_mainnet_sandbox_writes_pi_network_and_mainnet_links()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Seed = 5, Network = "Pi Network" });
        using var http = new System.Net.Http.HttpClient { BaseAddress = host.BaseUri };

        var payments = JsonDocument.Parse(await http.GetStringAsync("sandbox/payments")).RootElement.GetProperty("payments");

        Assert.Equal(7, payments.GetArrayLength());
        Assert.All(payments.EnumerateArray(), p => Assert.Equal("Pi Network", p.GetProperty("network").GetString()));
        string link = payments[2].GetProperty("transaction").GetProperty("_link").GetString()!;
        Assert.StartsWith("https://api.mainnet.minepi.com/transactions/", link, StringComparison.Ordinal);
    }
}
