using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using PiPlatform.Batch;

namespace PiPlatform.Commands
{
    /// <summary>
    /// Creates app-to-user payments (POST /v2/payments): different users' at once, never two for one user at once
    /// (Pi allows one open app-to-user payment per user, so the second must see the first).
    /// </summary>
    [Cmdlet(VerbsCommon.New, "PiPayment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Payment))]
    public sealed class NewPiPaymentCommand : PiApiCmdlet
    {
        /// <summary>The recipient's app-specific uid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "user_uid")]
        [ValidateNotNullOrEmpty]
        public string UserUid { get; set; } = "";

        /// <summary>The amount in Pi: positive, at most 7 decimal places.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ExactDecimalTransformation]
        public decimal Amount { get; set; }

        /// <summary>The text shown to the user.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Memo { get; set; } = "";

        /// <summary>The app's own data: a hashtable, an object, or a JSON object string.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Metadata { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            IDictionary? metadata;
            try
            {
                metadata = ReadMetadata(Metadata);
            }
            catch (ArgumentException error)
            {
                Queue(ItemPlan.Refused(ErrorFactory.InvalidMetadata(error.Message, UserUid)));
                return;
            }
            if (!ShouldProcess($"user {UserUid}", $"Create app-to-user payment of {Amount.ToString(CultureInfo.InvariantCulture)} Pi"))
            {
                return;
            }
            var request = new PaymentRequest { UserUid = UserUid, Amount = Amount, Memo = Memo, Metadata = metadata };
            string uid = UserUid;
            // The existing payment is what a script needs to decide what to do: make it the target.
            Queue(ItemPlan.Call(uid, "Payment to " + uid, (client, cancel) => client.CreatePaymentAsync(request, cancel),
                exclusiveKey: uid, targetOf: error => error is PiApiException { Payment: { } existing } ? existing : (object)uid));
        }

        private static IDictionary? ReadMetadata(object? value)
        {
            // An empty cell of Import-Csv means "no metadata", not an invalid JSON string.
            if (value is string text && string.IsNullOrWhiteSpace(text)) return null;
            object? plain = value is string json ? PiJson.ParseObject(json) : PowerShellValues.ToPlain(value);
            return plain switch
            {
                null => null,
                IDictionary map => map,
                _ => throw new ArgumentException("it is not a hashtable, an object, or a JSON object string."),
            };
        }
    }
}
