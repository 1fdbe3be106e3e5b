namespace PiPlatform
{
    /// <summary>
    /// Where the client says what it is doing. The cmdlet layer queues these lines and writes them on the
    /// pipeline thread (Write-Verbose is not allowed from the thread pool). Never given secrets or bodies.
    /// </summary>
    public interface IPiLog
    {
        /// <summary>A line for -Verbose: what was asked and what came back.</summary>
        void Verbose(string message);

        /// <summary>A line for -Debug: timings, attempts, sizes.</summary>
        void Debug(string message);
    }

    /// <summary>Discards every line.</summary>
    public sealed class NullPiLog : IPiLog
    {
        /// <summary>The one instance.</summary>
        public static readonly NullPiLog Instance = new NullPiLog();

        private NullPiLog() { }

        /// <inheritdoc />
        public void Verbose(string message) { }

        /// <inheritdoc />
        public void Debug(string message) { }
    }
}
