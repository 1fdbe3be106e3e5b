using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>Transactions that reach a ledger: Pi moves, the sequence and the ledger advance; an operation failure still spends fee and sequence.</summary>
public sealed class SubmitApplyTests : HorizonTest
{
    public SubmitApplyTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private static readonly string AliceWallet = WalletOf("alice");
    private static readonly string BobWallet = WalletOf("bob");

    [Fact]
    public async Task A_valid_payout_is_applied_and_answered_with_horizons_transaction()
    {
        var (envelope, hash) = Payout(GenesisSequence + 1, AliceWallet, 15_000_000, "memo-1");

        var tx = await SubmitAsync(envelope);

        AssertStatus(HttpStatusCode.OK, tx);
        Assert.Equal("application/hal+json; charset=utf-8", tx.ContentType);
        var j = tx.Json;
        Assert.Equal(hash, j.GetProperty("id").GetString());
        Assert.Equal(hash, j.GetProperty("hash").GetString());
        Assert.True(j.GetProperty("successful").GetBoolean());
        Assert.Equal(20_000_001, j.GetProperty("ledger").GetInt64());
        Assert.Equal(envelope, j.GetProperty("envelope_xdr").GetString());
        Assert.Equal(ResultXdr(BaseFee, 0, 0), j.GetProperty("result_xdr").GetString());
        Assert.Equal("100000", j.GetProperty("fee_charged").GetString());
        Assert.Equal("100000", j.GetProperty("max_fee").GetString());
        Assert.Equal(("text", "memo-1", "bWVtby0x"), (j.GetProperty("memo_type").GetString(), j.GetProperty("memo").GetString(), j.GetProperty("memo_bytes").GetString()));
        Assert.Equal(AppWallet, j.GetProperty("source_account").GetString());
        Assert.Equal(AppWallet, j.GetProperty("fee_account").GetString());
        Assert.Equal((GenesisSequence + 1).ToString(CultureInfo.InvariantCulture), j.GetProperty("source_account_sequence").GetString());
        Assert.Equal(1, j.GetProperty("operation_count").GetInt32());
        Assert.Equal(64, Convert.FromBase64String(j.GetProperty("signatures")[0].GetString()!).Length);
        Assert.Equal((Now + 180).ToString(CultureInfo.InvariantCulture), j.GetProperty("preconditions").GetProperty("timebounds").GetProperty("max_time").GetString());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)Now), DateTimeOffset.Parse(j.GetProperty("created_at").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(((20_000_001L << 32) | 4096).ToString(CultureInfo.InvariantCulture), j.GetProperty("paging_token").GetString());
        Assert.EndsWith($"/transactions/{hash}", j.GetProperty("_links").GetProperty("self").GetProperty("href").GetString());
    }

    [Fact]
    public async Task Balances_move_the_sequence_and_the_ledger_advance_and_the_transaction_reads_back()
    {
        var (envelope, hash) = Payout(GenesisSequence + 1, AliceWallet, 15_000_000, "memo-2");

        var submitted = await SubmitAsync(envelope);

        Assert.Equal(1_000_000 * Pi - 15_000_000 - BaseFee, await BalanceAsync(AppWallet));
        Assert.Equal(100 * Pi + 15_000_000, await BalanceAsync(AliceWallet));
        Assert.Equal(GenesisSequence + 1, await SequenceAsync(AppWallet));
        Assert.Equal(20_000_001, (await GetAsync("", null)).Json.GetProperty("history_latest_ledger").GetInt64());
        var read = await GetAsync($"transactions/{hash}", null);
        AssertStatus(HttpStatusCode.OK, read);
        Assert.Equal(submitted.Text, read.Text);
        var account = await AccountAsync(AppWallet);
        Assert.Equal(20_000_001, account.GetProperty("last_modified_ledger").GetInt64());
        Assert.Equal(20_000_001, account.GetProperty("sequence_ledger").GetInt64());
    }

    [Fact]
    public async Task A_payout_to_a_wallet_not_on_the_ledger_fails_op_no_destination_and_spends_fee_and_sequence()
    {
        var (envelope, hash) = Payout(GenesisSequence + 1, WalletOf("uid-inactive-1"), Pi, "memo-3");

        var failed = await SubmitAsync(envelope);

        AssertTransactionFailed(failed, envelope, "tx_failed", "op_no_destination");
        Assert.Equal(ResultXdr(BaseFee, -1, -5), ResultXdrOf(failed));
        Assert.Equal(1_000_000 * Pi - BaseFee, await BalanceAsync(AppWallet));
        Assert.Equal(GenesisSequence + 1, await SequenceAsync(AppWallet));
        var recorded = await GetAsync($"transactions/{hash}", null);
        AssertStatus(HttpStatusCode.OK, recorded);
        Assert.False(recorded.Json.GetProperty("successful").GetBoolean());
    }

    [Fact]
    public async Task An_underfunded_payment_fails_but_exactly_the_balance_above_the_reserve_can_be_sent()
    {
        // alice has 100 Pi and must keep 1 Pi (2 × the 0.5 Pi base reserve): after the 0.01 Pi fee, 98.99 Pi can go.
        var seed = WalletSeed("alice");
        var (tooMuch, _) = TestEnvelope.Payment(seed, GenesisSequence + 1, (uint)BaseFee, 0, 0, null, BobWallet, 98 * Pi + 9_900_001);
        var (allOfIt, _) = TestEnvelope.Payment(seed, GenesisSequence + 2, (uint)BaseFee, 0, 0, null, BobWallet, 100 * Pi - 2 * BaseFee - Pi);

        var underfunded = await SubmitAsync(tooMuch);
        long afterFailure = await BalanceAsync(AliceWallet);
        var paid = await SubmitAsync(allOfIt);

        AssertTransactionFailed(underfunded, tooMuch, "tx_failed", "op_underfunded");
        Assert.Equal(ResultXdr(BaseFee, -1, -2), ResultXdrOf(underfunded));
        Assert.Equal(100 * Pi - BaseFee, afterFailure);
        AssertStatus(HttpStatusCode.OK, paid);
        Assert.Equal(Pi, await BalanceAsync(AliceWallet));
        Assert.Equal(100 * Pi + 100 * Pi - 2 * BaseFee - Pi, await BalanceAsync(BobWallet));
    }

    [Fact]
    public async Task When_one_operation_fails_none_moves_and_the_fee_for_all_is_spent()
    {
        var tx = new TestTransaction(AppSeed, GenesisSequence + 1,
            new[] { new TestPayment(AliceWallet, Pi), new TestPayment(WalletOf("nobody"), Pi) }, Fee: 2 * (uint)BaseFee, MaxTime: Now + 180);
        var (envelope, _) = TestEnvelope.Build(tx);

        var failed = await SubmitAsync(envelope);

        AssertTransactionFailed(failed, envelope, "tx_failed", "op_success", "op_no_destination");
        Assert.Equal(100 * Pi, await BalanceAsync(AliceWallet));
        Assert.Equal(1_000_000 * Pi - 2 * BaseFee, await BalanceAsync(AppWallet));
    }

    [Fact]
    public async Task Resubmitting_an_applied_envelope_answers_the_same_200_and_applies_it_once()
    {
        var (envelope, hash) = Payout(GenesisSequence + 1, AliceWallet, Pi, "memo-4");

        var first = await SubmitAsync(envelope);
        var again = await SubmitAsync(envelope);

        AssertStatus(HttpStatusCode.OK, again);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal(hash, again.Json.GetProperty("hash").GetString());
        Assert.Equal(100 * Pi + Pi, await BalanceAsync(AliceWallet));
        Assert.Equal(1, await IncludedTransactionsAsync());
    }

    [Fact]
    public async Task Resubmitting_a_failed_envelope_answers_its_recorded_failure_and_spends_nothing_more()
    {
        var (envelope, _) = Payout(GenesisSequence + 1, WalletOf("nobody"), Pi);

        var first = await SubmitAsync(envelope);
        var again = await SubmitAsync(envelope);

        Assert.Equal(first.Text, again.Text);
        AssertTransactionFailed(again, envelope, "tx_failed", "op_no_destination");
        Assert.Equal(1_000_000 * Pi - BaseFee, await BalanceAsync(AppWallet));
        Assert.Equal(1, await IncludedTransactionsAsync());
    }

    [Fact]
    public async Task An_account_transactions_page_finds_a_payout_by_its_memo_in_either_order()
    {
        for (int i = 1; i <= 3; i++)
        {
            AssertStatus(HttpStatusCode.OK, await SubmitAsync(Payout(GenesisSequence + i, AliceWallet, i, $"m{i}").Base64));
        }

        var desc = (await GetAsync($"accounts/{AliceWallet}/transactions?order=desc&limit=2", null)).Json;
        var records = desc.GetProperty("_embedded").GetProperty("records").EnumerateArray().ToList();
        string next = desc.GetProperty("_links").GetProperty("next").GetProperty("href").GetString()!;
        var rest = (await GetAsync(next, null)).Json.GetProperty("_embedded").GetProperty("records").EnumerateArray().ToList();
        var asc = (await GetAsync($"accounts/{AppWallet}/transactions", null)).Json.GetProperty("_embedded").GetProperty("records");

        Assert.Equal(new[] { "m3", "m2" }, records.Select(r => r.GetProperty("memo").GetString()));
        Assert.Contains("cursor=" + records[1].GetProperty("paging_token").GetString(), next, StringComparison.Ordinal);
        Assert.Equal(new[] { "m1" }, rest.Select(r => r.GetProperty("memo").GetString()));
        Assert.Equal(new[] { "m1", "m2", "m3" }, asc.EnumerateArray().Select(r => r.GetProperty("memo").GetString()));
        var empty = (await GetAsync($"accounts/{WalletOf("nobody")}/transactions", null)).Json.GetProperty("_embedded").GetProperty("records");
        Assert.Equal(0, empty.GetArrayLength());
    }

    [Fact]
    public async Task A_transaction_without_a_memo_has_memo_type_none_and_no_memo_field()
    {
        var tx = await SubmitAsync(Payout(GenesisSequence + 1, AliceWallet, Pi).Base64);

        Assert.Equal("none", tx.Json.GetProperty("memo_type").GetString());
        Assert.False(tx.Json.TryGetProperty("memo", out _));
        Assert.False(tx.Json.TryGetProperty("memo_bytes", out _));
    }
}
