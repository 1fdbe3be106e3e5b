using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>
    /// <para type="synopsis">Cancels payments (POST /v2/payments/{id}/cancel). Alias: Cancel-PiPayment.</para>
    /// <para type="description">Cancels each payment that has no blockchain transaction yet. A payment already cancelled
    /// (by the app or the user) is emitted with a verbose line; a completed payment, or one with a transaction, is an error.
    /// ConfirmImpact is High: pass -Confirm:$false in scripts. Supports -WhatIf.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "PiPayment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Cancel-PiPayment")]
    [OutputType(typeof(Payment))]
    public sealed class StopPiPaymentCommand : PaymentChangeCommand
    {
        /// <inheritdoc />
        protected override string Action => "Cancel payment";

        /// <inheritdoc />
        protected override Task<Payment> ChangeAsync(PiClient client, string paymentId, CancellationToken cancel) =>
            client.CancelPaymentAsync(paymentId, cancel);
    }
}
