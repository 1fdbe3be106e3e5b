using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace PiPlatform
{
    /// <summary>
    /// The connections of one runspace, and which is its default. Per runspace, never process-wide, so that
    /// ForEach-Object -Parallel and hosted runspaces never use each other's connection
    /// (msgraph-sdk-powershell issue 2543).
    /// </summary>
    internal sealed class ConnectionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, ConnectionRegistry> PerRunspace = new ConditionalWeakTable<Runspace, ConnectionRegistry>();
        private static readonly ConnectionRegistry NoRunspace = new ConnectionRegistry();

        /// <summary>The registry of the runspace running on this thread (cmdlets run on their runspace's pipeline thread).</summary>
        public static ConnectionRegistry Current
        {
            get
            {
                Runspace? runspace = Runspace.DefaultRunspace;
                return runspace == null ? NoRunspace : PerRunspace.GetValue(runspace, _ => new ConnectionRegistry());
            }
        }

        public Connection? Default { get; private set; }

        public List<Connection> All { get; } = new List<Connection>();

        public void Add(Connection connection)
        {
            // A default the user never held is closed when replaced, so repeated Connect calls do not leak clients.
            if (Default != null && !Default.HandedOut)
            {
                Remove(Default);
            }
            All.Add(connection);
            Default = connection;
        }

        public void Remove(Connection connection)
        {
            All.Remove(connection);
            if (ReferenceEquals(Default, connection)) Default = null;
            connection.Dispose();
        }
    }
}
