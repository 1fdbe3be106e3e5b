using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>
    /// What Approve-, Complete- and Stop-PiPayment share: ids (or payments) from the pipeline, ShouldProcess
    /// right before each request, the updated payment out, and a failed payment reported without stopping the rest.
    /// </summary>
    public abstract class PaymentChangeCommand : PiApiCmdlet
    {
        /// <summary>The payment identifiers, or payments piped in (bound by their Identifier).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identifier", "Id")]
        [AllowEmptyString]
        public string[] PaymentId { get; set; } = new string[0];

        /// <summary>The ShouldProcess action, e.g. "Approve payment".</summary>
        protected abstract string Action { get; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (string id in PaymentId)
            {
                ProcessPayment(id);
            }
        }

        private void ProcessPayment(string paymentId)
        {
            string? action = Prepare(paymentId);
            if (action != null && ShouldProcess(paymentId, action))
            {
                CallAndWrite(paymentId, (client, cancel) => ChangeAsync(client, paymentId, cancel));
            }
        }

        /// <summary>
        /// Gets ready for one payment and says what will be done to it, for ShouldProcess; null when the payment
        /// cannot go ahead (its error is already written).
        /// </summary>
        protected virtual string? Prepare(string paymentId) => Action;

        /// <summary>The one request this cmdlet makes per payment.</summary>
        protected abstract Task<Payment> ChangeAsync(PiClient client, string paymentId, CancellationToken cancel);
    }
}
