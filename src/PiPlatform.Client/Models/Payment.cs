using System;

namespace PiPlatform
{
    /// <summary>A Pi payment (the API's PaymentDTO), as the pipeline sees it.</summary>
    public sealed class Payment
    {
        /// <summary>The payment identifier; what every payment cmdlet binds by property name.</summary>
        public string Identifier { get; init; } = "";

        /// <summary>The user's app-specific id (the wire's <c>user_uid</c>, or the seed's <c>Pioneer_uid</c>).</summary>
        public string? UserUid { get; init; }

        /// <summary>The amount in Pi, exact: never a binary floating point number.</summary>
        public decimal Amount { get; init; }

        /// <summary>The developer's text shown to the user.</summary>
        public string? Memo { get; init; }

        /// <summary>
        /// The developer's own data. A JSON object becomes an ordered, case-insensitive dictionary, so
        /// <c>$p.Metadata.order_id</c> and <c>$p.Metadata['order_id']</c> both work.
        /// </summary>
        public object? Metadata { get; init; }

        /// <summary>The sender's blockchain address.</summary>
        public string? FromAddress { get; init; }

        /// <summary>The recipient's blockchain address.</summary>
        public string? ToAddress { get; init; }

        /// <summary>Who pays whom.</summary>
        public PaymentDirection Direction { get; init; }

        /// <summary>When the payment was created, or null if the API did not say.</summary>
        public DateTimeOffset? CreatedAt { get; init; }

        /// <summary>"Pi Network" (Mainnet) or "Pi Testnet".</summary>
        public string? Network { get; init; }

        /// <summary>The five status flags.</summary>
        public PaymentStatus Status { get; init; } = new PaymentStatus();

        /// <summary>The blockchain transaction, or null if none was made yet.</summary>
        public PaymentTransaction? Transaction { get; init; }

        /// <summary>The transaction's id, or null: lets <c>Complete-PiPayment -TxId</c> bind from a piped payment.</summary>
        public string? TxId => Transaction?.TxId;

        /// <summary>Where the payment stands, for filtering: <c>Where-Object State -eq ReadyToComplete</c>.</summary>
        public PaymentState State
        {
            get
            {
                if (Status.UserCancelled) return PaymentState.UserCancelled;
                if (Status.Cancelled) return PaymentState.Cancelled;
                if (Status.DeveloperCompleted) return PaymentState.Completed;
                if (Transaction != null)
                {
                    return Transaction.Verified || Status.TransactionVerified
                        ? PaymentState.ReadyToComplete
                        : PaymentState.TransactionUnverified;
                }
                return Status.DeveloperApproved ? PaymentState.AwaitingTransaction : PaymentState.AwaitingApproval;
            }
        }

        /// <summary>True once the payment was cancelled by anyone.</summary>
        public bool IsCancelled => Status.Cancelled || Status.UserCancelled;

        /// <inheritdoc />
        public override string ToString() => Identifier;

        /// <summary>This payment as read, with <paramref name="transaction"/>: a payout's, before Pi has linked it.</summary>
        internal Payment WithTransaction(PaymentTransaction transaction) => new Payment
        {
            Identifier = Identifier, UserUid = UserUid, Amount = Amount, Memo = Memo, Metadata = Metadata,
            FromAddress = FromAddress, ToAddress = ToAddress, Direction = Direction, CreatedAt = CreatedAt,
            Network = Network, Status = Status, Transaction = transaction,
        };
    }

    /// <summary>A payment's status flags.</summary>
    public sealed class PaymentStatus
    {
        /// <summary>The server approved the payment.</summary>
        public bool DeveloperApproved { get; init; }

        /// <summary>Pi verified the blockchain transaction.</summary>
        public bool TransactionVerified { get; init; }

        /// <summary>The server completed the payment.</summary>
        public bool DeveloperCompleted { get; init; }

        /// <summary>Cancelled by the app or Pi Network (the seed spells it <c>canceled</c>).</summary>
        public bool Cancelled { get; init; }

        /// <summary>Cancelled by the user (the seed's <c>Pioneer_cancelled</c>).</summary>
        public bool UserCancelled { get; init; }

        /// <inheritdoc />
        public override string ToString() =>
            $"Approved={DeveloperApproved} Verified={TransactionVerified} Completed={DeveloperCompleted} Cancelled={Cancelled} UserCancelled={UserCancelled}";
    }

    /// <summary>A payment's blockchain transaction.</summary>
    public sealed class PaymentTransaction
    {
        /// <summary>The transaction id.</summary>
        public string TxId { get; init; } = "";

        /// <summary>True if the transaction matches the payment.</summary>
        public bool Verified { get; init; }

        /// <summary>A link to the operation on the blockchain API (the wire's <c>_link</c>).</summary>
        public string? Link { get; init; }

        /// <inheritdoc />
        public override string ToString() => TxId;
    }
}
