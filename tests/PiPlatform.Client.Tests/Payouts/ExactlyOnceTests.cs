using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Payouts
{
    /// <summary>
    /// Never paying twice, under the faults that make it hard: an answer lost after the transaction was applied, a
    /// timeout, a refusal as a stale sequence, two programs paying from one wallet at once. The chain (Horizon's list of
    /// the wallet's transactions) is the judge: one successful transaction per payment, never two.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public sealed class ExactlyOnceTests : IAsyncLifetime
    {
        private const string SubmitPath = "/transactions";
        private readonly SandboxFixture _sandbox;

        public ExactlyOnceTests(SandboxFixture sandbox) => _sandbox = sandbox;

        public Task InitializeAsync() => Task.CompletedTask;

        // Faults left over by a failed test must not leak into the next one.
        public Task DisposeAsync() => _sandbox.Http.DeleteAsync("sandbox/faults");

        private Task FaultSubmitsAsync(object fault) => _sandbox.PostAsync("sandbox/faults", fault);

        private async Task AssertPaidOnceAsync(Payment paid)
        {
            var onChain = await Payout.PaidOnChainAsync(_sandbox, paid.Identifier);
            Assert.Single(onChain);
            Assert.Equal(onChain[0].GetProperty("hash").GetString(), paid.TxId);
        }

        [Fact]
        public async Task An_answer_lost_after_the_transaction_was_applied_is_followed_by_the_same_envelope_and_pays_once()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client);
            int submits = await Payout.SubmitsAsync(_sandbox);
            await FaultSubmitsAsync(new { action = "reset", after_processing = true, method = "POST", path_contains = SubmitPath, count = 1 });

            Payment paid = await client.SubmitPaymentAsync(created.Identifier);

            await AssertPaidOnceAsync(paid);
            Assert.Equal(submits + 2, await Payout.SubmitsAsync(_sandbox));
        }

        [Fact]
        public async Task A_Horizon_timeout_is_followed_by_the_same_envelope_and_pays_once()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client);
            await FaultSubmitsAsync(new
            {
                status = 504, method = "POST", path_contains = SubmitPath, count = 1, content_type = "application/problem+json",
                body = "{\"type\":\"https://stellar.org/horizon-errors/timeout\",\"title\":\"Timeout\",\"status\":504,\"detail\":\"Your request timed out before completing.\"}",
            });

            await AssertPaidOnceAsync(await client.SubmitPaymentAsync(created.Identifier));
        }

        [Fact]
        public async Task When_every_answer_is_lost_the_hash_is_looked_up_and_the_payout_is_confirmed_by_read_back()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client);
            var log = new ListLog();
            await FaultSubmitsAsync(new { action = "reset", after_processing = true, method = "POST", path_contains = SubmitPath, count = 10 });

            Payment paid = await client.WithLog(log).SubmitPaymentAsync(created.Identifier);

            await AssertPaidOnceAsync(paid);
            Assert.Contains(log.Lines, line => line.Contains("is on the chain: confirmed by read-back"));
        }

        [Fact]
        public async Task A_submit_that_never_arrived_is_unknown_and_the_next_try_pays_once_with_the_same_sequence_number()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client);
            long sequence = await Payout.WalletSequenceAsync(_sandbox);
            await FaultSubmitsAsync(new { action = "reset", method = "POST", path_contains = SubmitPath, count = 4 });

            PiException unknown = await Assert.ThrowsAnyAsync<PiException>(() => client.SubmitPaymentAsync(created.Identifier));

            Assert.Equal("payment_state_unknown", unknown.ErrorCode);
            Assert.Contains($"sequence number {sequence + 1}", unknown.Message);
            Assert.Contains("Submit-PiPayment", unknown.Message);
            Assert.Equal(sequence, await Payout.WalletSequenceAsync(_sandbox));
            Payment paid = await client.SubmitPaymentAsync(created.Identifier);
            await AssertPaidOnceAsync(paid);
            Assert.Equal(sequence + 1, await Payout.WalletSequenceAsync(_sandbox));
        }

        [Fact]
        public async Task A_stale_sequence_refusal_that_the_chain_does_not_bear_out_sends_the_same_envelope_again()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client);
            await FaultSubmitsAsync(new
            {
                status = 400, method = "POST", path_contains = SubmitPath, count = 1, content_type = "application/problem+json",
                body = "{\"type\":\"https://stellar.org/horizon-errors/transaction_failed\",\"title\":\"Transaction Failed\",\"status\":400,\"extras\":{\"result_codes\":{\"transaction\":\"tx_bad_seq\"}}}",
            });

            await AssertPaidOnceAsync(await client.SubmitPaymentAsync(created.Identifier));
        }

        [Fact]
        public async Task A_hundred_payouts_at_once_from_one_wallet_never_clash_on_sequence_numbers()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment[] created = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Payout.CreateAsync(client, 0.0000001m)));
            long sequence = await Payout.WalletSequenceAsync(_sandbox);
            int submits = await Payout.SubmitsAsync(_sandbox);

            Payment[] paid = await Task.WhenAll(created.Select(p => client.SubmitPaymentAsync(p.Identifier)));

            foreach (Payment p in paid) await AssertPaidOnceAsync(p);
            Assert.Equal(sequence + 100, await Payout.WalletSequenceAsync(_sandbox));
            Assert.Equal(submits + 100, await Payout.SubmitsAsync(_sandbox));
        }

        [Fact]
        public async Task Two_connections_of_one_process_paying_from_one_wallet_take_turns_and_never_clash()
        {
            using PiClient first = Payout.NewClient(_sandbox);
            using PiClient second = Payout.NewClient(_sandbox);
            Payment[] created = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Payout.CreateAsync(first, 0.0000001m)));
            int submits = await Payout.SubmitsAsync(_sandbox);

            Payment[] paid = await Task.WhenAll(created.Select((p, i) => (i % 2 == 0 ? first : second).SubmitPaymentAsync(p.Identifier)));

            foreach (Payment p in paid) await AssertPaidOnceAsync(p);
            Assert.Equal(submits + 40, await Payout.SubmitsAsync(_sandbox));
        }

        [Fact]
        public async Task Another_program_paying_from_the_same_wallet_at_once_makes_no_payout_pay_twice()
        {
            using PiClient client = Payout.NewClient(_sandbox, retry: new RetryPolicy(10, TimeSpan.FromMilliseconds(5)));
            Payment[] created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Payout.CreateAsync(client, 0.0000001m)));
            int submits = await Payout.SubmitsAsync(_sandbox);
            using var stop = new CancellationTokenSource();
            Task<int> other = OtherProgramAsync(created[0].ToAddress!, created[0].Network!, stop.Token);

            Payment[] paid = await Task.WhenAll(created.Select(p => client.SubmitPaymentAsync(p.Identifier)));
            stop.Cancel();
            int otherSubmits = await other;

            foreach (Payment p in paid) await AssertPaidOnceAsync(p);
            // They did clash: some of ours lost their sequence number to the other program's and were signed anew.
            Assert.True(await Payout.SubmitsAsync(_sandbox) - otherSubmits > submits + 20, "the client never raced the other program for a sequence number");
        }

        // Another program with the same wallet: it submits one of its own payments every few milliseconds (a busy program,
        // not a flood that would starve any client), until told to stop. Returns how many it submitted.
        private async Task<int> OtherProgramAsync(string destination, string network, CancellationToken stop)
        {
            int sent = 0;
            while (!stop.IsCancellationRequested)
            {
                await SignAndSubmitAsync("another program", destination, 1, network);
                sent++;
                await Task.Delay(5, CancellationToken.None);
            }
            return sent;
        }

        [Fact]
        public async Task A_transaction_on_the_chain_with_the_payment_id_as_memo_that_does_not_pay_it_is_reported_and_nothing_is_sent()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client, 2m);
            // Another program paid the right user the wrong amount under this payment's memo.
            (await SignAndSubmitAsync(created.Identifier, created.ToAddress!, 1_0000000L, created.Network!)).EnsureSuccessStatusCode();
            long sequence = await Payout.WalletSequenceAsync(_sandbox);

            PiException refused = await Assert.ThrowsAnyAsync<PiException>(() => client.SubmitPaymentAsync(created.Identifier));

            Assert.Equal("transaction_mismatch", refused.ErrorCode);
            Assert.Contains("it pays 1.0000000, not 2.0000000", refused.Message);
            Assert.Equal(sequence, await Payout.WalletSequenceAsync(_sandbox));
        }

        // Signs a payment with the sandbox wallet at its next sequence number and submits it, as another program would;
        // the answer is not this test's business (a race may refuse it).
        private async Task<System.Net.Http.HttpResponseMessage> SignAndSubmitAsync(string memo, string destination, long stroops, string network)
        {
            long sequence = await Payout.WalletSequenceAsync(_sandbox);
            ulong until = (ulong)DateTimeOffset.UtcNow.AddMinutes(3).ToUnixTimeSeconds();
            var tx = new PayoutTransaction(PiSandboxDefaults.WalletAddress, sequence + 1, 100_000, 0, until, memo, destination, stroops);
            using StellarWallet wallet = StellarWallet.FromSecretSeed(SandboxFixture.Secure(PiSandboxDefaults.WalletSeed));
            var form = new System.Net.Http.FormUrlEncodedContent(new[] { new System.Collections.Generic.KeyValuePair<string, string>("tx", tx.Sign(wallet, network).EnvelopeXdr) });
            return await _sandbox.Http.PostAsync("transactions", form);
        }
    }
}
