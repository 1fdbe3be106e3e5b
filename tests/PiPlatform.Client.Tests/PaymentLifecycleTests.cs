using System;
using System.Collections;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>The client against the sandbox over real HTTP: the lifecycle, idempotency and error codes.</summary>
    [Collection(SandboxCollection.Name)]
    public class PaymentLifecycleTests
    {
        private readonly SandboxFixture _sandbox;

        public PaymentLifecycleTests(SandboxFixture sandbox) => _sandbox = sandbox;

        [Fact]
        public async Task ApproveThenCompleteWalksTheLifecycle()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync(1.2345678m);
            Payment approved = await client.ApprovePaymentAsync(id);
            Assert.Equal(PaymentState.AwaitingTransaction, approved.State);
            string txid = await _sandbox.AttachTransactionAsync(id);
            Payment ready = await client.GetPaymentAsync(id);
            Assert.Equal(PaymentState.ReadyToComplete, ready.State);
            Assert.Equal(1.2345678m, ready.Amount);
            Payment completed = await client.CompletePaymentAsync(id, txid);
            Assert.Equal(PaymentState.Completed, completed.State);
        }

        [Theory]
        [InlineData("error")]
        [InlineData("ok")]
        public async Task ASecondApproveIsSuccessAndChangesNothing(string repeatApprove)
        {
            await _sandbox.PostAsync("sandbox/config", new { repeat_approve = repeatApprove });
            try
            {
                using PiClient client = _sandbox.NewClient();
                string id = await _sandbox.NewU2APaymentAsync();
                await client.ApprovePaymentAsync(id);
                var log = new ListLog();
                Payment again = await client.WithLog(log).ApprovePaymentAsync(id);
                Assert.True(again.Status.DeveloperApproved);
                Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
                if (repeatApprove == "error") Assert.Contains(log.Lines, l => l.Contains("already approved"));
                // With the payment as last read, the repeat is named whatever Pi answered.
                var seenLog = new ListLog();
                Payment seen = await client.GetPaymentAsync(id);
                await client.WithLog(seenLog).ApprovePaymentAsync(seen);
                Assert.Contains(seenLog.Lines, l => l == $"Payment {id} was already approved: nothing to approve.");
                Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
            }
            finally
            {
                await _sandbox.PostAsync("sandbox/config", new { repeat_approve = "error" });
            }
        }

        [Fact]
        public async Task ApprovingACancelledPaymentIsAConflictCarryingThePayment()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await client.CancelPaymentAsync(id);
            var error = await Assert.ThrowsAsync<PiConflictException>(() => client.ApprovePaymentAsync(id));
            Assert.Equal("cancelled_payment", error.ErrorCode);
            Assert.Equal(id, error.Payment!.Identifier);
            Assert.Equal(PiErrorKind.Conflict, error.Kind);
            Assert.Contains("cancelled", error.Message);
        }

        [Fact]
        public async Task CompletingTwiceWithTheSameTxidIsSuccessButAnotherTxidIsNot()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await client.ApprovePaymentAsync(id);
            string txid = await _sandbox.AttachTransactionAsync(id);
            await client.CompletePaymentAsync(id, txid);
            Payment again = await client.CompletePaymentAsync(id, txid);
            Assert.Equal(PaymentState.Completed, again.State);
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "complete"));
            var error = await Assert.ThrowsAsync<PiConflictException>(() => client.CompletePaymentAsync(id, new string('f', 64)));
            Assert.Equal("already_completed", error.ErrorCode);
        }

        [Fact]
        public async Task ARepeatRefusedWithoutThePaymentIsSettledByReadingItBack()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await client.ApprovePaymentAsync(id);
            // A refusal that does not carry the payment, as an undocumented answer to a repeat might.
            await _sandbox.PostAsync("sandbox/faults", new { status = 409, count = 1, path_contains = "/approve", body = "{\"error\":\"already_approved\",\"error_message\":\"Already approved.\"}" });
            int readsBefore = await _sandbox.RouteCountAsync("GET /v2/payments/{id}");
            var log = new ListLog();
            Payment again = await client.WithLog(log).ApprovePaymentAsync(id);
            Assert.True(again.Status.DeveloperApproved);
            Assert.Contains(log.Lines, l => l.Contains($"Payment {id} was already approved"));
            Assert.Equal(readsBefore + 1, await _sandbox.RouteCountAsync("GET /v2/payments/{id}"));
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
        }

        [Fact]
        public async Task ARefusalIsRethrownWhenTheReadBackShowsThePaymentIsNotDone()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await _sandbox.PostAsync("sandbox/faults", new { status = 409, count = 1, path_contains = "/approve", body = "{\"error\":\"not_approvable\",\"error_message\":\"No.\"}" });
            var error = await Assert.ThrowsAsync<PiConflictException>(() => client.ApprovePaymentAsync(id));
            Assert.Equal("not_approvable", error.ErrorCode);
            Assert.Equal(0, await _sandbox.ChangesAsync(id, "approve"));
        }

        [Fact]
        public async Task ATxidIsComparedExactlySoAnotherSpellingIsNotTheSameTransaction()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await client.ApprovePaymentAsync(id);
            string txid = await _sandbox.AttachTransactionAsync(id);
            await client.CompletePaymentAsync(id, txid);
            var error = await Assert.ThrowsAsync<PiConflictException>(() => client.CompletePaymentAsync(id, txid.ToUpperInvariant()));
            Assert.Equal("already_completed", error.ErrorCode);
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "complete"));
        }

        [Fact]
        public async Task CompleteRefusesAWrongOrUnverifiedTransaction()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            await client.ApprovePaymentAsync(id);
            var none = await Assert.ThrowsAsync<PiConflictException>(() => client.CompletePaymentAsync(id, new string('a', 64)));
            Assert.Equal("verification_failed", none.ErrorCode);
            string txid = await _sandbox.AttachTransactionAsync(id, verified: false);
            var unverified = await Assert.ThrowsAsync<PiConflictException>(() => client.CompletePaymentAsync(id, txid));
            Assert.Equal("not_verified", unverified.ErrorCode);
            var mismatch = await Assert.ThrowsAsync<PiConflictException>(() => client.CompletePaymentAsync(id, new string('b', 64)));
            Assert.Equal("txid_mismatch", mismatch.ErrorCode);
            Assert.Equal(0, await _sandbox.ChangesAsync(id, "complete"));
        }

        [Fact]
        public async Task CancelIsIdempotentAndRefusedOnceATransactionExists()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync();
            Assert.Equal(PaymentState.Cancelled, (await client.CancelPaymentAsync(id)).State);
            Assert.Equal(PaymentState.Cancelled, (await client.CancelPaymentAsync(id)).State);
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "cancel"));

            string paid = await _sandbox.NewU2APaymentAsync();
            await client.ApprovePaymentAsync(paid);
            await _sandbox.AttachTransactionAsync(paid);
            var error = await Assert.ThrowsAsync<PiConflictException>(() => client.CancelPaymentAsync(paid));
            Assert.Equal("payment_tx_present", error.ErrorCode);
        }

        [Fact]
        public async Task AnUnknownPaymentIsNotFound()
        {
            using PiClient client = _sandbox.NewClient();
            var error = await Assert.ThrowsAsync<PiNotFoundException>(() => client.GetPaymentAsync("NoSuchPayment0000000000000000"));
            Assert.Equal("payment_not_found", error.ErrorCode);
            Assert.Equal(404, error.StatusCode);
            Assert.Equal(PiErrorKind.NotFound, error.Kind);
            Assert.NotNull(error.RecommendedAction);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("../me")]
        [InlineData("a/b")]
        [InlineData("a\\b")]
        [InlineData("a?b=1")]
        [InlineData("a#b")]
        [InlineData("a\nb")]
        [InlineData(" padded")]
        public async Task HostileIdsAreRefusedBeforeAnyRequest(string id)
        {
            using PiClient client = _sandbox.NewClient();
            int before = await _sandbox.RequestTotalAsync();
            var error = await Assert.ThrowsAsync<PiException>(() => client.ApprovePaymentAsync(id));
            Assert.Equal("invalid_identifier", error.ErrorCode);
            Assert.Equal(PiErrorKind.InvalidArgument, error.Kind);
            Assert.Equal(before, await _sandbox.RequestTotalAsync());
        }

        [Fact]
        public async Task ABrokenUnicodeCharacterIsRefusedButAWholeOneIsEscaped()
        {
            using PiClient client = _sandbox.NewClient();
            int before = await _sandbox.RequestTotalAsync();
            foreach (string broken in new[] { "a\uD800", "\uDC00a", "a\uDC00\uD800b" })
            {
                var error = await Assert.ThrowsAsync<PiException>(() => client.GetPaymentAsync(broken));
                Assert.Equal("invalid_identifier", error.ErrorCode);
            }
            Assert.Equal(before, await _sandbox.RequestTotalAsync());
            var notFound = await Assert.ThrowsAsync<PiNotFoundException>(() => client.GetPaymentAsync("a\uD83D\uDE00"));
            Assert.Equal("/v2/payments/a%F0%9F%98%80", notFound.Error.Path);
        }

        [Fact]
        public async Task OddButHarmlessIdsAreEscapedNotRefused()
        {
            using PiClient client = _sandbox.NewClient();
            var error = await Assert.ThrowsAsync<PiNotFoundException>(() => client.GetPaymentAsync("a b%2Fc"));
            // '%' is escaped too, so an encoded slash cannot become a path separator on the server.
            Assert.Equal("/v2/payments/a%20b%252Fc", error.Error.Path);
        }

        [Fact]
        public async Task CreatesAnAppToUserPaymentAndRefusesASecondWithTheExistingOne()
        {
            using PiClient client = _sandbox.NewClient();
            // carol has a wallet and no seeded app-to-user payment.
            var metadata = new Hashtable { ["order"] = "o-9", ["lines"] = new object[] { 1, 2.5m } };
            Payment created = await client.CreatePaymentAsync(new PaymentRequest { UserUid = "uid-carol-0003", Amount = 0.0000001m, Memo = "payout", Metadata = metadata });
            try
            {
                Assert.Equal(PaymentDirection.AppToUser, created.Direction);
                Assert.Equal(PaymentState.AwaitingTransaction, created.State);
                Assert.Equal(0.0000001m, created.Amount);
                Assert.Equal("o-9", ((IDictionary)created.Metadata!)["order"]);
                Assert.Contains(await client.GetIncompleteServerPaymentsAsync(), p => p.Identifier == created.Identifier);

                var ongoing = await Assert.ThrowsAsync<PiConflictException>(() => client.CreatePaymentAsync(
                    new PaymentRequest { UserUid = "uid-carol-0003", Amount = 1m, Memo = "again" }));
                Assert.Equal("ongoing_payment_found", ongoing.ErrorCode);
                Assert.Equal(created.Identifier, ongoing.Payment!.Identifier);
            }
            finally
            {
                await client.CancelPaymentAsync(created.Identifier);
            }
        }

        [Theory]
        [InlineData("uid-nobody", 1, "user_not_found")]
        [InlineData("uid-dave-0004", 1, "missing_wallet")]
        public async Task CreateErrorsCarryTheApisCode(string uid, int amount, string code)
        {
            using PiClient client = _sandbox.NewClient();
            var error = await Assert.ThrowsAnyAsync<PiApiException>(() => client.CreatePaymentAsync(new PaymentRequest { UserUid = uid, Amount = amount, Memo = "m" }));
            Assert.Equal(code, error.ErrorCode);
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        [InlineData("0.12345678")]
        public async Task InvalidAmountsAreRefusedLocally(string amount)
        {
            using PiClient client = _sandbox.NewClient();
            var error = await Assert.ThrowsAsync<PiException>(() => client.CreatePaymentAsync(
                new PaymentRequest { UserUid = "uid-bob-0002", Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Memo = "m" }));
            Assert.Equal("invalid_amount", error.ErrorCode);
        }
    }
}
