using System;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>
/// Every refusal of POST /transactions, in core's order: 400 transaction_failed with the result codes and a real
/// TransactionResult XDR, and nothing spent or moved (the whole ledger reads the same before and after).
/// </summary>
public sealed class SubmitRefusalTests : HorizonTest
{
    public SubmitRefusalTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private static readonly string AliceWallet = WalletOf("alice");

    /// <summary>A payout to alice from the app wallet at the next sequence, valid for 180 s: each case changes one thing.</summary>
    private TestTransaction Valid(Func<TestTransaction, TestTransaction>? change = null)
    {
        var tx = new TestTransaction(AppSeed, GenesisSequence + 1, new[] { new TestPayment(AliceWallet, Pi) }, MaxTime: Now + 180);
        return change is null ? tx : change(tx);
    }

    [Theory]
    [InlineData("too_early", "tx_too_early")]
    [InlineData("too_late", "tx_too_late")]
    [InlineData("fee_below_base", "tx_insufficient_fee")]
    [InlineData("fee_below_base_times_ops", "tx_insufficient_fee")]
    [InlineData("unknown_source", "tx_no_source_account")]
    [InlineData("sequence_skipped", "tx_bad_seq")]
    [InlineData("sequence_reused", "tx_bad_seq")]
    [InlineData("signed_by_another_key", "tx_bad_auth")]
    [InlineData("signed_for_another_network", "tx_bad_auth")]
    [InlineData("unsigned", "tx_bad_auth")]
    [InlineData("signed_twice", "tx_bad_auth_extra")]
    [InlineData("fee_above_balance", "tx_insufficient_balance")]
    [InlineData("no_operation", "tx_missing_operation")]
    [InlineData("muxed_source", "tx_not_supported")]
    public async Task A_refused_transaction_answers_its_code_and_spends_nothing(string change, string code)
    {
        var tx = change switch
        {
            "too_early" => Valid(t => t with { MinTime = Now + 60 }),
            "too_late" => Valid(t => t with { MaxTime = Now - 1 }),
            "fee_below_base" => Valid(t => t with { Fee = (uint)BaseFee - 1 }),
            "fee_below_base_times_ops" => Valid(t => t with { Fee = 2 * (uint)BaseFee - 1, Payments = new[] { t.Payments[0], t.Payments[0] } }),
            "unknown_source" => Valid(t => t with { Seed = WalletSeed("nobody"), Sequence = 1 }),
            "sequence_skipped" => Valid(t => t with { Sequence = GenesisSequence + 2 }),
            "sequence_reused" => Valid(t => t with { Sequence = GenesisSequence }),
            "signed_by_another_key" => Valid(t => t with { Signers = new[] { WalletSeed("alice") } }),
            "signed_for_another_network" => Valid(t => t with { SignPassphrase = "Pi Network" }),
            "unsigned" => Valid(t => t with { Signers = Array.Empty<byte[]>() }),
            "signed_twice" => Valid(t => t with { Signers = new[] { AppSeed, WalletSeed("alice") } }),
            // alice has 100 Pi; a fee of 400 Pi cannot be paid above her 1 Pi minimum balance.
            "fee_above_balance" => Valid(t => t with { Seed = WalletSeed("alice"), Sequence = GenesisSequence + 1, Fee = 4_000_000_000,
                Payments = new[] { new TestPayment(WalletOf("bob"), Pi) } }),
            "no_operation" => Valid(t => t with { Payments = Array.Empty<TestPayment>() }),
            "muxed_source" => Valid(t => t with { SourceMuxedId = 7 }),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
        var (envelope, _) = TestEnvelope.Build(tx);
        string before = (await LedgerAsync()).Text;

        var refused = await SubmitAsync(envelope);

        AssertTransactionFailed(refused, envelope, code);
        Assert.Equal(before, (await LedgerAsync()).Text);
    }

    [Theory]
    [InlineData("sequence_skipped", -5)]
    [InlineData("no_operation", -4)]
    [InlineData("fee_below_base_times_ops", -9)]
    public async Task The_result_xdr_is_a_transaction_result_charging_the_base_fee_per_operation(string change, int txCode)
    {
        var tx = change switch
        {
            "sequence_skipped" => Valid(t => t with { Sequence = GenesisSequence + 5 }),
            "no_operation" => Valid(t => t with { Payments = Array.Empty<TestPayment>() }),
            _ => Valid(t => t with { Fee = 1, Payments = new[] { t.Payments[0], t.Payments[0] } }),
        };

        var refused = await SubmitAsync(TestEnvelope.Build(tx).Base64);

        // Core reports the fee it would have charged: the base fee per operation (at least one). No operation results.
        Assert.Equal(ResultXdr(BaseFee * Math.Max(1, tx.Payments.Count), txCode), ResultXdrOf(refused));
    }

    [Fact]
    public async Task A_valid_signature_under_a_wrong_hint_is_no_signature_at_all()
    {
        // The envelope ends with the one DecoratedSignature: hint (4), signature length (4), signature (64).
        byte[] bytes = Convert.FromBase64String(TestEnvelope.Build(Valid()).Base64);
        bytes[^72] ^= 0xFF;
        string envelope = Convert.ToBase64String(bytes);

        AssertTransactionFailed(await SubmitAsync(envelope), envelope, "tx_bad_auth");
    }

    [Fact]
    public async Task A_negative_sequence_is_horizons_canned_bad_seq_charging_nothing()
    {
        var refused = await SubmitAsync(TestEnvelope.Build(Valid(t => t with { Sequence = -1 })).Base64);

        Assert.Equal("tx_bad_seq", refused.Json.GetProperty("extras").GetProperty("result_codes").GetProperty("transaction").GetString());
        Assert.Equal("AAAAAAAAAAD////7AAAAAA==", ResultXdrOf(refused));
    }

    [Theory]
    [InlineData("zero_amount", "op_malformed")]
    [InlineData("muxed_destination", "op_not_supported")]
    [InlineData("credit_asset", "op_not_supported")]
    public async Task An_invalid_operation_is_refused_as_tx_failed_before_anything_is_spent(string change, string op)
    {
        var payment = change switch
        {
            "zero_amount" => new TestPayment(AliceWallet, 0),
            "muxed_destination" => new TestPayment(AliceWallet, Pi, MuxedId: 42),
            _ => new TestPayment(AliceWallet, Pi, CreditAsset: true),
        };
        // The first operation is fine, the second is not: the codes list both, in order.
        var (envelope, _) = TestEnvelope.Build(Valid(t => t with { Fee = 2 * (uint)BaseFee, Payments = new[] { t.Payments[0], payment } }));
        string before = (await LedgerAsync()).Text;

        var refused = await SubmitAsync(envelope);

        AssertTransactionFailed(refused, envelope, "tx_failed", "op_success", op);
        Assert.Equal(before, (await LedgerAsync()).Text);
    }

    [Fact]
    public async Task A_too_early_envelope_is_accepted_unchanged_once_the_clock_reaches_its_min_time()
    {
        var (envelope, hash) = TestEnvelope.Build(Valid(t => t with { MinTime = Now + 30, MaxTime = Now + 300 }));
        AssertTransactionFailed(await SubmitAsync(envelope), envelope, "tx_too_early");

        Fixture.Clock.Advance(TimeSpan.FromSeconds(31));
        var accepted = await SubmitAsync(envelope);

        AssertStatus(HttpStatusCode.OK, accepted);
        Assert.Equal(hash, accepted.Json.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Checks_run_in_cores_order_time_bounds_before_fee_before_source_before_sequence()
    {
        // Too late, too cheap, from nobody, at a wrong sequence: core reports the time bounds first.
        var all = Valid(t => t with { MaxTime = Now - 1, Fee = 1, Seed = WalletSeed("nobody"), Sequence = 99 });
        var noTime = all with { MaxTime = Now + 180 };
        var noFee = noTime with { Fee = (uint)BaseFee };
        var noSource = noFee with { Seed = AppSeed };

        Assert.Equal("tx_too_late", await CodeAsync(all));
        Assert.Equal("tx_insufficient_fee", await CodeAsync(noTime));
        Assert.Equal("tx_no_source_account", await CodeAsync(noFee));
        Assert.Equal("tx_bad_seq", await CodeAsync(noSource));
        Assert.Equal("tx_bad_auth", await CodeAsync(noSource with { Sequence = GenesisSequence + 1, Signers = Array.Empty<byte[]>() }));
    }

    private async Task<string> CodeAsync(TestTransaction tx) =>
        (await SubmitAsync(TestEnvelope.Build(tx).Base64)).Json.GetProperty("extras").GetProperty("result_codes").GetProperty("transaction").GetString()!;
}
