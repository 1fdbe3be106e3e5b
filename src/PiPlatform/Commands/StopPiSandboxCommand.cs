using System;
using System.Management.Automation;

namespace PiPlatform.Commands
{
    /// <summary>Stops a sandbox started with Start-PiSandbox.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "PiSandbox", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(void))]
    public sealed class StopPiSandboxCommand : PiCmdlet
    {
        /// <summary>The sandbox, from Start-PiSandbox.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public SandboxServer[] InputObject { get; set; } = new SandboxServer[0];

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (SandboxServer server in InputObject)
            {
                if (!server.IsRunning || !ShouldProcess(server.BaseUri.ToString(), "Stop sandbox")) continue;
                try
                {
                    server.Process.Kill();
                    server.Process.WaitForExit(10000);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the check and the kill: stopped all the same.
                }
                WriteVerbose($"Sandbox {server.ProcessId} stopped.");
            }
        }
    }
}
