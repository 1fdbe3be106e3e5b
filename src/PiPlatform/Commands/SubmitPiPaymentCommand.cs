using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Commands
{
    /// <summary>
    /// Pays app-to-user payments on the chain: signs each one's transaction with the connection's wallet, submits it to
    /// Horizon, and returns the payment with its txid, ready for Complete-PiPayment. Never pays one twice.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Submit, "PiPayment", DefaultParameterSetName = ByPaymentSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Payment))]
    public sealed class SubmitPiPaymentCommand : PaymentChangeCommand
    {
        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // Before any input: without a wallet nothing can be paid, and -WhatIf should say so too.
            if (ActiveConnection!.WalletAddress == null) ThrowTerminatingError(ErrorFactory.NoWallet(ActiveConnection));
        }

        /// <inheritdoc />
        protected override (string, Func<PiClient, CancellationToken, Task<Payment>>) Plan(string paymentId, Payment? seen)
        {
            string wallet = ActiveConnection!.WalletAddress!;
            string what = seen?.ToAddress != null
                ? $"Pay {seen.Amount.ToString(CultureInfo.InvariantCulture)} Pi from wallet {wallet} to {seen.ToAddress} (sign and submit the blockchain transaction)"
                : $"Pay the payment from wallet {wallet} (sign and submit its blockchain transaction)";
            // The payment is read again when its turn comes: a piped one may be stale, and paying on stale facts is how
            // payments get paid twice.
            return (what, (client, cancel) => client.SubmitPaymentAsync(paymentId, cancel));
        }
    }
}
