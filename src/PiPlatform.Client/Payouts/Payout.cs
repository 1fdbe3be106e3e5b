using System;
using PiPlatform.Stellar;

namespace PiPlatform.Payouts
{
    /// <summary>
    /// An app-to-user payment checked as payable by this wallet, with everything its transaction is built from: the
    /// checks the official SDKs make before signing (pi-backend's submitPayment), each refusal made before anything
    /// is sent to Horizon.
    /// </summary>
    internal sealed class Payout
    {
        private Payout(Payment payment, string wallet, long stroops)
        {
            Payment = payment;
            Wallet = wallet;
            Stroops = stroops;
        }

        public Payment Payment { get; }

        public string PaymentId => Payment.Identifier;

        /// <summary>The app wallet paying (the payment's from_address).</summary>
        public string Wallet { get; }

        /// <summary>The user's wallet (the payment's to_address).</summary>
        public string Destination => Payment.ToAddress!;

        /// <summary>The amount exactly, in stroops (10^-7 Pi): never rounded.</summary>
        public long Stroops { get; }

        /// <summary>The network passphrase the transaction is signed for: the payment's <c>network</c>.</summary>
        public string Network => Payment.Network!;

        /// <summary>Whether a ledger transaction pays exactly this payment: from this wallet, to the user, this amount.</summary>
        public string? Mismatch(PayoutTransaction paid) =>
            paid.SourceAccount != Wallet ? $"it is from {paid.SourceAccount}, not {Wallet}"
            : paid.Destination != Destination ? $"it pays {paid.Destination}, not the payment's to_address {Destination}"
            : paid.AmountStroops != Stroops ? $"it pays {StellarAmount.Format(paid.AmountStroops)}, not {StellarAmount.Format(Stroops)}"
            : null;

        /// <summary>The payment as a payout of <paramref name="wallet"/>, or the input error that says why it is not one.</summary>
        public static Payout Of(Payment payment, string wallet)
        {
            string id = payment.Identifier;
            if (payment.Direction != PaymentDirection.AppToUser)
                throw PiException.Input(PiErrorCatalog.NotAppToUser, $"Payment {id} is {payment.Direction}: the user pays it from their own wallet, so there is nothing for the app to submit. Nothing was sent.");
            if (payment.IsCancelled)
                throw PiException.Input("cancelled_payment", $"Payment {id} was cancelled, so it must not be paid. Nothing was sent.");
            if (!string.IsNullOrEmpty(payment.TxId) || payment.Status.DeveloperCompleted)
                throw PiException.Input(PiErrorCatalog.PaymentHasTransaction, $"Payment {id} already has blockchain transaction {payment.TxId ?? "(completed)"}. Nothing was sent.");
            if (payment.FromAddress != wallet)
                throw PiException.Input(PiErrorCatalog.WalletMismatch, $"Payment {id} is paid from wallet {payment.FromAddress ?? "(none)"}, but this connection's wallet is {wallet}. Nothing was sent.");
            if (payment.ToAddress == null || !StrKey.IsAccountId(payment.ToAddress))
                throw PiException.Input("invalid_address", $"Payment {id} has no valid to_address ({payment.ToAddress ?? "none"}) to pay. Nothing was sent.");
            if (string.IsNullOrEmpty(payment.Network))
                throw PiException.Input(PiErrorCatalog.UnknownNetwork, $"Payment {id} names no network, so its transaction cannot be signed. Nothing was sent.");
            long stroops;
            try
            {
                stroops = StellarAmount.ToStroops(payment.Amount);
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException || e is OverflowException)
            {
                throw PiException.Input("invalid_amount", $"Payment {id}: {e.Message} Nothing was sent.");
            }
            return new Payout(payment, wallet, stroops);
        }
    }
}
