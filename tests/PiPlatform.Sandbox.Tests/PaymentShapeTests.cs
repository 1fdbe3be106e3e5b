using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>The PaymentDTO on the wire: every field, its JSON type, its nulls, and exact amounts.</summary>
public sealed class PaymentShapeTests : SandboxTest
{
    private static readonly string[] Fields =
    {
        "identifier", "user_uid", "amount", "memo", "metadata", "from_address", "to_address",
        "direction", "created_at", "network", "status", "transaction",
    };

    private static readonly string[] StatusFields =
    {
        "developer_approved", "transaction_verified", "developer_completed", "cancelled", "user_cancelled",
    };

    public PaymentShapeTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task A_new_payment_has_every_field_with_its_json_type_and_a_null_transaction()
    {
        string id = await CreateUserToAppAsync(Bob, "2.5");

        var response = await GetAsync($"v2/payments/{id}");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        var p = response.Json;
        Assert.Equal(Fields, p.EnumerateObject().Select(f => f.Name).ToArray());
        Assert.Matches("^[A-Za-z0-9]{28}$", Id(p));
        Assert.Equal(id, Id(p));
        Assert.Equal(Bob, p.GetProperty("user_uid").GetString());
        Assert.Equal(JsonValueKind.Number, p.GetProperty("amount").ValueKind);
        Assert.Equal(2.5m, p.GetProperty("amount").GetDecimal());
        Assert.Equal("test", p.GetProperty("memo").GetString());
        Assert.Equal("""{"order":"t-1"}""", p.GetProperty("metadata").GetRawText());
        Assert.Matches("^G[A-D][A-Z2-7]{54}$", p.GetProperty("from_address").GetString());
        Assert.Matches("^G[A-D][A-Z2-7]{54}$", p.GetProperty("to_address").GetString());
        Assert.NotEqual(p.GetProperty("from_address").GetString(), p.GetProperty("to_address").GetString());
        Assert.Equal("user_to_app", p.GetProperty("direction").GetString());
        Assert.Equal("Pi Testnet", p.GetProperty("network").GetString());
        Assert.Equal(JsonValueKind.Null, p.GetProperty("transaction").ValueKind);

        string createdAt = p.GetProperty("created_at").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", createdAt);
        var created = DateTimeOffset.Parse(createdAt, CultureInfo.InvariantCulture);
        Assert.InRange(created, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        var status = p.GetProperty("status");
        Assert.Equal(StatusFields, status.EnumerateObject().Select(f => f.Name).ToArray());
        Assert.All(status.EnumerateObject(), f => Assert.Equal(JsonValueKind.False, f.Value.ValueKind));
    }

    [Fact]
    public async Task A_transaction_has_a_hex_txid_a_verified_flag_and_a_horizon_link()
    {
        var (id, txid) = await CreateWithTransactionAsync(verified: false);

        var tx = (await PaymentAsync(id)).GetProperty("transaction");

        Assert.Equal(new[] { "txid", "verified", "_link" }, tx.EnumerateObject().Select(f => f.Name).ToArray());
        Assert.Matches("^[0-9a-f]{64}$", txid);
        Assert.False(tx.GetProperty("verified").GetBoolean());
        Assert.Equal($"https://api.testnet.minepi.com/transactions/{txid}", tx.GetProperty("_link").GetString());
    }

    [Fact]
    public async Task A_user_to_app_payment_goes_from_the_user_wallet_to_the_app_wallet()
    {
        var users = (await GetAsync("sandbox/users", null)).Json.EnumerateArray().ToList();
        string aliceWallet = users[0].GetProperty("wallet_address").GetString()!;
        var u2a = await PaymentAsync(await CreateUserToAppAsync(Alice));
        var a2u = (await GetAsync("v2/payments/incomplete_server_payments")).Json.GetProperty("incomplete_server_payments")[0];

        Assert.Equal(aliceWallet, u2a.GetProperty("from_address").GetString());
        Assert.Equal(Alice, a2u.GetProperty("user_uid").GetString());
        Assert.Equal(aliceWallet, a2u.GetProperty("to_address").GetString());
        Assert.Equal(u2a.GetProperty("to_address").GetString(), a2u.GetProperty("from_address").GetString());
    }

    [Theory]
    [InlineData("0.1234567")]
    [InlineData("3.1415926")]
    [InlineData("1234567.0000001")]
    [InlineData("0.0000001")]
    public async Task Amounts_keep_their_exact_digits_on_the_wire(string amount)
    {
        string id = await CreateUserToAppAsync(Alice, amount);

        var response = await GetAsync($"v2/payments/{id}");

        // The raw text, not a parsed double: a float round trip would change these digits.
        Assert.Contains($"\"amount\":{amount},", response.Text);
    }

    [Fact]
    public async Task An_app_to_user_amount_keeps_its_exact_digits_too()
    {
        var response = await PostAsync("v2/payments", $$$"""{"payment":{"amount":0.1234567,"memo":"m","metadata":{},"uid":"{{{Carol}}}"}}""");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Contains("\"amount\":0.1234567,", response.Text);
    }

    [Fact]
    public async Task Trailing_zeros_of_an_amount_are_dropped_like_a_plain_json_number()
    {
        string id = await CreateUserToAppAsync(Alice, "1.5000000");

        Assert.Contains("\"amount\":1.5,", (await GetAsync($"v2/payments/{id}")).Text);
    }

    [Fact]
    public async Task Metadata_is_stored_and_echoed_as_any_json_object()
    {
        const string metadata = """{"nested":{"list":[1,2.50,"three",null,true],"empty":{}},"emoji":"π <b>"}""";
        var created = await PostAsync("sandbox/payments",
            $$"""{"user_uid":"{{Alice}}","amount":1,"memo":"m","metadata":{{metadata}}}""", authorization: null);
        AssertStatus(HttpStatusCode.Created, created);

        var read = await PaymentAsync(Id(created.Json));

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(metadata).RootElement, read.GetProperty("metadata")));
    }

    [Fact]
    public async Task Unknown_request_fields_are_ignored()
    {
        var response = await PostAsync("sandbox/payments",
            $$$"""{"user_uid":"{{{Alice}}}","amount":1,"memo":"m","color":"blue","extra":{"x":[1]}}""", authorization: null);

        AssertStatus(HttpStatusCode.Created, response);
        Assert.DoesNotContain("color", response.Text);
    }

    [Fact]
    public async Task An_unknown_payment_is_404_payment_not_found()
    {
        AssertError(HttpStatusCode.NotFound, "payment_not_found", await GetAsync("v2/payments/AAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    }

    [Fact]
    public async Task An_unknown_route_answers_a_json_404()
    {
        var response = await GetAsync("v2/no/such/thing.txt");

        AssertError(HttpStatusCode.NotFound, "not_found", response);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
    }

    [Fact]
    public async Task Identifiers_of_created_payments_are_unique()
    {
        var ids = new System.Collections.Generic.HashSet<string>();
        for (int i = 0; i < 20; i++)
        {
            Assert.True(ids.Add(await CreateUserToAppAsync()));
        }

        Assert.All(ids, id => Assert.Matches(new Regex("^[A-Za-z0-9]{28}$"), id));
    }
}
