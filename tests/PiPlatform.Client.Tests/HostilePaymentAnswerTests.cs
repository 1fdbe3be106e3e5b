using System;
using System.Threading.Tasks;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>
    /// A 200 whose payment says something it should not (money, state, dates, lists, a name twice) is refused whole as
    /// <c>unexpected_response</c>: each case is served by a sandbox fault, then read through the client.
    /// In the bodies, {ID} is the payment id and {FLAGS} the five status flags, all false.
    /// </summary>
    [Collection(SandboxCollection.Name)]
    public class HostilePaymentAnswerTests
    {
        private const string Flags =
            """{"developer_approved":false,"transaction_verified":false,"developer_completed":false,"cancelled":false,"user_cancelled":false}""";

        private readonly SandboxFixture _sandbox;

        public HostilePaymentAnswerTests(SandboxFixture sandbox) => _sandbox = sandbox;

        private static string NewId() => "hostile-" + Guid.NewGuid().ToString("N");

        private static string Body(string template, string id) => template.Replace("{ID}", id).Replace("{FLAGS}", Flags);

        /// <summary>Serves <paramref name="template"/> as the next answer to GET /v2/payments/{id}, and reads it.</summary>
        private async Task<Payment> ServeAndGetAsync(string template)
        {
            string id = NewId();
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = id, body = Body(template, id) });
            using PiClient client = _sandbox.NewClient();
            return await client.GetPaymentAsync(id);
        }

        private async Task AssertRefusedAsync(string template)
        {
            var error = await Assert.ThrowsAsync<PiApiException>(() => ServeAndGetAsync(template));
            Assert.Equal("unexpected_response", error.ErrorCode);
            Assert.Equal(200, error.StatusCode);
        }

        [Fact]
        public async Task AWellFormedCraftedPaymentStillReads()
        {
            Payment p = await ServeAndGetAsync("""
                {"identifier":"{ID}","user_uid":"u","amount":123456789.1234567,"memo":"m","metadata":{"order":{"id":7}},
                 "from_address":"GA","to_address":"GB","direction":"app_to_user","created_at":"2024-05-06T07:08:09.123+02:00","network":"Pi Testnet",
                 "status":{"developer_approved":true,"transaction_verified":true,"developer_completed":false,"cancelled":false,"user_cancelled":false},
                 "transaction":{"txid":"tx1","verified":true,"_link":"https://x/tx1"},"brand_new_field":[1,{"a":1}]}
                """);
            Assert.Equal(123456789.1234567m, p.Amount);
            Assert.Equal(new DateTimeOffset(2024, 5, 6, 5, 8, 9, 123, TimeSpan.Zero), p.CreatedAt);
            Assert.Equal(PaymentState.ReadyToComplete, p.State);
            Assert.Equal("tx1", p.TxId);
        }

        [Theory]
        [InlineData("-1")]
        [InlineData("-0.0000001")]
        [InlineData("0.00000001")]
        [InlineData("1.12345678")]
        [InlineData("1e-8")]
        [InlineData("1e30")]
        [InlineData("\"1.5\"")]
        [InlineData("true")]
        [InlineData("null")]
        [InlineData("{\"value\":1}")]
        [InlineData("[1]")]
        public Task AnAmountThatIsNotAPlainPiAmountIsRefused(string amount) =>
            AssertRefusedAsync($$$"""{"identifier":"{ID}","amount":{{{amount}}},"status":{FLAGS}}""");

        [Theory]
        [InlineData("""{"identifier":"{ID}","amount":1,"amount":1000,"status":{FLAGS}}""")]
        [InlineData("""{"identifier":"{ID}","amount":1000,"Amount":1,"status":{FLAGS}}""")]
        [InlineData("""{"identifier":"{ID}","identifier":"other","amount":1,"status":{FLAGS}}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{FLAGS},"status":{"developer_approved":true,"transaction_verified":true,"developer_completed":true,"cancelled":false,"user_cancelled":false}}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{"developer_approved":false,"developer_approved":true,"transaction_verified":false,"developer_completed":false,"cancelled":false,"user_cancelled":false}}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{FLAGS},"transaction":{"txid":"a","txid":"b","verified":true}}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{FLAGS},"metadata":{"order_id":1,"order_id":2}}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{FLAGS},"metadata":{"items":[{"sku":"a","sku":"b"}]}}""")]
        public Task AKeyTwiceInAnyObjectOfThePaymentIsRefused(string template) => AssertRefusedAsync(template);

        [Theory]
        [InlineData("\"developer_approved\":\"true\"")]
        [InlineData("\"developer_approved\":1")]
        [InlineData("\"developer_approved\":null")]
        [InlineData("\"transaction_verified\":\"false\"")]
        [InlineData("\"developer_completed\":[]")]
        [InlineData("\"cancelled\":\"no\"")]
        [InlineData("\"user_cancelled\":0")]
        public Task AStatusFlagThatIsNotABooleanIsRefused(string flag)
        {
            string name = flag.Substring(1, flag.IndexOf('"', 1) - 1);
            string status = Flags.Replace($"\"{name}\":false", flag);
            return AssertRefusedAsync($$$"""{"identifier":"{ID}","amount":1,"status":{{{status}}}}""");
        }

        [Theory]
        [InlineData("developer_approved")]
        [InlineData("transaction_verified")]
        [InlineData("developer_completed")]
        [InlineData("cancelled")]
        [InlineData("user_cancelled")]
        public Task AMissingStatusFlagIsRefusedNotReadAsFalse(string name)
        {
            string status = Flags.Replace($"\"{name}\":false,", "").Replace($",\"{name}\":false", "");
            return AssertRefusedAsync($$$"""{"identifier":"{ID}","amount":1,"status":{{{status}}}}""");
        }

        [Theory]
        [InlineData("""{"identifier":"{ID}","amount":1}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":null}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":"completed"}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{FLAGS},"transaction":"tx1"}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{FLAGS},"transaction":{"txid":"tx1","verified":"yes"}}""")]
        [InlineData("""{"identifier":"{ID}","amount":1,"status":{"developer_approved":false,"transaction_verified":false,"developer_completed":false,"cancelled":false,"canceled":true,"user_cancelled":false}}""")]
        public Task AStatusOrTransactionOfTheWrongShapeIsRefused(string template) => AssertRefusedAsync(template);

        [Theory]
        [InlineData("\"yesterday\"")]
        [InlineData("\"2024-13-45T00:00:00Z\"")]
        [InlineData("\"2024-02-30T00:00:00Z\"")]
        [InlineData("\"06/05/2024 07:08:09\"")]
        [InlineData("\"2024-05-06\"")]
        [InlineData("1714979289")]
        [InlineData("{}")]
        public Task ACreatedAtThatIsNotAnIsoDateIsRefused(string createdAt) =>
            AssertRefusedAsync($$$"""{"identifier":"{ID}","amount":1,"status":{FLAGS},"created_at":{{{createdAt}}}}""");

        [Theory]
        [InlineData("{}")]
        [InlineData("""{"incomplete_server_payments":null}""")]
        [InlineData("""{"incomplete_server_payments":{}}""")]
        [InlineData("""{"incomplete_server_payments":"none"}""")]
        [InlineData("[]")]
        [InlineData("""{"incomplete_server_payments":[],"incomplete_server_payments":[{"identifier":"{ID}","amount":1,"status":{FLAGS}}]}""")]
        [InlineData("""{"incomplete_server_payments":[{"identifier":"{ID}","amount":1,"status":{FLAGS}},{"identifier":"b","amount":-5,"status":{FLAGS}}]}""")]
        [InlineData("""{"incomplete_server_payments":["{ID}"]}""")]
        public async Task AnIncompleteListThatIsMissingOrNotAnArrayOfGoodPaymentsIsRefused(string template)
        {
            using PiClient client = _sandbox.NewClient();
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = "incomplete_server_payments", body = Body(template, NewId()) });
            var error = await Assert.ThrowsAsync<PiApiException>(() => client.GetIncompleteServerPaymentsAsync());
            Assert.Equal("unexpected_response", error.ErrorCode);
        }

        [Fact]
        public async Task AWellFormedCraftedIncompleteListStillReads()
        {
            using PiClient client = _sandbox.NewClient();
            string id = NewId();
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = "incomplete_server_payments",
                body = Body("""{"incomplete_server_payments":[{"identifier":"{ID}","amount":0.5,"status":{FLAGS},"transaction":null}],"next":null}""", id) });
            var list = await client.GetIncompleteServerPaymentsAsync();
            Assert.Equal(id, Assert.Single(list).Identifier);
            Assert.Equal(0.5m, list[0].Amount);
        }

        [Fact]
        public async Task AChangeAnsweredWithAHostilePaymentIsRefusedAndTheReadBackDecides()
        {
            using PiClient client = _sandbox.NewClient();
            string id = await _sandbox.NewU2APaymentAsync(amount: 2.5m);
            await _sandbox.PostAsync("sandbox/faults", new { status = 200, count = 1, path_contains = id + "/approve", after_processing = true,
                body = Body("""{"identifier":"{ID}","amount":1,"amount":1000,"status":{FLAGS}}""", id) });
            var log = new ListLog();

            // The answer is refused (neither amount is believed); whether the approve happened is then read back.
            Payment approved = await client.WithLog(log).ApprovePaymentAsync(id);

            Assert.Equal(2.5m, approved.Amount);
            Assert.True(approved.Status.DeveloperApproved);
            Assert.Contains(log.Lines, l => l.Contains("(unexpected_response)") && l.Contains("confirmed by read-back"));
            Assert.Equal(1, await _sandbox.ChangesAsync(id, "approve"));
        }
    }
}
