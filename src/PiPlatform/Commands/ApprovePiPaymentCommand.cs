using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>Approves user-to-app payments (POST /v2/payments/{id}/approve).</summary>
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
