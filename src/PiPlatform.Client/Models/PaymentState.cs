namespace PiPlatform
{
    /// <summary>Where a payment stands in its lifecycle, derived from its status flags and transaction.</summary>
    public enum PaymentState
    {
        /// <summary>Created by the user's app; the server has not approved it yet.</summary>
        AwaitingApproval,

        /// <summary>Approved (or an app-to-user payment); no blockchain transaction yet.</summary>
        AwaitingTransaction,

        /// <summary>A transaction exists but Pi has not verified that it matches the payment.</summary>
        TransactionUnverified,

        /// <summary>A verified transaction exists; the server has not completed the payment yet.</summary>
        ReadyToComplete,

        /// <summary>The server completed the payment.</summary>
        Completed,

        /// <summary>Cancelled by the app or by Pi Network.</summary>
        Cancelled,

        /// <summary>Cancelled by the user.</summary>
        UserCancelled,
    }

    /// <summary>Who pays whom.</summary>
    public enum PaymentDirection
    {
        /// <summary>A direction this module does not know yet.</summary>
        Unknown,

        /// <summary>The user pays the app (created by the client SDK).</summary>
        UserToApp,

        /// <summary>The app pays the user (created with New-PiPayment).</summary>
        AppToUser,
    }
}
