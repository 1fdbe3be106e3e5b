using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests.Payouts
{
    /// <summary>Stuck payments driven to an end where the facts allow, and left alone (with the reason) where they do not.</summary>
    [Collection(SandboxCollection.Name)]
    public sealed class ResumeTests
    {
        private readonly SandboxFixture _sandbox;

        public ResumeTests(SandboxFixture sandbox) => _sandbox = sandbox;

        [Fact]
        public async Task A_payout_on_the_chain_but_not_completed_is_completed_with_its_txid()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment paid = await client.SubmitPaymentAsync((await Payout.CreateAsync(client)).Identifier);

            ResumePlan plan = await client.PlanResumeAsync(await client.GetPaymentAsync(paid.Identifier), cancelUnpaid: false);
            Payment done = await client.ResumePaymentAsync(plan);

            Assert.Equal(ResumeAction.Complete, plan.Action);
            Assert.Equal(paid.TxId, plan.TxId);
            Assert.Equal(PaymentState.Completed, done.State);
            Assert.Equal(paid.TxId, done.TxId);
        }

        [Fact]
        public async Task An_unpaid_payout_is_paid_once_and_completed_when_the_connection_holds_its_wallet()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client);

            ResumePlan plan = await client.PlanResumeAsync(created, cancelUnpaid: false);
            Payment done = await client.ResumePaymentAsync(plan);

            Assert.Equal(ResumeAction.SubmitAndComplete, plan.Action);
            Assert.Equal(PaymentState.Completed, done.State);
            Assert.Single(await Payout.PaidOnChainAsync(_sandbox, created.Identifier));
        }

        [Fact]
        public async Task With_cancel_an_unpaid_payout_is_cancelled_and_nothing_is_paid()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment created = await Payout.CreateAsync(client);

            ResumePlan plan = await client.PlanResumeAsync(created, cancelUnpaid: true);
            Payment done = await client.ResumePaymentAsync(plan);

            Assert.Equal(ResumeAction.Cancel, plan.Action);
            Assert.True(done.IsCancelled);
            Assert.Empty(await Payout.PaidOnChainAsync(_sandbox, created.Identifier));
        }

        [Fact]
        public async Task Without_a_wallet_an_unpaid_payout_is_left_alone_and_the_reason_says_what_would_decide_it()
        {
            using PiClient owner = Payout.NewClient(_sandbox);
            using PiClient reader = Payout.NewClient(_sandbox, seed: null);
            Payment created = await Payout.CreateAsync(owner);

            ResumePlan plan = await reader.PlanResumeAsync(created, cancelUnpaid: false);
            PiException refused = await Assert.ThrowsAnyAsync<PiException>(() => reader.ResumePaymentAsync(plan));

            Assert.Equal(ResumeAction.Undecided, plan.Action);
            Assert.Contains("-WalletSeed", plan.Reason);
            Assert.Contains("-Cancel", plan.Reason);
            Assert.Equal("payment_not_resumable", refused.ErrorCode);
            Assert.False((await owner.GetPaymentAsync(created.Identifier)).IsCancelled);
            Assert.Empty(await Payout.PaidOnChainAsync(_sandbox, created.Identifier));
        }

        [Fact]
        public async Task A_user_to_app_payment_the_user_never_paid_is_only_cancelled_when_asked()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment unpaid = await client.GetPaymentAsync(await _sandbox.NewU2APaymentAsync());

            ResumePlan left = await client.PlanResumeAsync(unpaid, cancelUnpaid: false);
            ResumePlan cancel = await client.PlanResumeAsync(unpaid, cancelUnpaid: true);

            Assert.Equal(ResumeAction.Undecided, left.Action);
            Assert.Equal(ResumeAction.Cancel, cancel.Action);
            Assert.True((await client.ResumePaymentAsync(cancel)).IsCancelled);
        }

        [Fact]
        public async Task Completed_and_cancelled_payments_need_nothing()
        {
            using PiClient client = Payout.NewClient(_sandbox);
            Payment cancelled = await client.CancelPaymentAsync((await Payout.CreateAsync(client)).Identifier);

            ResumePlan plan = await client.PlanResumeAsync(cancelled, cancelUnpaid: true);

            Assert.Equal(ResumeAction.None, plan.Action);
            Assert.Same(cancelled, await client.ResumePaymentAsync(plan));
        }
    }
}
