using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

public sealed class CompleteTests : SandboxTest
{
    public CompleteTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task Completing_a_verified_payment_with_its_txid_sets_developer_completed()
    {
        var ready = (await SeededAsync("tx_verified"))[0];

        var response = await PostAsync($"v2/payments/{Id(ready)}/complete", $$"""{"txid":"{{TxidOf(ready)}}"}""");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.True(Flag(response.Json, "developer_completed"));
        Assert.Equal("completed", StateOf(await PaymentAsync(Id(ready))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"txid":""}""")]
    [InlineData("""{"txid":"   "}""")]
    [InlineData("""{"txid":42}""")]
    [InlineData("""{"txid":"abc" """)]
    [InlineData("[]")]
    public async Task A_missing_txid_is_400_missing_txid(string? body)
    {
        string id = Id((await SeededAsync("tx_verified"))[0]);

        AssertError(HttpStatusCode.BadRequest, "missing_txid", await PostAsync($"v2/payments/{id}/complete", body));
        Assert.False(Flag(await PaymentAsync(id), "developer_completed"));
    }

    [Fact]
    public async Task Completing_an_unknown_payment_is_404()
    {
        AssertError(HttpStatusCode.NotFound, "payment_not_found",
            await PostAsync("v2/payments/nope/complete", $$"""{"txid":"{{Hex64('a')}}"}"""));
    }

    [Fact]
    public async Task Completing_again_is_409_already_completed_whether_or_not_the_txid_matches()
    {
        var done = (await SeededAsync("completed"))[0];

        var same = await PostAsync($"v2/payments/{Id(done)}/complete", $$"""{"txid":"{{TxidOf(done)}}"}""");
        var other = await PostAsync($"v2/payments/{Id(done)}/complete", $$"""{"txid":"{{Hex64('b')}}"}""");

        AssertError(HttpStatusCode.Conflict, "already_completed", same, Id(done));
        AssertError(HttpStatusCode.Conflict, "already_completed", other, Id(done));
        // The client tells the two apart from the payment it gets back.
        Assert.Equal(TxidOf(done), TxidOf(same.Payment));
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("user_cancelled")]
    public async Task Completing_a_cancelled_payment_is_409_cancelled_payment(string state)
    {
        string id = Id((await SeededAsync(state))[0]);

        AssertError(HttpStatusCode.Conflict, "cancelled_payment",
            await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{Hex64('c')}}"}"""), id);
    }

    [Fact]
    public async Task Completing_an_unapproved_payment_is_409_not_approved()
    {
        string id = await CreateUserToAppAsync();

        AssertError(HttpStatusCode.Conflict, "not_approved",
            await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{Hex64('d')}}"}"""), id);
    }

    [Fact]
    public async Task Completing_without_a_transaction_is_400_verification_failed_with_a_verification_error()
    {
        string id = Id((await SeededAsync("approved"))[0]);

        var response = await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{Hex64('e')}}"}""");

        AssertError(HttpStatusCode.BadRequest, "verification_failed", response, id);
        Assert.False(string.IsNullOrWhiteSpace(response.Json.GetProperty("verification_error").GetString()));
    }

    [Fact]
    public async Task Completing_with_another_txid_is_409_txid_mismatch()
    {
        var ready = (await SeededAsync("tx_verified"))[0];

        var response = await PostAsync($"v2/payments/{Id(ready)}/complete", $$"""{"txid":"{{Hex64('f')}}"}""");

        AssertError(HttpStatusCode.Conflict, "txid_mismatch", response, Id(ready));
        Assert.False(Flag(await PaymentAsync(Id(ready)), "developer_completed"));
    }

    // The padding is JSON text: "\\n" is a newline inside the txid string.
    [Theory]
    [InlineData(" ", "")]
    [InlineData("", "\\n")]
    [InlineData("\\t", " ")]
    public async Task A_txid_with_surrounding_whitespace_is_another_txid_409_txid_mismatch(string before, string after)
    {
        var ready = (await SeededAsync("tx_verified"))[0];

        var response = await PostAsync($"v2/payments/{Id(ready)}/complete", $$"""{"txid":"{{before}}{{TxidOf(ready)}}{{after}}"}""");

        AssertError(HttpStatusCode.Conflict, "txid_mismatch", response, Id(ready));
        Assert.False(Flag(await PaymentAsync(Id(ready)), "developer_completed"));
    }

    [Fact]
    public async Task A_txid_in_another_case_is_409_txid_mismatch()
    {
        var ready = (await SeededAsync("tx_verified"))[0];

        var response = await PostAsync($"v2/payments/{Id(ready)}/complete", $$"""{"txid":"{{TxidOf(ready).ToUpperInvariant()}}"}""");

        AssertError(HttpStatusCode.Conflict, "txid_mismatch", response, Id(ready));
        Assert.False(Flag(await PaymentAsync(Id(ready)), "developer_completed"));
    }

    [Fact]
    public async Task Completing_an_unverified_transaction_is_409_not_verified_until_verified()
    {
        var (id, txid) = await CreateWithTransactionAsync(verified: false);
        string body = $$"""{"txid":"{{txid}}"}""";

        AssertError(HttpStatusCode.Conflict, "not_verified", await PostAsync($"v2/payments/{id}/complete", body), id);
        AssertStatus(HttpStatusCode.OK, await PostAsync($"sandbox/payments/{id}/verify", authorization: null));
        var completed = await PostAsync($"v2/payments/{id}/complete", body);

        AssertStatus(HttpStatusCode.OK, completed);
        Assert.Equal("completed", StateOf(completed.Json));
    }

    [Fact]
    public async Task Completing_a_seeded_unverified_payment_is_409_not_verified()
    {
        var pending = (await SeededAsync("tx_unverified"))[0];

        AssertError(HttpStatusCode.Conflict, "not_verified",
            await PostAsync($"v2/payments/{Id(pending)}/complete", $$"""{"txid":"{{TxidOf(pending)}}"}"""), Id(pending));
    }

    [Fact]
    public async Task An_a2u_payment_with_a_verified_transaction_completes_and_leaves_the_incomplete_list()
    {
        var open = (await GetAsync("v2/payments/incomplete_server_payments")).Json.GetProperty("incomplete_server_payments")[1];

        var response = await PostAsync($"v2/payments/{Id(open)}/complete", $$"""{"txid":"{{TxidOf(open)}}"}""");

        AssertStatus(HttpStatusCode.OK, response);
        Assert.True(Flag(response.Json, "developer_completed"));
        var remaining = (await GetAsync("v2/payments/incomplete_server_payments")).Json.GetProperty("incomplete_server_payments");
        Assert.Equal(1, remaining.GetArrayLength());
        Assert.NotEqual(Id(open), Id(remaining[0]));
    }
}
