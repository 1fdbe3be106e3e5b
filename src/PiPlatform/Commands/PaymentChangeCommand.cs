using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Batch;

namespace PiPlatform.Commands
{
    /// <summary>
    /// What Approve-, Complete- and Stop-PiPayment share: ids or payments from the pipeline, ShouldProcess on the
    /// pipeline thread before each payment is queued, the updated payments out in input order, and a failed payment
    /// reported without stopping the rest.
    /// </summary>
    public abstract class PaymentChangeCommand : PiApiCmdlet
    {
        /// <summary>The parameter set of ids (strings, or objects with an id property such as Import-Csv rows).</summary>
        protected const string ByIdSet = ParameterSets.ById;

        /// <summary>
        /// The parameter set of payments from Get-PiPayment, and the cmdlets' default: PowerShell binds pipeline input
        /// to the default set first, so with ById as default a piped payment would bind by its Identifier property
        /// and its state would be lost.
        /// </summary>
        protected const string ByPaymentSet = ParameterSets.ByPayment;

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

        /// <inheritdoc />
        protected override int InputCount => ParameterSetName == ByPaymentSet ? InputObject.Length : PaymentId.Length;

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
            var (action, change) = Plan(paymentId, seen);
            if (ShouldProcess(paymentId, action))
            {
                Queue(ItemPlan.Call(paymentId, "Payment " + paymentId, change));
            }
        }

        /// <summary>
        /// What will be done to one payment: the ShouldProcess action, and the request (made later, maybe on another
        /// thread, so it may use only what it captures). <paramref name="seen"/> is the piped payment, if any.
        /// </summary>
        protected abstract (string Action, Func<PiClient, CancellationToken, Task<Payment>> Change) Plan(string paymentId, Payment? seen);
    }
}
