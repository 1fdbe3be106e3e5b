using System;
using System.Collections.Generic;
using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

/// <summary>The outcome of a store operation: the payment, or the error to answer.</summary>
internal readonly record struct StoreResult(PaymentDto? Payment, ApiError? Error)
{
    public static implicit operator StoreResult(PaymentDto payment) => new(payment, null);

    public static implicit operator StoreResult(ApiError error) => new(null, error);
}

/// <summary>
/// Every payment and the lifecycle rules of pi-platform-api.md. One lock guards it all; each operation is a
/// dictionary lookup plus a record swap, so only listing is O(n). Change counters sit beside each payment and
/// count only real state changes, which is how tests prove a retry never double-processed a payment.
/// </summary>
internal sealed partial class PaymentStore
{
    private readonly object _gate = new();
    private readonly string _network;
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly List<Entry> _inOrder = new();

    // The one open A2U payment per user, so creation checks "ongoing_payment_found" without a scan.
    private readonly Dictionary<string, Entry> _openAppToUser = new(StringComparer.Ordinal);
    private long _changesTotal;

    public PaymentStore(int seed, string network)
    {
        _network = network;
        Reset(seed);
    }

    private sealed class Entry
    {
        public Entry(PaymentDto payment) => Payment = payment;

        public PaymentDto Payment;
        public int Approve, Complete, Cancel, UserCancel, Transaction, Verify, Create;

        public ChangeCountsDto Counts() => new(Approve, Complete, Cancel, UserCancel, Transaction, Verify, Create);
    }

    /// <summary>Back to the seeded state; returns how many payments there are.</summary>
    public int Reset(int seed)
    {
        var seeded = DemoData.SeedPayments(seed, _network);
        lock (_gate)
        {
            _byId.Clear();
            _inOrder.Clear();
            _openAppToUser.Clear();
            _changesTotal = 0;
            foreach (var payment in seeded)
            {
                Add(new Entry(payment));
            }

            return _inOrder.Count;
        }
    }

    public StoreResult Get(string id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var entry) ? entry.Payment : ApiErrors.PaymentNotFound(id);
        }
    }

    public List<PaymentDto> All()
    {
        lock (_gate)
        {
            return _inOrder.ConvertAll(e => e.Payment);
        }
    }

    /// <summary>A2U payments neither completed nor cancelled, in creation order.</summary>
    public List<PaymentDto> IncompleteServerPayments()
    {
        lock (_gate)
        {
            return _inOrder.FindAll(e => e.Payment.IsAppToUser && e.Payment.IsOpen).ConvertAll(e => e.Payment);
        }
    }

    public StatsSnapshot Changes()
    {
        lock (_gate)
        {
            var byPayment = new Dictionary<string, ChangeCountsDto>(_inOrder.Count, StringComparer.Ordinal);
            foreach (var entry in _inOrder)
            {
                byPayment.Add(entry.Payment.Identifier, entry.Counts());
            }

            return new StatsSnapshot(_changesTotal, byPayment);
        }
    }

    internal readonly record struct StatsSnapshot(long Total, Dictionary<string, ChangeCountsDto> ByPayment);

    /// <summary>Creates a payment (A2U from the API, U2A from the sandbox's user side).</summary>
    public StoreResult Create(DemoUser user, PaymentInput input, string direction)
    {
        bool appToUser = direction == Directions.AppToUser;
        var status = new PaymentStatusDto(appToUser, false, false, false, false);
        lock (_gate)
        {
            if (appToUser && _openAppToUser.TryGetValue(user.Uid, out var ongoing))
            {
                return ApiErrors.OngoingPaymentFound(ongoing.Payment);
            }

            string id;
            do
            {
                id = DemoData.NewIdentifier();
            }
            while (_byId.ContainsKey(id));

            var payment = DemoData.NewPayment(id, user, direction, input.Amount, input.Memo, input.Metadata,
                DemoData.FormatTimestamp(DateTimeOffset.UtcNow), _network, status, null);
            var entry = new Entry(payment);
            Add(entry);
            entry.Create++;
            _changesTotal++;
            return payment;
        }
    }

    private void Add(Entry entry)
    {
        _byId.Add(entry.Payment.Identifier, entry);
        _inOrder.Add(entry);
        if (entry.Payment.IsAppToUser && entry.Payment.IsOpen)
        {
            _openAppToUser[entry.Payment.UserUid] = entry;
        }
    }

    /// <summary>
    /// Runs <paramref name="rule"/> on a payment under the lock. The rule returns an error, the unchanged
    /// payment (nothing to do: no change counted) or a new payment record, which is stored and counted.
    /// </summary>
    private StoreResult Mutate(string id, Func<PaymentDto, StoreResult> rule, Action<Entry> count)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(id, out var entry))
            {
                return ApiErrors.PaymentNotFound(id);
            }

            var result = rule(entry.Payment);
            if (result.Payment is { } updated && !ReferenceEquals(updated, entry.Payment))
            {
                entry.Payment = updated;
                count(entry);
                _changesTotal++;
                if (!updated.IsOpen && _openAppToUser.TryGetValue(updated.UserUid, out var open) && open == entry)
                {
                    _openAppToUser.Remove(updated.UserUid);
                }
            }

            return result;
        }
    }
}
