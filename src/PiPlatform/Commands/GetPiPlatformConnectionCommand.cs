using System.Management.Automation;

namespace PiPlatform.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists this session's connections, the key masked.</para>
    /// <para type="description">Every open connection made in this runspace; IsDefault marks the one cmdlets use without -Connection.</para>
    /// </summary>
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
