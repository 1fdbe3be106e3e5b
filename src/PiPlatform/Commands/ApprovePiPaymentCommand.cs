using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>
    /// <para type="synopsis">Approves user-to-app payments (POST /v2/payments/{id}/approve).</para>
    /// <para type="description">Marks each payment approved so the user can sign its transaction. Idempotent: a payment
    /// that is already approved is emitted as it is, with a verbose line, whether Pi answered 200 or an error. A cancelled
    /// payment is an error. Supports -WhatIf and -Confirm.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Approve, "PiPayment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Payment))]
    public sealed class ApprovePiPaymentCommand : PaymentChangeCommand
    {
        /// <inheritdoc />
        protected override string Action => "Approve payment";

        /// <inheritdoc />
        protected override Task<Payment> ChangeAsync(PiClient client, string paymentId, CancellationToken cancel) =>
            client.ApprovePaymentAsync(paymentId, cancel);
    }
}
