using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Http
{
    /// <summary>
    /// The turnstile every request of one connection passes before it is sent: it spaces requests to the
    /// connection's rate cap, and holds all of them while a 429's Retry-After runs, so that when Pi says "slow
    /// down" every concurrent worker waits, not only the one that was told.
    /// </summary>
    internal sealed class RequestGate
    {
        private readonly object _gate = new object();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TimeSpan _spacing;
        private TimeSpan _pausedUntil;
        private TimeSpan _nextSlot;

        /// <param name="maxRequestsPerSecond">The cap; null or 0 for none (Pi documents no limit of its own).</param>
        public RequestGate(int? maxRequestsPerSecond)
        {
            _spacing = maxRequestsPerSecond > 0 ? TimeSpan.FromTicks(TimeSpan.TicksPerSecond / maxRequestsPerSecond.Value) : TimeSpan.Zero;
        }

        /// <summary>Waits until this request may go: past any pause, and in its turn under the rate cap.</summary>
        public async Task WaitTurnAsync(CancellationToken cancel)
        {
            bool haveSlot = _spacing == TimeSpan.Zero;
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    TimeSpan now = _clock.Elapsed;
                    if (now < _pausedUntil)
                    {
                        wait = _pausedUntil - now;
                    }
                    else if (!haveSlot)
                    {
                        // Reserve the next free slot now, so concurrent callers queue up behind each other in order.
                        TimeSpan slot = now > _nextSlot ? now : _nextSlot;
                        _nextSlot = slot + _spacing;
                        haveSlot = true;
                        wait = slot - now;
                    }
                    else
                    {
                        return;
                    }
                }
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancel).ConfigureAwait(false);
            }
        }

        /// <summary>Holds every request of the connection for <paramref name="wait"/> from now (a longer pause already set wins).</summary>
        public void PauseFor(TimeSpan wait)
        {
            lock (_gate)
            {
                TimeSpan until = _clock.Elapsed + wait;
                if (until > _pausedUntil) _pausedUntil = until;
            }
        }
    }
}
