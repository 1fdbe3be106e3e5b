using System.Management.Automation;

namespace PiPlatform.Commands
{
    /// <summary>Lists this session's connections, the key masked.</summary>
    [Cmdlet(VerbsCommon.Get, "PiPlatformConnection")]
    [OutputType(typeof(Connection))]
    public sealed class GetPiPlatformConnectionCommand : PiCmdlet
    {
        /// <summary>Only the session's default connection.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            ConnectionRegistry registry = ConnectionRegistry.Current;
            Connection[] shown = Default
                ? (registry.Default == null ? new Connection[0] : new[] { registry.Default })
                : registry.All.ToArray();
            foreach (Connection connection in shown)
            {
                // The caller may keep it in a variable now: a later Connect must not close it under them.
                connection.HandedOut = true;
                WriteObject(connection);
            }
        }
    }
}
