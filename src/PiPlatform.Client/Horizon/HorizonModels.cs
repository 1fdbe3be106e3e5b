using System;
using System.Collections.Generic;

namespace PiPlatform.Horizon
{
    /// <summary>What Horizon's root says of itself: the network it serves.</summary>
    internal sealed class HorizonRoot
    {
        public string NetworkPassphrase { get; init; } = "";
    }

    /// <summary>A ledger account as Horizon shows it: what a payout needs of the app wallet.</summary>
    internal sealed class HorizonAccount
    {
        public string AccountId { get; init; } = "";

        /// <summary>The sequence number of the account's last transaction; the next must carry this plus one.</summary>
        public long Sequence { get; init; }

        /// <summary>The native balance in stroops (10^-7 Pi).</summary>
        public long NativeStroops { get; init; }
    }

    /// <summary>A transaction on the ledger, as Horizon shows it.</summary>
    internal sealed class HorizonTransaction
    {
        /// <summary>The hash, lowercase hex: Horizon's id and Pi's txid.</summary>
        public string Hash { get; init; } = "";

        public bool Successful { get; init; }

        public long Ledger { get; init; }

        public string SourceAccount { get; init; } = "";

        /// <summary>The sequence number the transaction used.</summary>
        public long SourceAccountSequence { get; init; }

        public string? MemoType { get; init; }

        public string? Memo { get; init; }

        /// <summary>The signed envelope, base64 XDR: what the transaction really says (amount, destination).</summary>
        public string EnvelopeXdr { get; init; } = "";

        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>Where this record sits in a list, for the next page's cursor.</summary>
        public string PagingToken { get; init; } = "";
    }

    /// <summary>One page of an account's transactions.</summary>
    internal sealed class HorizonPage
    {
        public IReadOnlyList<HorizonTransaction> Records { get; init; } = Array.Empty<HorizonTransaction>();
    }
}
