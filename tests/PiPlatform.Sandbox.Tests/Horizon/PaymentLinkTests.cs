using System;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>
/// The Pi side of a payout: a transaction that pays an A2U payment exactly (memo = its id, from its from_address, to its
/// to_address, its amount) is linked to it, so complete works next; any other valid payment is applied but not linked.
/// </summary>
public sealed class PaymentLinkTests : HorizonTest
{
    public PaymentLinkTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private async Task<JsonElement> CreatePayoutAsync(string uid, string amount = "2.5")
    {
        var created = await PostAsync("v2/payments", "{\"payment\":{\"uid\":\"" + uid + "\",\"amount\":" + amount + ",\"memo\":\"payout\"}}");
        AssertStatus(HttpStatusCode.OK, created);
        return created.Json;
    }

    private (string Base64, string Hash) Pays(JsonElement payment, long sequence, long? stroops = null, string? to = null, string? memo = null) =>
        Payout(sequence, to ?? payment.GetProperty("to_address").GetString()!,
            stroops ?? (long)(payment.GetProperty("amount").GetDecimal() * Pi), memo ?? Id(payment));

    [Fact]
    public async Task A_matching_payout_is_linked_verified_and_can_then_be_completed()
    {
        var payment = await CreatePayoutAsync(Carol);
        Assert.Equal(AppWallet, payment.GetProperty("from_address").GetString());
        var (envelope, hash) = Pays(payment, GenesisSequence + 1);

        AssertStatus(HttpStatusCode.OK, await SubmitAsync(envelope));
        var linked = await PaymentAsync(Id(payment));
        var completed = await PostAsync($"v2/payments/{Id(payment)}/complete", $$"""{"txid":"{{hash}}"}""");

        Assert.Equal(hash, TxidOf(linked));
        Assert.True(linked.GetProperty("transaction").GetProperty("verified").GetBoolean());
        Assert.Equal(new Uri(Fixture.Host.BaseUri, $"transactions/{hash}").ToString(), linked.GetProperty("transaction").GetProperty("_link").GetString());
        Assert.True(Flag(linked, "transaction_verified"));
        AssertStatus(HttpStatusCode.OK, completed);
        Assert.True(Flag(completed.Json, "developer_completed"));
        var ledger = await LedgerPaymentAsync(Id(payment));
        Assert.Equal(1, ledger.GetProperty("successful").GetInt32());
        Assert.Equal(hash, ledger.GetProperty("linked_txid").GetString());
    }

    [Fact]
    public async Task A_payment_with_a_linked_transaction_can_no_longer_be_cancelled()
    {
        var payment = await CreatePayoutAsync(Carol);
        AssertStatus(HttpStatusCode.OK, await SubmitAsync(Pays(payment, GenesisSequence + 1).Base64));

        AssertError(HttpStatusCode.Conflict, "payment_tx_present", await PostAsync($"v2/payments/{Id(payment)}/cancel"), Id(payment));
    }

    [Theory]
    [InlineData("wrong_amount")]
    [InlineData("wrong_destination")]
    public async Task A_payout_that_does_not_pay_the_payment_exactly_is_applied_but_not_linked(string mismatch)
    {
        var payment = await CreatePayoutAsync(Carol);
        var tx = mismatch == "wrong_amount"
            ? Pays(payment, GenesisSequence + 1, stroops: 25_000_001)
            : Pays(payment, GenesisSequence + 1, to: WalletOf("bob"));

        AssertStatus(HttpStatusCode.OK, await SubmitAsync(tx.Base64));

        Assert.Equal(JsonValueKind.Null, (await PaymentAsync(Id(payment))).GetProperty("transaction").ValueKind);
        var ledger = await LedgerPaymentAsync(Id(payment));
        Assert.Equal(1, ledger.GetProperty("successful").GetInt32());
        Assert.Equal(JsonValueKind.Null, ledger.GetProperty("linked_txid").ValueKind);
    }

    [Fact]
    public async Task A_second_payout_for_a_linked_payment_is_applied_not_linked_and_shows_as_paid_twice()
    {
        var payment = await CreatePayoutAsync(Carol);
        var first = Pays(payment, GenesisSequence + 1);
        var second = Pays(payment, GenesisSequence + 2);

        AssertStatus(HttpStatusCode.OK, await SubmitAsync(first.Base64));
        AssertStatus(HttpStatusCode.OK, await SubmitAsync(second.Base64));

        Assert.Equal(first.Hash, TxidOf(await PaymentAsync(Id(payment))));
        var ledger = await LedgerPaymentAsync(Id(payment));
        // The evidence a client test asserts on: 2 transactions moved Pi for one payment.
        Assert.Equal(2, ledger.GetProperty("successful").GetInt32());
        Assert.Equal(first.Hash, ledger.GetProperty("linked_txid").GetString());
        Assert.Equal(100 * Pi + 2 * 25_000_000, await BalanceAsync(WalletOf("carol")));
    }

    [Fact]
    public async Task A_payout_for_a_cancelled_payment_or_an_unknown_memo_is_applied_and_links_nothing()
    {
        var payment = await CreatePayoutAsync(Carol);
        AssertStatus(HttpStatusCode.OK, await PostAsync($"v2/payments/{Id(payment)}/cancel"));

        AssertStatus(HttpStatusCode.OK, await SubmitAsync(Pays(payment, GenesisSequence + 1).Base64));
        AssertStatus(HttpStatusCode.OK, await SubmitAsync(Pays(payment, GenesisSequence + 2, memo: "no-such-payment").Base64));

        Assert.Equal(JsonValueKind.Null, (await PaymentAsync(Id(payment))).GetProperty("transaction").ValueKind);
        Assert.Equal(2, await IncludedTransactionsAsync());
        var byMemo = (await LedgerAsync()).Json.GetProperty("by_memo");
        Assert.False(byMemo.GetProperty(Id(payment))[0].GetProperty("linked").GetBoolean());
        Assert.False(byMemo.GetProperty("no-such-payment")[0].GetProperty("linked").GetBoolean());
    }

    [Fact]
    public async Task A_payees_wallet_is_put_on_the_ledger_funded_when_paid_and_the_payout_links()
    {
        var payment = await CreatePayoutAsync("uid-payee-4711", "0.5");
        string wallet = payment.GetProperty("to_address").GetString()!;

        Assert.Equal(WalletOf("uid-payee-4711"), wallet);
        Assert.Equal(100 * Pi, await BalanceAsync(wallet));
        AssertStatus(HttpStatusCode.OK, await SubmitAsync(Pays(payment, GenesisSequence + 1).Base64));
        Assert.True((await PaymentAsync(Id(payment))).GetProperty("transaction").GetProperty("verified").GetBoolean());
    }

    [Fact]
    public async Task An_inactive_payees_payment_is_created_but_its_payout_fails_op_no_destination()
    {
        var payment = await CreatePayoutAsync("uid-inactive-12");
        var (envelope, _) = Pays(payment, GenesisSequence + 1);

        AssertProblem(HttpStatusCode.NotFound, "not_found", await GetAsync($"accounts/{payment.GetProperty("to_address").GetString()}", null));
        AssertTransactionFailed(await SubmitAsync(envelope), envelope, "tx_failed", "op_no_destination");
        Assert.Equal(JsonValueKind.Null, (await PaymentAsync(Id(payment))).GetProperty("transaction").ValueKind);
        Assert.Equal(0, (await LedgerPaymentAsync(Id(payment))).GetProperty("successful").GetInt32());
    }

    [Fact]
    public async Task A_reset_restores_the_genesis_ledger()
    {
        var payment = await CreatePayoutAsync(Carol);
        AssertStatus(HttpStatusCode.OK, await SubmitAsync(Pays(payment, GenesisSequence + 1).Base64));

        AssertStatus(HttpStatusCode.OK, await PostAsync("sandbox/reset"));

        var ledger = (await LedgerAsync()).Json;
        Assert.Equal(0, ledger.GetProperty("transactions").GetArrayLength());
        Assert.Equal(20_000_000, ledger.GetProperty("latest_ledger").GetInt64());
        Assert.Equal(GenesisSequence, await SequenceAsync(AppWallet));
        Assert.Equal(1_000_000 * Pi, await BalanceAsync(AppWallet));
        Assert.Equal(AppWallet, ledger.GetProperty("app_wallet").GetString());
        Assert.Equal(4, ledger.GetProperty("accounts").GetArrayLength()); // the app wallet, alice, bob, carol
        Assert.Equal(GenesisSequence.ToString(CultureInfo.InvariantCulture), ledger.GetProperty("accounts")[0].GetProperty("sequence").GetString());
    }
}
