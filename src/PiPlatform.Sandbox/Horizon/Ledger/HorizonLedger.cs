using System;
using System.Collections.Generic;
using System.Linq;

namespace PiPlatform.Sandbox.Horizon.Ledger;

/// <summary>
/// The sandbox's blockchain: accounts, and every transaction included so far, one ledger per transaction. One lock
/// guards it all, so concurrent submissions from one account are serialised exactly as a validator would order them:
/// one wins each sequence number, the others get tx_bad_seq. Transaction checks and application live in
/// <c>TransactionSubmission.cs</c>.
/// </summary>
internal sealed partial class HorizonLedger
{
    /// <summary>Pi's base fee per operation: 0.01 Pi (100,000 stroops), what /fee_stats reports and the least a transaction may offer.</summary>
    public const long BaseFee = 100_000;

    /// <summary>The base reserve, 0.5 Pi: an account must keep 2 × this (1 Pi) after fees and payments.</summary>
    public const long BaseReserve = 5_000_000;

    /// <summary>The minimum balance of an account with no subentries (the sandbox's accounts have none).</summary>
    public const long MinimumBalance = 2 * BaseReserve;

    /// <summary>The ledger the sandbox starts at; accounts created in it start at sequence number GenesisLedger &lt;&lt; 32, as on Stellar.</summary>
    public const uint GenesisLedger = 20_000_000;

    /// <summary>The protocol version reported on the root; PRECOND_TIME and muxed accounts both exist in it.</summary>
    public const int ProtocolVersion = 19;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Func<IReadOnlyList<GenesisAccount>> _genesis;
    private readonly Func<AppliedPayment, string?> _link;
    private readonly Dictionary<string, LedgerAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerTransaction> _byHash = new(StringComparer.Ordinal);
    private readonly List<LedgerTransaction> _inOrder = new();
    private uint _latestLedger;
    private DateTimeOffset _latestClosedAt;

    /// <param name="passphrase">The network passphrase ("Pi Testnet" or "Pi Network"): its hash is the network id signatures cover.</param>
    /// <param name="time">The sandbox clock: time bounds are checked against it, and ledgers close at its time.</param>
    /// <param name="genesis">The accounts to start with, on creation and after every reset.</param>
    /// <param name="link">
    /// Called, under the ledger's lock, for each successful single-payment transaction with a text memo; returns the
    /// id of the Pi payment it linked, or null. Under the lock so the ledger's record and the link never disagree.
    /// </param>
    public HorizonLedger(string passphrase, TimeProvider time, Func<IReadOnlyList<GenesisAccount>> genesis, Func<AppliedPayment, string?> link)
    {
        Passphrase = passphrase;
        NetworkId = Signatures.NetworkId(passphrase);
        _time = time;
        _genesis = genesis;
        _link = link;
        Reset();
    }

    public string Passphrase { get; }

    public byte[] NetworkId { get; }

    /// <summary>Back to the genesis ledger: the starting accounts, no transactions.</summary>
    public void Reset()
    {
        var accounts = _genesis();
        lock (_gate)
        {
            _accounts.Clear();
            _byHash.Clear();
            _inOrder.Clear();
            _latestLedger = GenesisLedger;
            _latestClosedAt = Now();
            foreach (var account in accounts)
            {
                _accounts[account.Id] = NewAccount(account.Id, account.Balance);
            }
        }
    }

    /// <summary>
    /// Creates the account, funded, if it does not exist yet. For wallets the Pi side makes up on demand (payees): they
    /// stand for accounts that existed all along, so they are created as in the genesis ledger.
    /// </summary>
    public void EnsureAccount(string id, long balance)
    {
        lock (_gate)
        {
            _accounts.TryAdd(id, NewAccount(id, balance));
        }
    }

    public (uint Ledger, DateTimeOffset ClosedAt) Latest()
    {
        lock (_gate)
        {
            return (_latestLedger, _latestClosedAt);
        }
    }

    public LedgerAccount? Account(string id)
    {
        lock (_gate)
        {
            return _accounts.GetValueOrDefault(id);
        }
    }

    public LedgerTransaction? Transaction(string hash)
    {
        lock (_gate)
        {
            return _byHash.GetValueOrDefault(hash);
        }
    }

    /// <summary>
    /// A page of transactions (all of them, or those an account sent or received), strictly after <paramref name="cursor"/>
    /// (a paging token) in the given order.
    /// </summary>
    public List<LedgerTransaction> Transactions(string? account, bool ascending, long? cursor, int limit)
    {
        lock (_gate)
        {
            IEnumerable<LedgerTransaction> ordered = ascending ? _inOrder : Enumerable.Reverse(_inOrder);
            return ordered
                .Where(t => cursor is not long c || (ascending ? t.PagingToken > c : t.PagingToken < c))
                .Where(t => account is null || Involves(t, account))
                .Take(limit)
                .ToList();
        }
    }

    /// <summary>Every account and transaction, for /sandbox/ledger.</summary>
    public (List<LedgerAccount> Accounts, List<LedgerTransaction> Transactions, uint Ledger) Snapshot()
    {
        lock (_gate)
        {
            return (_accounts.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList(), new List<LedgerTransaction>(_inOrder), _latestLedger);
        }
    }

    private static bool Involves(LedgerTransaction t, string account) =>
        t.SourceAccount == account || t.Payments.Any(p => p.Destination == account);

    private LedgerAccount NewAccount(string id, long balance) =>
        new(id, balance, (long)GenesisLedger << 32, GenesisLedger, _latestClosedAt, null, null);

    private DateTimeOffset Now()
    {
        // Ledger close times are whole seconds.
        long seconds = _time.GetUtcNow().ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
