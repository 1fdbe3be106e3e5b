using System.Management.Automation;

namespace PiPlatform.Commands
{
    /// <summary>
    /// <para type="synopsis">Closes a connection: the session's default, or the one given.</para>
    /// <para type="description">Closes the connection's HTTP client and forgets it. Without a default connection it does nothing.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PiPlatform")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPiPlatformCommand : PiCmdlet
    {
        /// <summary>The connection to close; default: the session's default connection.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        public Connection? Connection { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            Connection? connection = Connection ?? ConnectionRegistry.Current.Default;
            if (connection == null)
            {
                WriteVerbose("Not connected: nothing to disconnect.");
                return;
            }
            ConnectionRegistry.Current.Remove(connection);
            WriteVerbose($"Disconnected from {connection.BaseUri}.");
        }
    }
}
