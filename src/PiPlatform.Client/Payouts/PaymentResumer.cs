using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Horizon;

namespace PiPlatform.Payouts
{
    /// <summary>
    /// Drives a stuck payment to an end where the facts allow, and only then: a transaction on the chain (linked by
    /// Pi, or found in the paying wallet's history by its memo) means complete; an app-to-user payment with none is
    /// paid from the wallet, or cancelled when asked; anything else is left as it is and said why.
    /// </summary>
    internal sealed class PaymentResumer
    {
        private readonly PiClient _pi;
        private readonly PaymentSubmitter _submitter;
        private readonly PayoutDesk _desk;

        public PaymentResumer(PiClient pi, PaymentSubmitter submitter, PayoutDesk desk)
        {
            _pi = pi;
            _submitter = submitter;
            _desk = desk;
        }

        /// <summary>Decides, from the payment as read and (for an unpaid payout) the chain; changes nothing.</summary>
        public async Task<ResumePlan> PlanAsync(Payment payment, bool cancelUnpaid, CancellationToken cancel)
        {
            if (payment.Status.DeveloperCompleted) return new ResumePlan(payment, ResumeAction.None, "it is completed already");
            if (payment.IsCancelled) return new ResumePlan(payment, ResumeAction.None, "it is cancelled already");
            if (!string.IsNullOrEmpty(payment.TxId))
                return new ResumePlan(payment, ResumeAction.Complete, $"Pi links it to transaction {payment.TxId}", payment.TxId);
            if (payment.Direction != PaymentDirection.AppToUser)
            {
                return cancelUnpaid
                    ? new ResumePlan(payment, ResumeAction.Cancel, "the user has not paid it")
                    : new ResumePlan(payment, ResumeAction.Undecided, "the user has not paid it; pass -Cancel to cancel it");
            }
            HorizonTransaction? onChain;
            try
            {
                onChain = await _submitter.FindOnChainAsync(payment, cancel).ConfigureAwait(false);
            }
            catch (PiException cannotTell)
            {
                return new ResumePlan(payment, ResumeAction.Undecided, $"whether the chain has a transaction for it cannot be told: {cannotTell.Message}");
            }
            if (onChain != null)
                return new ResumePlan(payment, ResumeAction.Complete, $"transaction {onChain.Hash} on the chain pays it (Pi has not linked it)", onChain.Hash);
            if (cancelUnpaid) return new ResumePlan(payment, ResumeAction.Cancel, "no transaction on the chain pays it");
            if (_desk.Wallet != null && _desk.Wallet.AccountId == payment.FromAddress)
                return new ResumePlan(payment, ResumeAction.SubmitAndComplete, $"no transaction on the chain pays it, and this connection holds wallet {payment.FromAddress}");
            return new ResumePlan(payment, ResumeAction.Undecided,
                $"no transaction on the chain pays it; connect with the seed of wallet {payment.FromAddress} (-WalletSeed) to pay it, or pass -Cancel to cancel it");
        }

        /// <summary>Carries the plan out; an undecided plan is a <c>payment_not_resumable</c> error.</summary>
        public async Task<Payment> RunAsync(ResumePlan plan, CancellationToken cancel)
        {
            switch (plan.Action)
            {
                case ResumeAction.None:
                    return plan.Payment;
                case ResumeAction.Complete:
                    return await _pi.CompletePaymentAsync(plan.Payment, plan.TxId!, cancel).ConfigureAwait(false);
                case ResumeAction.Cancel:
                    return await _pi.CancelPaymentAsync(plan.Payment, cancel).ConfigureAwait(false);
                case ResumeAction.SubmitAndComplete:
                    Payment paid = await _submitter.SubmitAsync(plan.Payment.Identifier, cancel).ConfigureAwait(false);
                    return await _pi.CompletePaymentAsync(paid, paid.TxId!, cancel).ConfigureAwait(false);
                default:
                    throw PiException.Input(PiErrorCatalog.PaymentNotResumable, $"Payment {plan.Payment.Identifier} was left as it is: {plan.Reason}.");
            }
        }
    }
}
