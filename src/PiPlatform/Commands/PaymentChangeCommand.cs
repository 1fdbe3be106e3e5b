using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>
    /// What Approve-, Complete- and Stop-PiPayment share: ids or payments from the pipeline, ShouldProcess right
    /// before each request, the updated payment out, and a failed payment reported without stopping the rest.
    /// </summary>
    public abstract class PaymentChangeCommand : PiApiCmdlet
    {
        /// <summary>The parameter set of ids (strings, or objects with an id property such as Import-Csv rows).</summary>
        protected const string ByIdSet = "ById";

        /// <summary>
        /// The parameter set of payments from Get-PiPayment, and the cmdlets' default: PowerShell binds pipeline input
        /// to the default set first, so with ById as default a piped payment would bind by its Identifier property
        /// and its state would be lost.
        /// </summary>
        protected const string ByPaymentSet = "ByPayment";

        /// <summary>The payment identifiers, or objects with a PaymentId, Identifier or Id property.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identifier", "Id")]
        [AllowEmptyString]
        public string[] PaymentId { get; set; } = new string[0];

        /// <summary>
        /// Payments from Get-PiPayment. Their state as read tells a repeat from a first change even when Pi answers
        /// the repeat with plain success, so the verbose line can say the payment was already done.
        /// </summary>
        [Parameter(ParameterSetName = ByPaymentSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Payment[] InputObject { get; set; } = new Payment[0];

        /// <summary>The ShouldProcess action, e.g. "Approve payment".</summary>
        protected abstract string Action { get; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByPaymentSet)
            {
                foreach (Payment payment in InputObject) ProcessPayment(payment.Identifier, payment);
                return;
            }
            foreach (string id in PaymentId) ProcessPayment(id, null);
        }

        private void ProcessPayment(string paymentId, Payment? seen)
        {
            string? action = Prepare(paymentId, seen);
            if (action != null && ShouldProcess(paymentId, action))
            {
                CallAndWrite(paymentId, (client, cancel) => ChangeAsync(client, paymentId, seen, cancel));
            }
        }

        /// <summary>
        /// Gets ready for one payment and says what will be done to it, for ShouldProcess; null when the payment
        /// cannot go ahead (its error is already written).
        /// </summary>
        protected virtual string? Prepare(string paymentId, Payment? seen) => Action;

        /// <summary>The one request this cmdlet makes per payment; <paramref name="seen"/> is the piped payment, if any.</summary>
        protected abstract Task<Payment> ChangeAsync(PiClient client, string paymentId, Payment? seen, CancellationToken cancel);
    }
}
