using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>Approves user-to-app payments (POST /v2/payments/{id}/approve).</summary>
    [Cmdlet(VerbsLifecycle.Approve, "PiPayment", DefaultParameterSetName = ByPaymentSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Payment))]
    public sealed class ApprovePiPaymentCommand : PaymentChangeCommand
    {
        /// <inheritdoc />
        protected override (string, Func<PiClient, CancellationToken, Task<Payment>>) Plan(string paymentId, Payment? seen) =>
            ("Approve payment", (client, cancel) => seen != null ? client.ApprovePaymentAsync(seen, cancel) : client.ApprovePaymentAsync(paymentId, cancel));
    }
}
