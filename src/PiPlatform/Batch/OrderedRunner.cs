using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform.Batch
{
    /// <summary>
    /// Runs a cmdlet's items up to ThrottleLimit at a time and writes what they return in input order, as soon as an
    /// item and everything before it are done. Only the pipeline thread calls it: workers never touch the cmdlet, they
    /// post their log lines and completions to a queue that <see cref="Add"/> and <see cref="Finish"/> drain (the
    /// PSResourceGet / ProcessEx pattern). Memory stays flat: at most a window of items is held, however long the input.
    /// </summary>
    internal sealed class OrderedRunner : IDisposable
    {
        // Items started but not yet written may run ahead of a slow one by this many times the ThrottleLimit, so
        // one slow answer does not stall the others (head-of-line blocking) while memory stays bounded.
        private const int WindowPerWorker = 4;

        // After a stop or a failure, how long to let cancelled requests wind down, so none is still sending after.
        private static readonly TimeSpan WindDown = TimeSpan.FromSeconds(2);

        private readonly Cmdlet _cmdlet;
        private readonly PiClient _client;
        private readonly int _throttleLimit;
        private readonly int _window;
        private readonly bool _logging;
        private readonly BatchProgress _progress;
        private readonly CancellationToken _stopped;
        private readonly CancellationTokenSource _cancel;
        private readonly BlockingCollection<Signal> _signals = new BlockingCollection<Signal>();
        private readonly Queue<Slot> _unwritten = new Queue<Slot>();
        private readonly HashSet<string> _busyKeys = new HashSet<string>(StringComparer.Ordinal);
        private int _running;

        /// <param name="cmdlet">Where results, errors, log lines and progress are written.</param>
        /// <param name="client">The connection's client (its log discards: each item gets its own log view).</param>
        /// <param name="throttleLimit">How many items run at once; 1 is strictly one after another.</param>
        /// <param name="logging">Whether -Verbose or -Debug is on; if not, items log nowhere and cost nothing for it.</param>
        /// <param name="progress">Progress for long batches.</param>
        /// <param name="stopped">The cmdlet's Ctrl+C token.</param>
        public OrderedRunner(Cmdlet cmdlet, PiClient client, int throttleLimit, bool logging, BatchProgress progress, CancellationToken stopped)
        {
            _cmdlet = cmdlet;
            _client = client;
            _throttleLimit = throttleLimit;
            _window = throttleLimit * WindowPerWorker;
            _logging = logging;
            _progress = progress;
            _stopped = stopped;
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopped);
        }

        /// <summary>
        /// Queues one item: waits (writing what is ready meanwhile) until a worker is free and no item with its
        /// exclusive key is running, starts it, and writes whatever is ready. Call after ShouldProcess.
        /// </summary>
        public void Add(ItemPlan plan) => Guarded(() =>
        {
            while (_running >= _throttleLimit || _unwritten.Count >= _window ||
                   (plan.ExclusiveKey != null && _busyKeys.Contains(plan.ExclusiveKey)))
            {
                HandleNext(wait: true);
            }
            var slot = new Slot(plan);
            _unwritten.Enqueue(slot);
            if (plan.Work != null) Start(slot);
            while (HandleNext(wait: false)) { }
            WriteReady();
        });

        /// <summary>Waits for every queued item and writes the rest, in order; then closes the progress bar.</summary>
        public void Finish() => Guarded(() =>
        {
            while (_unwritten.Count > 0) HandleNext(wait: true);
            _progress.Complete();
        });

        /// <summary>Cancels what is still running (a stop, or a failure that ended the command) and lets it wind down.</summary>
        public void Dispose()
        {
            CancelAndWindDown();
            _signals.CompleteAdding();
            _cancel.Dispose();
        }

        private void Start(Slot slot)
        {
            ItemPlan plan = slot.Plan;
            _running++;
            if (plan.ExclusiveKey != null) _busyKeys.Add(plan.ExclusiveKey);
            PiClient client = _logging ? _client.WithLog(new SlotLog(this, slot)) : _client;
            CancellationToken cancel = _cancel.Token;
            slot.Task = Task.Run(() => plan.Work!(client, cancel), cancel);
            slot.Task.ContinueWith(_ => Post(new Signal(slot, false, null)),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        /// <summary>Takes one signal (a log line or a completion) and acts on it; false if none was waiting.</summary>
        private bool HandleNext(bool wait)
        {
            Signal signal;
            if (wait)
            {
                try
                {
                    signal = _signals.Take(_cancel.Token);
                }
                catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }
            }
            else if (!_signals.TryTake(out signal))
            {
                return false;
            }

            if (signal.Text != null)
            {
                if (signal.Debug) _cmdlet.WriteDebug(signal.Text);
                else _cmdlet.WriteVerbose(signal.Text);
                return true;
            }
            Slot done = signal.Slot;
            done.Finished = true;
            _running--;
            if (done.Plan.ExclusiveKey != null) _busyKeys.Remove(done.Plan.ExclusiveKey);
            WriteReady();
            return true;
        }

        /// <summary>Writes every item at the head of the queue that is done: input order, whatever the answer order.</summary>
        private void WriteReady()
        {
            while (_unwritten.Count > 0 && (_unwritten.Peek().Finished || _unwritten.Peek().Plan.Work == null))
            {
                Slot slot = _unwritten.Dequeue();
                foreach (object output in Outputs(slot))
                {
                    if (output is ErrorRecord error)
                    {
                        _progress.Failed();
                        _cmdlet.WriteError(error);
                    }
                    else
                    {
                        _cmdlet.WriteObject(output, enumerateCollection: true);
                    }
                }
                _progress.Done(slot.Plan.Weight, slot.Plan.Label);
            }
        }

        private IReadOnlyList<object> Outputs(Slot slot)
        {
            if (slot.Task == null) return slot.Plan.Decided!;
            try
            {
                return slot.Task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopped.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        // Whatever ends the command early (Ctrl+C, -ErrorAction Stop, a downstream Select-Object -First, a bug) must
        // not leave requests running behind it.
        private void Guarded(Action action)
        {
            try
            {
                action();
            }
            catch
            {
                CancelAndWindDown();
                throw;
            }
        }

        private void CancelAndWindDown()
        {
            if (_running == 0) return;
            _cancel.Cancel();
            Stopwatch clock = Stopwatch.StartNew();
            while (_running > 0 && clock.Elapsed < WindDown)
            {
                if (!_signals.TryTake(out Signal signal, WindDown - clock.Elapsed)) break;
                if (signal.Text == null) _running--;
            }
        }

        private void Post(Signal signal)
        {
            try
            {
                _signals.TryAdd(signal);
            }
            catch (InvalidOperationException)
            {
                // A line or completion after the command ended has nowhere to go; dropping it is harmless.
            }
        }

        private sealed class Slot
        {
            public Slot(ItemPlan plan) => Plan = plan;

            public ItemPlan Plan { get; }

            public Task<IReadOnlyList<object>>? Task { get; set; }

            /// <summary>Set on the pipeline thread when the completion signal is handled (never by the worker).</summary>
            public bool Finished { get; set; }
        }

        private readonly struct Signal
        {
            public Signal(Slot slot, bool debug, string? text)
            {
                Slot = slot;
                Debug = debug;
                Text = text;
            }

            public Slot Slot { get; }

            public bool Debug { get; }

            /// <summary>A log line; null for "the item is done".</summary>
            public string? Text { get; }
        }

        /// <summary>An item's log: each line names the item first, since lines of concurrent items interleave.</summary>
        private sealed class SlotLog : IPiLog
        {
            private readonly OrderedRunner _runner;
            private readonly Slot _slot;

            public SlotLog(OrderedRunner runner, Slot slot)
            {
                _runner = runner;
                _slot = slot;
            }

            public void Verbose(string message) => _runner.Post(new Signal(_slot, false, Named(message)));

            public void Debug(string message) => _runner.Post(new Signal(_slot, true, Named(message)));

            private string Named(string message)
            {
                string label = _slot.Plan.Label;
                return message.StartsWith(label + " ", StringComparison.Ordinal) ? message : label + ": " + message;
            }
        }
    }
}
