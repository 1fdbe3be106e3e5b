using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace PiPlatform.Batch
{
    /// <summary>
    /// Write-Progress for long batches: silent for a handful of items or a batch that ends quickly, then at most
    /// a few updates a second with done (of total, where known), errors so far and the rate; always a final
    /// Completed record once anything was shown. $ProgressPreference is honoured by the engine itself.
    /// </summary>
    internal sealed class BatchProgress
    {
        /// <summary>A batch shows progress only past this many items...</summary>
        public const int MinItems = 10;

        /// <summary>...and only once it has run this long.</summary>
        public static readonly TimeSpan MinElapsed = TimeSpan.FromMilliseconds(500);

        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        private readonly Cmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly int? _total;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _lastShown;
        private ProgressRecord? _shown;
        private int _done;
        private int _failed;

        /// <param name="cmdlet">Where progress is written.</param>
        /// <param name="activityId">Distinct per cmdlet of one pipeline, so `Get-PiPayment | Approve-PiPayment` shows two bars.</param>
        /// <param name="activity">The cmdlet's name.</param>
        /// <param name="total">The number of inputs when known up front (an array argument), else null (piped input).</param>
        public BatchProgress(Cmdlet cmdlet, int activityId, string activity, int? total)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
            _total = total;
        }

        /// <summary>One more item's output was an error.</summary>
        public void Failed() => _failed++;

        /// <summary>An item standing for <paramref name="weight"/> inputs was written.</summary>
        public void Done(int weight, string label)
        {
            _done += weight;
            TimeSpan now = _clock.Elapsed;
            if (_done <= MinItems || now < MinElapsed || (_shown != null && now - _lastShown < Interval)) return;
            double rate = _done / now.TotalSeconds;
            string of = _total is int total ? $" of {total}" : "";
            // A new record each time: an in-process host (PowerShell.Streams.Progress, a thread job) keeps the
            // objects it was given, and one record changed in place would make every update it kept read as the last.
            var record = new ProgressRecord(_activityId, _activity,
                string.Format(CultureInfo.InvariantCulture, "{0}{1} done, {2} failed, {3:0}/s", _done, of, _failed, rate))
            {
                CurrentOperation = label,
                PercentComplete = _total is int all && all > 0 ? Math.Min(100, _done * 100 / all) : -1,
                SecondsRemaining = _total is int left && rate > 0 ? (int)Math.Ceiling(Math.Max(0, left - _done) / rate) : -1,
            };
            _cmdlet.WriteProgress(record);
            _shown = record;
            _lastShown = now;
        }

        /// <summary>The batch is over: clears the bar if one was shown.</summary>
        public void Complete()
        {
            if (_shown == null) return;
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, _shown.StatusDescription)
            {
                CurrentOperation = _shown.CurrentOperation,
                PercentComplete = _shown.PercentComplete,
                RecordType = ProgressRecordType.Completed,
            });
            _shown = null;
        }
    }
}
