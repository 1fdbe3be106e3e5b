using System;
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
        protected override (string, Func<PiClient, CancellationToken, Task<Payment>>) Plan(string paymentId, Payment? seen)
        {
            // Read here, on the pipeline thread: -TxId is rebound for every CSV row, so the request keeps its own copy.
            string? txid = string.IsNullOrEmpty(TxId) ? seen?.TxId : TxId;
            if (string.IsNullOrEmpty(txid))
            {
                // Only an id: the txid is read from the payment when its turn comes, so -WhatIf sends nothing at all.
                return ("Complete payment with its transaction's txid",
                    (client, cancel) => client.CompletePaymentWithItsTxidAsync(paymentId, cancel));
            }
            return ($"Complete payment with txid {txid}",
                (client, cancel) => seen != null ? client.CompletePaymentAsync(seen, txid!, cancel) : client.CompletePaymentAsync(paymentId, txid!, cancel));
        }
    }
}
