using System;

namespace PiPlatform
{
    /// <summary>One state change: its path, its body, and how to tell from a payment that it has already happened.</summary>
    internal sealed class PaymentChange
    {
        private readonly string _alreadyText;

        public PaymentChange(string action, byte[]? body, Func<Payment, bool> alreadyDone, string alreadyText)
        {
            Action = action;
            Body = body;
            AlreadyDone = alreadyDone;
            _alreadyText = alreadyText;
        }

        /// <summary>The path's last segment and the verb in messages: approve, complete, cancel.</summary>
        public string Action { get; }

        public byte[]? Body { get; }

        /// <summary>True if the payment shows this change done (a repeat, or a lost answer to the first).</summary>
        public Func<Payment, bool> AlreadyDone { get; }

        public string Repeat(string paymentId) => $"Payment {paymentId} {_alreadyText}: nothing to {Action}.";
    }
}
