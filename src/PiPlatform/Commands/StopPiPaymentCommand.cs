using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>Cancels payments (POST /v2/payments/{id}/cancel). Alias: Cancel-PiPayment.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "PiPayment", DefaultParameterSetName = ByPaymentSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [Alias("Cancel-PiPayment")]
    [OutputType(typeof(Payment))]
    public sealed class StopPiPaymentCommand : PaymentChangeCommand
    {
        /// <inheritdoc />
        protected override (string, Func<PiClient, CancellationToken, Task<Payment>>) Plan(string paymentId, Payment? seen) =>
            ("Cancel payment", (client, cancel) => seen != null ? client.CancelPaymentAsync(seen, cancel) : client.CancelPaymentAsync(paymentId, cancel));
    }
}
