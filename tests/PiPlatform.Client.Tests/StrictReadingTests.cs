using System;
using System.Text.Json;
using PiPlatform.Json;
using Xunit;

namespace PiPlatform.Client.Tests
{
    /// <summary>
    /// What the strict reader says when it refuses an answer: the owner (payment id where there is one), the field
    /// and the problem, never a huge value; and that it refuses with FormatException only, the one exception the
    /// transport's error-body reader expects.
    /// </summary>
    public class StrictReadingTests
    {
        private const string Flags =
            """{"developer_approved":false,"transaction_verified":false,"developer_completed":false,"cancelled":false,"user_cancelled":false}""";

        private static string Payment(string fields) => $$$"""{"identifier":"p1",{{{fields}}}}""";

        private static FormatException Refusal(Func<JsonElement, object> read, string json)
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return Assert.Throws<FormatException>(() => read(doc.RootElement));
        }

        private static FormatException PaymentRefusal(string json) => Refusal(WireReader.ReadPayment, json);

        [Theory]
        [InlineData("\"amount\":-1,\"status\":" + Flags, "Payment p1: amount is negative (-1).")]
        [InlineData("\"amount\":1,\"amount\":1000,\"status\":" + Flags, "Payment p1: duplicate key 'amount'.")]
        [InlineData("\"amount\":0.12345678,\"status\":" + Flags, "Payment p1: amount has more than 7 decimal places (0.12345678).")]
        [InlineData("\"amount\":\"1.5\",\"status\":" + Flags, "Payment p1: amount is not a JSON number (it is a string: \"1.5\").")]
        [InlineData("\"status\":" + Flags, "Payment p1: amount is missing.")]
        [InlineData("\"amount\":1e30,\"status\":" + Flags, "Payment p1: amount is larger than any Pi amount (1e30).")]
        [InlineData("\"amount\":1", "Payment p1: status is missing.")]
        [InlineData("\"amount\":1,\"status\":{\"developer_approved\":false,\"transaction_verified\":false,\"developer_completed\":false,\"cancelled\":\"no\",\"user_cancelled\":false}",
            "Payment p1: status.cancelled is not true or false (it is a string: \"no\").")]
        [InlineData("\"amount\":1,\"status\":{\"developer_approved\":false,\"transaction_verified\":false,\"developer_completed\":false,\"cancelled\":false}",
            "Payment p1: status.user_cancelled is missing.")]
        [InlineData("\"amount\":1,\"status\":{\"developer_approved\":false,\"developer_approved\":true,\"transaction_verified\":false,\"developer_completed\":false,\"cancelled\":false,\"user_cancelled\":false}",
            "Payment p1: duplicate key 'developer_approved' in status.")]
        [InlineData("\"amount\":1,\"status\":{\"developer_approved\":false,\"transaction_verified\":false,\"developer_completed\":false,\"cancelled\":false,\"canceled\":true,\"user_cancelled\":false}",
            "Payment p1: 'status.cancelled' and 'status.canceled' disagree.")]
        [InlineData("\"amount\":1,\"created_at\":\"yesterday\",\"status\":" + Flags, "Payment p1: created_at is not an ISO 8601 date (it is a string: \"yesterday\").")]
        [InlineData("\"amount\":1,\"metadata\":{\"order\":{\"id\":1,\"ID\":2}},\"status\":" + Flags, "Payment p1: duplicate key 'ID' in metadata.order.")]
        [InlineData("\"amount\":1,\"transaction\":\"tx1\",\"status\":" + Flags, "Payment p1: transaction is not a JSON object (it is a string: \"tx1\").")]
        public void APaymentRefusalSaysWhichPaymentAndWhatWasWrong(string fields, string message) =>
            Assert.Equal(message, PaymentRefusal(Payment(fields)).Message);

        [Fact]
        public void AHugeValueIsCutInTheMessage()
        {
            string huge = new string('9', 5000);
            string message = PaymentRefusal(Payment($"\"amount\":\"{huge}\",\"status\":{Flags}")).Message;
            Assert.True(message.Length < 200, message);
            Assert.Contains("amount is not a JSON number", message);
            Assert.EndsWith("...).", message);
        }

        [Fact]
        public void AHugeIdentifierIsCutToo()
        {
            string id = new string('x', 5000);
            string message = PaymentRefusal($$$"""{"identifier":"{{{id}}}","amount":-1,"status":{{{Flags}}}}""").Message;
            Assert.True(message.Length < 250, message);
            Assert.Contains("amount is negative", message);
        }

        [Fact]
        public void APaymentWithoutAUsableIdentifierIsNamedByItsPlace()
        {
            Assert.Equal("A payment: identifier is missing.", PaymentRefusal($$$"""{"amount":1,"status":{{{Flags}}}}""").Message);
            Assert.Equal("A payment: duplicate key 'identifier'.",
                PaymentRefusal($$$"""{"identifier":"a","identifier":"b","amount":1,"status":{{{Flags}}}}""").Message);
            string list = $$$"""{"incomplete_server_payments":[{"identifier":"a","amount":1,"status":{{{Flags}}}},{"amount":-1,"status":{{{Flags}}}}]}""";
            Assert.Equal("Payment #2 of incomplete_server_payments: identifier is missing.",
                Refusal(root => WireReader.ReadPayments(root, "incomplete_server_payments"), list).Message);
        }

        [Theory]
        [InlineData("{}", "The answer: incomplete_server_payments is missing.")]
        [InlineData("""{"incomplete_server_payments":{}}""", "The answer: incomplete_server_payments is not an array (it is an object: {}).")]
        [InlineData("""{"incomplete_server_payments":[{"identifier":"b7","amount":-2}]}""", "Payment b7: status is missing.")]
        public void AListRefusalSaysWhatWasWrong(string json, string message) =>
            Assert.Equal(message, Refusal(root => WireReader.ReadPayments(root, "incomplete_server_payments"), json).Message);

        [Theory]
        [InlineData("""{"credentials":{"scopes":[]}}""", "The user: uid is missing.")]
        [InlineData("""{"uid":7,"credentials":{"scopes":[]}}""", "The user: uid is not a string (it is a number: 7).")]
        [InlineData("""{"uid":"u","credentials":{"scopes":"all"}}""", "The user: credentials.scopes is not an array (it is a string: \"all\").")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[true]}}""", "The user: credentials.scopes[0] is not a string (it is true).")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":"2030"}}""", "The user: credentials.valid_until is not a JSON object (it is a string: \"2030\").")]
        [InlineData("""{"uid":"u","credentials":{"scopes":[],"valid_until":{}}}""", "The user: credentials.valid_until has neither timestamp nor iso8601.")]
        public void AUserRefusalSaysWhatWasWrong(string json, string message) =>
            Assert.Equal(message, Refusal(WireReader.ReadUser, json).Message);

        [Theory]
        [InlineData("""{"identifier":"ad9","mediator_ack_status":1}""", "Ad ad9: mediator_ack_status is not a string (it is a number: 1).")]
        [InlineData("""{"identifier":"ad9","mediator_granted_at":"later"}""", "Ad ad9: mediator_granted_at is not an ISO 8601 date (it is a string: \"later\").")]
        [InlineData("""{"mediator_ack_status":null}""", "The ad status: identifier is missing.")]
        public void AnAdRefusalSaysWhatWasWrong(string json, string message) =>
            Assert.Equal(message, Refusal(WireReader.ReadAdStatus, json).Message);

        [Theory]
        [InlineData("""{"success":true}""", "The notify answer: delivered_notifications is missing.")]
        [InlineData("""{"delivered_notifications":[{"id":1}]}""", "Delivered notification #1: user_uid is missing.")]
        public void ANotifyRefusalSaysWhatWasWrong(string json, string message) =>
            Assert.Equal(message, Refusal(WireReader.ReadDelivered, json).Message);

        [Theory]
        [InlineData("1", 0)]
        [InlineData("1.50", 1)]
        [InlineData("0.1234567", 7)]
        [InlineData("0.12345670000", 7)]
        [InlineData("1e-7", 7)]
        [InlineData("1E-8", 8)]
        [InlineData("120e-1", 0)]
        [InlineData("1.5e2", 0)]
        [InlineData("-0.00000001", 8)]
        [InlineData("0.000000000", 0)]
        [InlineData("1.00000000000000000000000000000001", 32)]
        public void DecimalPlacesAreReadFromTheNumbersText(string number, long places) =>
            Assert.Equal(places, WireValues.DecimalPlaces(number));

        [Theory]
        [InlineData("2024-05-06T07:08:09Z", true)]
        [InlineData("2024-05-06T07:08:09.1234567+05:30", true)]
        [InlineData("2024-05-06T07:08:09", true)]
        [InlineData("2024-05-06", false)]
        [InlineData("2024-05-06 07:08:09Z", false)]
        [InlineData("May 6, 2024", false)]
        [InlineData("2024-02-30T00:00:00Z", false)]
        [InlineData("２０２４-05-06T07:08:09Z", false)]
        public void DatesMustBeIso8601(string text, bool valid) =>
            Assert.Equal(valid, WireValues.TryParseIsoDate(text, out _));

        [Fact]
        public void AWellFormedPaymentReadsWithTheSeedsSpellingsWhenTheyAgree()
        {
            using JsonDocument doc = JsonDocument.Parse(Payment(
                "\"amount\":1,\"user_uid\":\"u\",\"Pioneer_uid\":\"u\",\"status\":{\"developer_approved\":false,\"transaction_verified\":false,\"developer_completed\":false,\"cancelled\":true,\"canceled\":true,\"user_cancelled\":false}"));
            Payment p = WireReader.ReadPayment(doc.RootElement);
            Assert.Equal("u", p.UserUid);
            Assert.True(p.Status.Cancelled);
        }
    }
}
