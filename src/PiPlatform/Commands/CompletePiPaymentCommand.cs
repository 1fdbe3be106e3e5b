using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>Completes payments with their blockchain txid (POST /v2/payments/{id}/complete).</summary>
    [Cmdlet(VerbsLifecycle.Complete, "PiPayment", DefaultParameterSetName = ByPaymentSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Payment))]
    public sealed class CompletePiPaymentCommand : PaymentChangeCommand
    {
        /// <summary>The blockchain transaction id; default: the payment's own transaction's.</summary>
        // Bound by property name only with ids (CSV rows with a TxId column): a piped payment brings its own, and
        // binding it there would let PowerShell bind the row itself to -PaymentId as text before by its id column.
        [Parameter(ParameterSetName = ByIdSet, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Parameter(ParameterSetName = ByPaymentSet)]
        [Alias("TransactionId")]
        public string? TxId { get; set; }

        /// <inheritdoc />
        protected override string Action => "Complete payment";

        // The txid for the payment in hand: -TxId, or the one read from the payment.
        private string _txid = "";

        /// <inheritdoc />
        protected override string? Prepare(string paymentId, Payment? seen)
        {
            string? given = string.IsNullOrEmpty(TxId) ? seen?.TxId : TxId;
            if (!string.IsNullOrEmpty(given))
            {
                _txid = given!;
                return $"{Action} with txid {_txid}";
            }
            Payment current;
            try
            {
                current = Call((client, cancel) => client.GetPaymentAsync(paymentId, cancel));
            }
            catch (PiException error)
            {
                WriteItemError(error, paymentId);
                return null;
            }
            if (string.IsNullOrEmpty(current.TxId))
            {
                WriteError(ErrorFactory.MissingTxid(paymentId));
                return null;
            }
            _txid = current.TxId!;
            WriteVerbose($"Payment {paymentId}: using its transaction's txid {_txid}.");
            return $"{Action} with txid {_txid}";
        }

        /// <inheritdoc />
        protected override Task<Payment> ChangeAsync(PiClient client, string paymentId, Payment? seen, CancellationToken cancel) =>
            seen != null ? client.CompletePaymentAsync(seen, _txid, cancel) : client.CompletePaymentAsync(paymentId, _txid, cancel);
    }
}
