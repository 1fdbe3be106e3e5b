using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests;

/// <summary>The /sandbox/ endpoints that act as the user and the blockchain.</summary>
public sealed class UserSideTests : SandboxTest
{
    public UserSideTests(SandboxFixture fixture) : base(fixture)
    {
    }

    [Fact]
    public async Task Creating_a_u2a_payment_answers_201_awaiting_approval_and_lists_it_last()
    {
        var response = await PostAsync("sandbox/payments", $$"""{"user_uid":"{{Bob}}","amount":0.5,"memo":"coffee"}""", null);

        AssertStatus(HttpStatusCode.Created, response);
        Assert.Equal("awaiting_approval", StateOf(response.Json));
        Assert.Equal("user_to_app", response.Json.GetProperty("direction").GetString());
        Assert.Equal("{}", response.Json.GetProperty("metadata").GetRawText());
        var all = await AllPaymentsAsync();
        Assert.Equal(17, all.Count);
        Assert.Equal(Id(response.Json), Id(all[^1]));
    }

    [Theory]
    [InlineData("""{"user_uid":"uid-nobody","amount":1,"memo":"m"}""", HttpStatusCode.NotFound, "user_not_found")]
    [InlineData("""{"user_uid":"uid-alice-0001","amount":0,"memo":"m"}""", HttpStatusCode.BadRequest, "invalid_amount")]
    [InlineData("""{"user_uid":"uid-alice-0001","amount":1.00000001,"memo":"m"}""", HttpStatusCode.BadRequest, "invalid_amount")]
    [InlineData("""{"user_uid":"uid-alice-0001","memo":"m"}""", HttpStatusCode.BadRequest, "invalid_amount")]
    [InlineData("""{"user_uid":"uid-alice-0001","amount":1}""", HttpStatusCode.BadRequest, "invalid_arguments")]
    [InlineData("""{"amount":1,"memo":"m"}""", HttpStatusCode.BadRequest, "invalid_arguments")]
    [InlineData("""{"user_uid":"uid-alice-0001","amount":1,"memo":"m","metadata":"x"}""", HttpStatusCode.BadRequest, "invalid_metadata")]
    [InlineData("{oops", HttpStatusCode.BadRequest, "invalid_arguments")]
    [InlineData("""{"user_uid":"uid-dave-0004","amount":1,"memo":"m"}""", HttpStatusCode.BadRequest, "missing_wallet")]
    public async Task Creating_a_u2a_payment_validates_like_the_api(string body, HttpStatusCode status, string code)
    {
        AssertError(status, code, await PostAsync("sandbox/payments", body, null));
        Assert.Equal(16, (await AllPaymentsAsync()).Count);
    }

    [Fact]
    public async Task A_transaction_needs_an_approved_u2a_payment()
    {
        string id = await CreateUserToAppAsync();

        AssertError(HttpStatusCode.Conflict, "not_approved", await PostAsync($"sandbox/payments/{id}/transaction", null, null), id);
    }

    [Fact]
    public async Task A_transaction_is_generated_and_verified_by_default()
    {
        string id = await CreateUserToAppAsync();
        await PostAsync($"v2/payments/{id}/approve");

        var response = await PostAsync($"sandbox/payments/{id}/transaction", null, null);

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Matches("^[0-9a-f]{64}$", TxidOf(response.Json));
        Assert.True(response.Json.GetProperty("transaction").GetProperty("verified").GetBoolean());
        Assert.True(Flag(response.Json, "transaction_verified"));
        Assert.Equal("tx_verified", StateOf(await PaymentAsync(id)));
    }

    [Fact]
    public async Task A_given_txid_is_kept_and_verified_false_leaves_it_unverified()
    {
        string id = await CreateUserToAppAsync();
        await PostAsync($"v2/payments/{id}/approve");
        string txid = Hex64('a');

        var response = await PostAsync($"sandbox/payments/{id}/transaction", $$"""{"txid":"{{txid}}","verified":false}""", null);

        AssertStatus(HttpStatusCode.OK, response);
        Assert.Equal(txid, TxidOf(response.Json));
        Assert.Equal("tx_unverified", StateOf(response.Json));
    }

    [Fact]
    public async Task A_given_txid_keeps_its_case_and_only_that_exact_txid_completes()
    {
        string id = await CreateUserToAppAsync();
        await PostAsync($"v2/payments/{id}/approve");
        string txid = new string('A', 32) + new string('b', 32);

        var attached = await PostAsync($"sandbox/payments/{id}/transaction", $$"""{"txid":"{{txid}}"}""", null);

        AssertStatus(HttpStatusCode.OK, attached);
        Assert.Equal(txid, TxidOf(attached.Json));
        Assert.EndsWith("/" + txid, attached.Json.GetProperty("transaction").GetProperty("_link").GetString());
        AssertError(HttpStatusCode.Conflict, "txid_mismatch",
            await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{txid.ToLowerInvariant()}}"}"""), id);
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{txid}}"}"""));
    }

    [Theory]
    [InlineData("""{"txid":"xyz"}""")]
    [InlineData("""{"txid":12}""")]
    [InlineData("""{"verified":"yes"}""")]
    [InlineData("nope")]
    public async Task A_bad_transaction_body_is_400_invalid_arguments(string body)
    {
        string id = Id((await SeededAsync("approved"))[0]);

        AssertError(HttpStatusCode.BadRequest, "invalid_arguments", await PostAsync($"sandbox/payments/{id}/transaction", body, null));
    }

    [Theory]
    [InlineData("tx_unverified", HttpStatusCode.Conflict, "payment_tx_present")]
    [InlineData("completed", HttpStatusCode.Conflict, "payment_tx_present")]
    [InlineData("cancelled", HttpStatusCode.Conflict, "cancelled_payment")]
    [InlineData("user_cancelled", HttpStatusCode.Conflict, "cancelled_payment")]
    public async Task A_second_transaction_or_one_on_a_cancelled_payment_is_refused(string state, HttpStatusCode status, string code)
    {
        string id = Id((await SeededAsync(state))[0]);

        AssertError(status, code, await PostAsync($"sandbox/payments/{id}/transaction", null, null), id);
    }

    [Fact]
    public async Task An_a2u_payment_takes_the_apps_transaction_once()
    {
        string id = Id((await GetAsync("v2/payments/incomplete_server_payments")).Json.GetProperty("incomplete_server_payments")[0]);

        AssertStatus(HttpStatusCode.OK, await PostAsync($"sandbox/payments/{id}/transaction", null, null));
        // Pi does not stop a second submission (pi-nodejs issue 25); the sandbox does, so tests see the attempt.
        AssertError(HttpStatusCode.Conflict, "payment_tx_present", await PostAsync($"sandbox/payments/{id}/transaction", null, null), id);
    }

    [Theory]
    [InlineData("transaction")]
    [InlineData("verify")]
    [InlineData("user_cancel")]
    public async Task User_side_actions_on_an_unknown_payment_are_404(string action)
    {
        AssertError(HttpStatusCode.NotFound, "payment_not_found", await PostAsync($"sandbox/payments/nope/{action}", null, null));
    }

    [Fact]
    public async Task Verify_marks_the_transaction_and_the_status_verified()
    {
        string id = Id((await SeededAsync("tx_unverified"))[0]);

        var response = await PostAsync($"sandbox/payments/{id}/verify", null, null);

        AssertStatus(HttpStatusCode.OK, response);
        Assert.True(response.Json.GetProperty("transaction").GetProperty("verified").GetBoolean());
        Assert.True(Flag(response.Json, "transaction_verified"));
    }

    [Fact]
    public async Task Verify_without_a_transaction_is_409_no_transaction()
    {
        string id = Id((await SeededAsync("approved"))[0]);

        AssertError(HttpStatusCode.Conflict, "no_transaction", await PostAsync($"sandbox/payments/{id}/verify", null, null), id);
    }

    [Theory]
    [InlineData("awaiting_approval")]
    [InlineData("approved")]
    public async Task User_cancel_sets_user_cancelled(string state)
    {
        string id = Id((await SeededAsync(state))[0]);

        var response = await PostAsync($"sandbox/payments/{id}/user_cancel", null, null);

        AssertStatus(HttpStatusCode.OK, response);
        Assert.True(Flag(response.Json, "user_cancelled"));
        Assert.False(Flag(response.Json, "cancelled"));
    }

    [Theory]
    [InlineData("completed", "already_completed")]
    [InlineData("tx_verified", "payment_tx_present")]
    [InlineData("cancelled", "cancelled_payment")]
    [InlineData("user_cancelled", "cancelled_payment")]
    public async Task User_cancel_is_refused_when_too_late(string state, string code)
    {
        string id = Id((await SeededAsync(state))[0]);

        AssertError(HttpStatusCode.Conflict, code, await PostAsync($"sandbox/payments/{id}/user_cancel", null, null), id);
    }

    [Fact]
    public async Task User_cancel_of_an_a2u_payment_is_409_and_keeps_the_users_a2u_slot_taken()
    {
        string id = Id((await GetAsync("v2/payments/incomplete_server_payments")).Json.GetProperty("incomplete_server_payments")[0]);

        AssertError(HttpStatusCode.Conflict, "not_user_to_app", await PostAsync($"sandbox/payments/{id}/user_cancel", null, null), id);

        Assert.False(Flag(await PaymentAsync(id), "user_cancelled"));
        var again = await PostAsync("v2/payments", $$$"""{"payment":{"amount":1,"memo":"m","metadata":{},"uid":"{{{Alice}}}"}}""");
        AssertError(HttpStatusCode.Conflict, "ongoing_payment_found", again, id);
    }

    [Fact]
    public async Task The_whole_u2a_lifecycle_runs_through_the_api()
    {
        string id = await CreateUserToAppAsync(Carol, "4.2");
        Assert.Equal("approved", StateOf((await PostAsync($"v2/payments/{id}/approve")).Json));
        var tx = await PostAsync($"sandbox/payments/{id}/transaction", """{"verified":false}""", null);
        Assert.Equal("tx_unverified", StateOf(tx.Json));
        Assert.Equal("tx_verified", StateOf((await PostAsync($"sandbox/payments/{id}/verify", null, null)).Json));

        var done = await PostAsync($"v2/payments/{id}/complete", $$"""{"txid":"{{TxidOf(tx.Json)}}"}""");

        Assert.Equal("completed", StateOf(done.Json));
        Assert.Equal("completed", StateOf(await PaymentAsync(id)));
    }
}
