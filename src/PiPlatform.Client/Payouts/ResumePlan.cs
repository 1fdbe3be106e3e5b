namespace PiPlatform
{
    /// <summary>What Resume-PiPayment will do with one incomplete payment.</summary>
    public enum ResumeAction
    {
        /// <summary>Nothing: it is completed or cancelled already.</summary>
        None,

        /// <summary>Complete it with the txid of its transaction on the chain.</summary>
        Complete,

        /// <summary>Pay it from the app wallet (Submit-PiPayment), then complete it.</summary>
        SubmitAndComplete,

        /// <summary>Cancel it: it has no transaction, and -Cancel was given.</summary>
        Cancel,

        /// <summary>The facts do not decide it: reported, never guessed.</summary>
        Undecided,
    }

    /// <summary>One incomplete payment, what the facts say should be done with it, and why.</summary>
    public sealed class ResumePlan
    {
        internal ResumePlan(Payment payment, ResumeAction action, string reason, string? txid = null)
        {
            Payment = payment;
            Action = action;
            Reason = reason;
            TxId = txid;
        }

        /// <summary>The payment as read when the plan was made.</summary>
        public Payment Payment { get; }

        /// <summary>What will be done.</summary>
        public ResumeAction Action { get; }

        /// <summary>Why, in a sentence: the fact the action rests on.</summary>
        public string Reason { get; }

        /// <summary>For <see cref="ResumeAction.Complete"/>: the txid it will be completed with.</summary>
        public string? TxId { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Payment.Identifier}: {Action} ({Reason})";
    }
}
