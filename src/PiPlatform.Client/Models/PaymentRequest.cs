using System.Collections;

namespace PiPlatform
{
    /// <summary>What New-PiPayment asks Pi for: an app-to-user payment.</summary>
    public sealed class PaymentRequest
    {
        /// <summary>The recipient's app-specific uid.</summary>
        public string UserUid { get; init; } = "";

        /// <summary>The amount in Pi.</summary>
        public decimal Amount { get; init; }

        /// <summary>The text shown to the user.</summary>
        public string Memo { get; init; } = "";

        /// <summary>The app's own data: a dictionary of plain values, lists and dictionaries.</summary>
        public IDictionary? Metadata { get; init; }
    }
}
