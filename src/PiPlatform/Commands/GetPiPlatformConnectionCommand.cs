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
            if (Default)
            {
                if (registry.Default != null) WriteObject(registry.Default);
                return;
            }
            WriteObject(registry.All.ToArray(), enumerateCollection: true);
        }
    }
}
