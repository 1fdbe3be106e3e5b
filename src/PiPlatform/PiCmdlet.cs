using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace PiPlatform
{
    /// <summary>
    /// The base of every cmdlet: Ctrl+C (StopProcessing) cancels the work in flight, and failures become
    /// ErrorRecords through the one factory.
    /// </summary>
    public abstract class PiCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken CancelToken => _stopping.Token;

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Reports one failed item and goes on with the next (non-terminating).</summary>
        protected void WriteItemError(Exception error, object? target) => WriteError(ErrorFactory.FromException(error, target));

        /// <summary>
        /// Runs async work to the end while writing its log lines on this, the pipeline thread. A stop
        /// becomes PipelineStoppedException; the work's own exceptions are rethrown as they are.
        /// </summary>
        protected T RunAsync<T>(Func<IPiLog, CancellationToken, Task<T>> work)
        {
            using var log = new PipelineLog();
            Task<T> task;
            try
            {
                task = work(log, CancelToken);
            }
            catch
            {
                log.Complete();
                throw;
            }
            task.ContinueWith(_ => log.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            foreach (var line in log.Drain())
            {
                if (line.Debug) WriteDebug(line.Text);
                else WriteVerbose(line.Text);
            }
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancelToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>
    /// The base of every cmdlet that calls the API: resolves -Connection or the session's default once, in
    /// BeginProcessing, and runs client calls with cancellation and log lines wired up.
    /// </summary>
    public abstract class PiApiCmdlet : PiCmdlet
    {
        private PiClient? _client;

        /// <summary>
        /// The connection to use (from Connect-PiPlatform -PassThru); without it, the session's default. Lets
        /// one script talk to two apps, e.g. a Testnet and a Mainnet app.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Connection? Connection { get; set; }

        /// <summary>The client of the resolved connection.</summary>
        protected PiClient Client => _client ?? throw new InvalidOperationException("BeginProcessing has not run.");

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            Connection? connection = Connection ?? ConnectionRegistry.Current.Default;
            if (connection == null) ThrowTerminatingError(ErrorFactory.NotConnected());
            if (!connection!.IsOpen) ThrowTerminatingError(ErrorFactory.ConnectionClosed(connection));
            _client = connection.Client;
        }

        /// <summary>Calls the client on this connection; log lines go to -Verbose and -Debug.</summary>
        protected T Call<T>(Func<PiClient, CancellationToken, Task<T>> call) =>
            RunAsync((log, cancel) => call(Client.WithLog(log), cancel));

        /// <summary>Calls the client for one input item: the result is written, a failure is that item's error.</summary>
        protected void CallAndWrite<T>(object target, Func<PiClient, CancellationToken, Task<T>> call)
        {
            T result;
            try
            {
                result = Call(call);
            }
            catch (PiException error)
            {
                WriteItemError(error, target);
                return;
            }
            WriteObject(result, enumerateCollection: true);
        }
    }
}
