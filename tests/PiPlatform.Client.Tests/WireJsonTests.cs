using System;
using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Text;
using System.Text.Json;
using PiPlatform.Json;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>The JSON mapping of every field, the seed's spellings, unknown fields, nulls and money exactness.</summary>
    public class WireJsonTests
    {
        private static Payment Read(string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return WireReader.ReadPayment(doc.RootElement);
        }

        // The five status flags, all false: the API always sends them, and a payment without them is refused.
        private const string NoFlags = """
            "status":{"developer_approved":false,"transaction_verified":false,"developer_completed":false,"cancelled":false,"user_cancelled":false}
            """;

        private const string Full = """
        {"identifier":"pay1","user_uid":"u1","amount":3.1415926,"memo":"m","metadata":{"Order":{"id":7,"tags":["a","b"]},"price":0.1},
         "from_address":"GFROM","to_address":"GTO","direction":"user_to_app","created_at":"2024-05-06T07:08:09.123Z","network":"Pi Testnet",
         "status":{"developer_approved":true,"transaction_verified":true,"developer_completed":false,"cancelled":false,"user_cancelled":false},
         "transaction":{"txid":"abc","verified":true,"_link":"https://x/tx/abc"},"brand_new_field":{"x":[1,2]}}
        """;

        [Fact]
        public void ReadsEveryField()
        {
            Payment p = Read(Full);
            Assert.Equal("pay1", p.Identifier);
            Assert.Equal("u1", p.UserUid);
            Assert.Equal(3.1415926m, p.Amount);
            Assert.Equal("m", p.Memo);
            Assert.Equal("GFROM", p.FromAddress);
            Assert.Equal("GTO", p.ToAddress);
            Assert.Equal(PaymentDirection.UserToApp, p.Direction);
            Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero), p.CreatedAt);
            Assert.Equal("Pi Testnet", p.Network);
            Assert.True(p.Status.DeveloperApproved);
            Assert.True(p.Status.TransactionVerified);
            Assert.False(p.Status.DeveloperCompleted);
            Assert.Equal("abc", p.Transaction!.TxId);
            Assert.Equal("abc", p.TxId);
            Assert.True(p.Transaction.Verified);
            Assert.Equal("https://x/tx/abc", p.Transaction.Link);
            Assert.Equal(PaymentState.ReadyToComplete, p.State);
        }

        [Fact]
        public void MetadataIsACaseInsensitiveOrderedDictionary()
        {
            var metadata = Assert.IsType<OrderedDictionary>(Read(Full).Metadata);
            var order = Assert.IsType<OrderedDictionary>(metadata["order"]);
            Assert.Equal(7L, order["ID"]);
            Assert.Equal(new object[] { "a", "b" }, (object[])order["tags"]!);
            Assert.Equal(0.1m, metadata["price"]);
            Assert.Equal("Order", ((IDictionary)metadata).Keys.Cast<string>().First());
        }

        [Fact]
        public void ReadsTheSeedsSpellings()
        {
            Payment p = Read("""{"identifier":"p","Pioneer_uid":"u9","amount":1,"status":{"developer_approved":false,"transaction_verified":false,"developer_completed":false,"canceled":true,"Pioneer_cancelled":true}}""");
            Assert.Equal("u9", p.UserUid);
            Assert.True(p.Status.Cancelled);
            Assert.True(p.Status.UserCancelled);
            Assert.Equal(PaymentState.UserCancelled, p.State);
        }

        [Fact]
        public void AbsentAndNullFieldsAreNull()
        {
            Payment p = Read($$"""{"identifier":"p","amount":1,"memo":null,"metadata":null,"transaction":null,"created_at":null,{{NoFlags}}}""");
            Assert.Null(p.UserUid);
            Assert.Null(p.Memo);
            Assert.Null(p.Metadata);
            Assert.Null(p.Transaction);
            Assert.Null(p.TxId);
            Assert.Null(p.CreatedAt);
            Assert.Null(p.Network);
            Assert.Equal(PaymentDirection.Unknown, p.Direction);
            Assert.Equal(PaymentState.AwaitingApproval, p.State);
        }

        [Theory]
        [InlineData("0.1234567", "0.1234567")]
        [InlineData("123456789.1234567", "123456789.1234567")]
        [InlineData("1e-7", "0.0000001")]
        public void AmountsAreExactDecimals(string wire, string expected)
        {
            Payment p = Read($$"""{"identifier":"p","amount":{{wire}},{{NoFlags}}}""");
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), p.Amount);
        }

        [Fact]
        public void AmountsAreWrittenExactly()
        {
            byte[] body = WireWriter.CreatePaymentBody(new PaymentRequest { UserUid = "u", Amount = 0.1234567m, Memo = "m" });
            Assert.Contains("\"amount\":0.1234567", Encoding.UTF8.GetString(body));
        }

        [Fact]
        public void APaymentWithoutIdentifierIsRefused() =>
            Assert.Throws<FormatException>(() => Read($$"""{"amount":1,{{NoFlags}}}"""));

        [Theory]
        [InlineData("")]
        [InlineData(""","amount":null""")]
        [InlineData(",\"amount\":\"lots\"")]
        public void APaymentWithoutAUsableAmountIsRefusedNotReadAsZero(string amount) =>
            Assert.Throws<FormatException>(() => Read($$"""{"identifier":"p"{{amount}},{{NoFlags}}}"""));

        [Theory]
        [InlineData(false, false, false, false, false, false, PaymentState.AwaitingApproval)]
        [InlineData(true, false, false, false, false, false, PaymentState.AwaitingTransaction)]
        [InlineData(true, false, false, false, false, true, PaymentState.TransactionUnverified)]
        [InlineData(true, true, false, false, false, true, PaymentState.ReadyToComplete)]
        [InlineData(true, true, true, false, false, true, PaymentState.Completed)]
        [InlineData(true, false, false, true, false, false, PaymentState.Cancelled)]
        [InlineData(false, false, false, false, true, false, PaymentState.UserCancelled)]
        public void StateFollowsTheFlags(bool approved, bool verified, bool completed, bool cancelled, bool userCancelled, bool tx, PaymentState expected)
        {
            var p = new Payment
            {
                Status = new PaymentStatus
                {
                    DeveloperApproved = approved, TransactionVerified = verified, DeveloperCompleted = completed,
                    Cancelled = cancelled, UserCancelled = userCancelled,
                },
                Transaction = tx ? new PaymentTransaction { TxId = "t", Verified = verified } : null,
            };
            Assert.Equal(expected, p.State);
        }

        [Fact]
        public void ReadsAUserWithUnixTimestampOnly()
        {
            using JsonDocument doc = JsonDocument.Parse("""{"uid":"u","credentials":{"scopes":["payments"],"valid_until":{"timestamp":1700000000}}}""");
            User u = WireReader.ReadUser(doc.RootElement);
            Assert.Null(u.Username);
            Assert.Equal(new[] { "payments" }, u.Scopes);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), u.ValidUntil);
        }
    }
}
