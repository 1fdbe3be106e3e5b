using System;
using System.Linq;
using System.Threading.Tasks;
using PiPlatform.Stellar;
using Xunit;

namespace PiPlatform.Client.Tests.Payouts
{
    /// <summary>Submitting app-to-user payouts against the sandbox's Pi API and Horizon, over real HTTP.</summary>
    [Collection(SandboxCollection.Name)]
    public sealed class SubmitTests
    {
        private readonly SandboxFixture _sandbox;

        public SubmitTests(SandboxFixture sandbox) => _sandbox = sandbox;

        [Fact]
        public async Task A_payout_pays_exactly_its_amount_to_its_user_with_its_id_as_memo_and_can_be_completed()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client, 1.2345678m);

            Payment paid = await client.SubmitPaymentAsync(created.Identifier);

            var onChain = (await Payout.PaidOnChainAsync(_sandbox, created.Identifier)).Single();
            Assert.Equal(onChain.GetProperty("hash").GetString(), paid.TxId);
            PayoutTransaction tx = SignedTransaction.Parse(onChain.GetProperty("envelope_xdr").GetString()!, created.Network!).Transaction;
            Assert.Equal(12_345_678L, tx.AmountStroops);
            Assert.Equal(created.ToAddress, tx.Destination);
            Assert.Equal(PiSandboxDefaults.WalletAddress, tx.SourceAccount);
            Payment completed = await client.CompletePaymentAsync(paid, paid.TxId!);
            Assert.Equal(PaymentState.Completed, completed.State);
        }

        [Fact]
        public async Task A_payment_that_is_not_payable_is_refused_before_anything_reaches_Horizon()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            string userToApp = await _sandbox.NewU2APaymentAsync();
            Payment cancelled = await client.CancelPaymentAsync((await Payout.CreateAsync(client)).Identifier);
            Payment linked = await Payout.CreateAsync(client);
            await client.SubmitPaymentAsync(linked.Identifier);
            long sequence = await Payout.WalletSequenceAsync(_sandbox);
            int submits = await Payout.SubmitsAsync(_sandbox);

            Assert.Equal("not_app_to_user", (await Assert.ThrowsAnyAsync<PiException>(() => client.SubmitPaymentAsync(userToApp))).ErrorCode);
            Assert.Equal("cancelled_payment", (await Assert.ThrowsAnyAsync<PiException>(() => client.SubmitPaymentAsync(cancelled.Identifier))).ErrorCode);
            PiException again = await Assert.ThrowsAnyAsync<PiException>(() => client.SubmitPaymentAsync(linked.Identifier));
            Assert.Equal("payment_already_has_linked_txid", again.ErrorCode);
            Assert.Contains("Complete-PiPayment", again.RecommendedAction);

            Assert.Equal(sequence, await Payout.WalletSequenceAsync(_sandbox));
            Assert.Equal(submits, await Payout.SubmitsAsync(_sandbox));
        }

        [Fact]
        public async Task Another_wallet_is_refused_and_a_connection_without_one_says_how_to_give_one()
        {
            using PiClient owner = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(owner);
            // A valid seed of a wallet the payments do not name (raw seed: SHA-256 of "PiPlatform test other wallet").
            string otherSeed = "SATWYBE5EXMIJWRAOJK2IK34QN7WIAHW4RZ4KH2HFKWXWM53GWULKYRR";
            using PiClient other = Payout.NewClient(_sandbox, otherSeed);
            using PiClient none = Payout.NewClient(_sandbox, seed: null);

            PiException mismatch = await Assert.ThrowsAnyAsync<PiException>(() => other.SubmitPaymentAsync(created.Identifier));
            PiException missing = await Assert.ThrowsAnyAsync<PiException>(() => none.SubmitPaymentAsync(created.Identifier));

            Assert.Equal("wallet_mismatch", mismatch.ErrorCode);
            Assert.Contains(PiSandboxDefaults.WalletAddress, mismatch.Message);
            Assert.Equal("wallet_not_configured", missing.ErrorCode);
            Assert.Contains("-WalletSeed", missing.Message);
            Assert.Empty(await Payout.PaidOnChainAsync(_sandbox, created.Identifier));
        }

        [Fact]
        public async Task A_seed_that_is_no_seed_fails_at_connect_and_the_error_never_holds_it()
        {
            string typo = PiSandboxDefaults.WalletSeed.Substring(0, 55) + (PiSandboxDefaults.WalletSeed[55] == 'A' ? "B" : "A");

            PiException refused = Assert.ThrowsAny<PiException>(() => Payout.NewClient(_sandbox, typo));

            Assert.Equal("invalid_wallet_seed", refused.ErrorCode);
            Assert.DoesNotContain(typo, refused.ToString());
            Assert.DoesNotContain(typo.Substring(1, 20), refused.ToString());
        }

        [Fact]
        public async Task The_client_shows_the_wallet_address_and_never_the_seed()
        {
            using PiClient client = Payout.NewClient(_sandbox);

            Assert.Equal(PiSandboxDefaults.WalletAddress, client.WalletAddress);
            Assert.Equal(_sandbox.BaseUri, client.HorizonUri);
            await Task.CompletedTask;
        }
    }
}
