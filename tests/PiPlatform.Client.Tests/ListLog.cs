using System.Collections.Concurrent;

namespace PiPlatform.Client.Tests
{
    /// <summary>Keeps the client's log lines so tests can read what it said (and that it never said a secret).</summary>
    public sealed class ListLog : IPiLog
    {
        public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

        public void Verbose(string message) => Lines.Enqueue(message);

        public void Debug(string message) => Lines.Enqueue(message);
    }
}
