using System;
using System.Diagnostics;

namespace PiPlatform
{
    /// <summary>A running local sandbox, as Start-PiSandbox returns it. Pipe it to Stop-PiSandbox when done.</summary>
    public sealed class SandboxServer
    {
        internal SandboxServer(Process process, Uri baseUri, int seed)
        {
            Process = process;
            BaseUri = baseUri;
            Seed = seed;
        }

        /// <summary>Where the sandbox listens: give it to Connect-PiPlatform -Sandbox.</summary>
        public Uri BaseUri { get; }

        /// <summary>The port it listens on.</summary>
        public int Port => BaseUri.Port;

        /// <summary>The sandbox process's id.</summary>
        public int ProcessId => Process.Id;

        /// <summary>How many payments it seeded.</summary>
        public int Seed { get; }

        /// <summary>False once the process has exited.</summary>
        public bool IsRunning
        {
            get
            {
                try { return !Process.HasExited; }
                catch (InvalidOperationException) { return false; }
            }
        }

        internal Process Process { get; }

        /// <inheritdoc />
        public override string ToString() => BaseUri.ToString();
    }
}
