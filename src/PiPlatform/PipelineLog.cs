using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace PiPlatform
{
    /// <summary>
    /// Collects the client's log lines from whatever thread its async code runs on, so that the cmdlet writes
    /// them on the pipeline thread, the only one allowed to (the ProcessEx / PSResourceGet pattern).
    /// </summary>
    internal sealed class PipelineLog : IPiLog, IDisposable
    {
        private readonly BlockingCollection<(bool Debug, string Text)> _lines = new BlockingCollection<(bool, string)>();

        public void Verbose(string message) => TryAdd(false, message);

        public void Debug(string message) => TryAdd(true, message);

        /// <summary>No more lines will come: ends <see cref="Drain"/>.</summary>
        public void Complete() => _lines.CompleteAdding();

        /// <summary>Yields lines as they arrive until <see cref="Complete"/>; call on the pipeline thread.</summary>
        public IEnumerable<(bool Debug, string Text)> Drain() => _lines.GetConsumingEnumerable();

        private void TryAdd(bool debug, string text)
        {
            try
            {
                _lines.TryAdd((debug, text));
            }
            catch (InvalidOperationException)
            {
                // A line after Complete (a late continuation) has nowhere to go; dropping it is harmless.
            }
        }

        public void Dispose() => _lines.Dispose();
    }
}
