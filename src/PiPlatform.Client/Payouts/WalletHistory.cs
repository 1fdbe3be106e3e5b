using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Horizon;

namespace PiPlatform.Payouts
{
    /// <summary>
    /// What one wallet's transactions on one Horizon are known to be: a window of its history, newest to as far back
    /// as a question needed, indexed by memo (a payout's memo is its payment id) and by sequence number. It grows at
    /// both ends as asked (new records since the newest seen; older ones back to a payment's creation), so a batch of
    /// payouts reads each record once, not once per payment. This is how a payout made by an earlier run that Pi never
    /// heard of is found before anything is paid again.
    /// </summary>
    internal sealed class WalletHistory
    {
        private const int PageSize = 200;
        // 10,000 records: past that, a question about an old payment is answered "unknown" rather than after minutes.
        private const int MaxPagesPerQuestion = 50;

        private readonly HorizonClient _horizon;
        private readonly string _account;
        private readonly SemaphoreSlim _reading = new SemaphoreSlim(1, 1);
        private readonly Dictionary<string, HorizonTransaction> _byHash = new Dictionary<string, HorizonTransaction>(StringComparer.Ordinal);
        private readonly Dictionary<long, HorizonTransaction> _bySequence = new Dictionary<long, HorizonTransaction>();
        private string? _newestToken;
        private string? _oldestToken;
        private DateTimeOffset _oldestCreatedAt = DateTimeOffset.MaxValue;
        private long _oldestSequence = long.MaxValue;
        private bool _reachedStart;

        public WalletHistory(HorizonClient horizon, string account)
        {
            _horizon = horizon;
            _account = account;
        }

        /// <summary>The wallet's transactions whose text memo is <paramref name="memo"/>, searched back to <paramref name="since"/>.</summary>
        public Task<IReadOnlyList<HorizonTransaction>> WithMemoAsync(string memo, DateTimeOffset since, IPiLog log, RetryPolicy retry, CancellationToken cancel) =>
            AskAsync(() => _oldestCreatedAt >= since, () => (IReadOnlyList<HorizonTransaction>)_byHash.Values
                .Where(t => t.MemoType == "text" && t.Memo == memo).OrderBy(t => t.SourceAccountSequence).ToList(), log, retry, cancel);

        /// <summary>The wallet's transaction that used sequence number <paramref name="sequence"/>, or null if none did (yet).</summary>
        public Task<HorizonTransaction?> WithSequenceAsync(long sequence, IPiLog log, RetryPolicy retry, CancellationToken cancel) =>
            AskAsync(() => _oldestSequence > sequence, () => _bySequence.TryGetValue(sequence, out HorizonTransaction? tx) ? tx : null, log, retry, cancel);

        /// <summary>A transaction this process has just seen applied: known at once, before any page shows it.</summary>
        public void Record(HorizonTransaction transaction)
        {
            _reading.Wait();
            try { Add(transaction); }
            finally { _reading.Release(); }
        }

        private async Task<T> AskAsync<T>(Func<bool> needOlder, Func<T> answer, IPiLog log, RetryPolicy retry, CancellationToken cancel)
        {
            await _reading.WaitAsync(cancel).ConfigureAwait(false);
            try
            {
                int pages = 0;
                await CatchUpAsync(() => ++pages, log, retry, cancel).ConfigureAwait(false);
                while (!_reachedStart && (_oldestToken == null || needOlder()))
                {
                    if (++pages > MaxPagesPerQuestion) throw TooLong();
                    HorizonPage page = await _horizon.GetTransactionsAsync(_account, _oldestToken, true, PageSize, log, retry, cancel).ConfigureAwait(false);
                    if (_oldestToken == null && page.Records.Count > 0) _newestToken = page.Records[0].PagingToken;
                    foreach (HorizonTransaction tx in page.Records) Add(tx);
                    if (page.Records.Count > 0)
                    {
                        HorizonTransaction last = page.Records[page.Records.Count - 1];
                        _oldestToken = last.PagingToken;
                        _oldestCreatedAt = last.CreatedAt;
                        _oldestSequence = last.SourceAccountSequence;
                    }
                    if (page.Records.Count < PageSize) _reachedStart = true;
                }
                return answer();
            }
            finally
            {
                _reading.Release();
            }
        }

        // Records newer than the newest seen. With nothing seen yet (a wallet with no history when first asked), the
        // window starts again from the newest record.
        private async Task CatchUpAsync(Func<int> countPage, IPiLog log, RetryPolicy retry, CancellationToken cancel)
        {
            if (_newestToken == null)
            {
                _reachedStart = false;
                return;
            }
            while (true)
            {
                if (countPage() > MaxPagesPerQuestion) throw TooLong();
                HorizonPage page = await _horizon.GetTransactionsAsync(_account, _newestToken, false, PageSize, log, retry, cancel).ConfigureAwait(false);
                foreach (HorizonTransaction tx in page.Records) Add(tx);
                if (page.Records.Count > 0) _newestToken = page.Records[page.Records.Count - 1].PagingToken;
                if (page.Records.Count < PageSize) return;
            }
        }

        private void Add(HorizonTransaction tx)
        {
            _byHash[tx.Hash] = tx;
            if (tx.SourceAccount == _account) _bySequence[tx.SourceAccountSequence] = tx;
        }

        private PiException TooLong() => new PiException(PiErrorCatalog.PaymentStateUnknown, PiErrorKind.LimitExceeded,
            $"Wallet {_account} has more than {PageSize * MaxPagesPerQuestion} transactions since the payment was created, so whether one of them pays it could not be checked.",
            "Look the payment up on the chain yourself (its memo is the payment id) before paying it another way.");
    }
}
