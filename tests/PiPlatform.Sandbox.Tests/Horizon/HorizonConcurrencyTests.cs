using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Sandbox.Tests.Horizon;

/// <summary>Concurrent submissions from one wallet: the ledger orders them as a validator would, one winner per sequence number.</summary>
public sealed class HorizonConcurrencyTests : HorizonTest
{
    public HorizonConcurrencyTests(SandboxFixture fixture) : base(fixture)
    {
    }

    private static readonly string AliceWallet = WalletOf("alice");

    private static string CodeOf(ApiResponse r) =>
        r.Status == HttpStatusCode.OK ? "ok" : r.Json.GetProperty("extras").GetProperty("result_codes").GetProperty("transaction").GetString()!;

    [Fact]
    public async Task Fifty_different_transactions_at_one_sequence_number_apply_exactly_one()
    {
        // Distinct amounts: fifty distinct transactions competing for the same sequence number.
        var envelopes = Enumerable.Range(1, 50).Select(i => Payout(GenesisSequence + 1, AliceWallet, i).Base64).ToList();

        var answers = await Task.WhenAll(envelopes.Select(SubmitAsync));

        Assert.Equal(1, answers.Count(a => CodeOf(a) == "ok"));
        Assert.Equal(49, answers.Count(a => CodeOf(a) == "tx_bad_seq"));
        Assert.Equal(1, await IncludedTransactionsAsync());
        Assert.Equal(GenesisSequence + 1, await SequenceAsync(AppWallet));
        // The winner's amount, and only it, moved (the amounts are 1 to 50 stroops).
        long moved = await BalanceAsync(AliceWallet) - 100 * Pi;
        Assert.InRange(moved, 1, 50);
        Assert.Equal(1_000_000 * Pi - moved - BaseFee, await BalanceAsync(AppWallet));
    }

    [Fact]
    public async Task Fifty_copies_of_one_envelope_at_once_all_answer_200_and_apply_once()
    {
        var (envelope, hash) = Payout(GenesisSequence + 1, AliceWallet, Pi, "same");

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => SubmitAsync(envelope)));

        Assert.All(answers, a =>
        {
            AssertStatus(HttpStatusCode.OK, a);
            Assert.Equal(hash, a.Json.GetProperty("hash").GetString());
        });
        Assert.Equal(1, await IncludedTransactionsAsync());
        Assert.Equal(100 * Pi + Pi, await BalanceAsync(AliceWallet));
    }

    [Fact]
    public async Task A_hundred_sequential_sequence_numbers_sent_at_once_apply_in_order_and_the_rest_get_tx_bad_seq()
    {
        var pending = Enumerable.Range(1, 100).ToDictionary(i => i, i => Payout(GenesisSequence + i, AliceWallet, i, $"n{i}").Base64);
        var appliedIn = new List<int>();

        // What a client does: send all, keep what failed with tx_bad_seq, send those again, until none is left.
        for (int round = 0; pending.Count > 0; round++)
        {
            Assert.True(round < 100, "no progress");
            var batch = pending.ToList();
            var answers = await Task.WhenAll(batch.Select(p => SubmitAsync(p.Value)));
            var codes = answers.Select(CodeOf).ToList();
            Assert.All(codes, c => Assert.Contains(c, new[] { "ok", "tx_bad_seq" }));
            var won = batch.Where((_, i) => codes[i] == "ok").Select(p => p.Key).OrderBy(n => n).ToList();
            // Each round applies a run that continues exactly where the last one stopped: never a gap, never a repeat.
            Assert.Equal(Enumerable.Range(appliedIn.Count + 1, won.Count), won);
            Assert.NotEmpty(won);
            appliedIn.AddRange(won);
            won.ForEach(n => pending.Remove(n));
        }

        Assert.Equal(GenesisSequence + 100, await SequenceAsync(AppWallet));
        Assert.Equal(100, await IncludedTransactionsAsync());
        Assert.Equal(100 * Pi + Enumerable.Range(1, 100).Sum(), await BalanceAsync(AliceWallet));
        Assert.Equal(1_000_000 * Pi - Enumerable.Range(1, 100).Sum() - 100 * BaseFee, await BalanceAsync(AppWallet));
    }
}
