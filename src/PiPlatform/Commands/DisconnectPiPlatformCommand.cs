using System.Management.Automation;

namespace PiPlatform.Commands
{
    /// <summary>Closes a connection: the session's default, or the one given.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "PiPlatform")]
    [OutputType(typeof(void))]
    public sealed class DisconnectPiPlatformCommand : PiCmdlet
    {
        /// <summary>The connection to close; default: the session's default connection.</summary>
        // Not-null so that an unset variable is an error rather than closing the default connection.
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
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
