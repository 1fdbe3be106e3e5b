using System;
using System.Management.Automation;
using System.Threading;
using PiPlatform.Batch;

namespace PiPlatform
{
    /// <summary>The base of every cmdlet: Ctrl+C (StopProcessing) cancels the work in flight.</summary>
    public abstract class PiCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken CancelToken => _stopping.Token;

        /// <inheritdoc />
        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>Releases what the cmdlet holds; PowerShell calls it once the pipeline is done, however it ended.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases the cancellation source; subclasses release theirs first.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing) _stopping.Dispose();
        }
    }

    /// <summary>
    /// The base of every cmdlet that calls the API: resolves -Connection or the session's default once, in
    /// BeginProcessing, and runs each input's <see cref="ItemPlan"/> through one <see cref="OrderedRunner"/>: up to
    /// -ThrottleLimit at a time, results and errors written in input order, progress on long batches.
    /// </summary>
    public abstract class PiApiCmdlet : PiCmdlet
    {
        /// <summary>
        /// The default -ThrottleLimit. Measured (README, "Performance"): with 20 ms of added latency the module at 16 is
        /// within 1.1x of a raw HttpClient at 16; wider still scales, but asks more of an API that documents no limit.
        /// </summary>
        public const int DefaultThrottleLimit = 16;

        /// <summary>The largest -ThrottleLimit: the connection's keep-alive pool holds as many connections.</summary>
        public const int MaxThrottleLimit = PiClientOptions.DefaultMaxConnections;

        // Progress ids: one per pipeline position, so two PiPlatform cmdlets in one pipeline show two bars.
        private const int ProgressActivityBase = 314_150;

        private OrderedRunner? _runner;

        /// <summary>
        /// The connection to use (from Connect-PiPlatform -PassThru); without it, the session's default. Lets
        /// one script talk to two apps, e.g. a Testnet and a Mainnet app.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public Connection? Connection { get; set; }

        /// <summary>
        /// How many requests to have in flight at once; 1 sends them strictly one after another. Output keeps input
        /// order whatever the value.
        /// </summary>
        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>
        /// How many times a request that got no clear answer is tried again, instead of the connection's -MaximumRetryCount.
        /// Reads are sent again; a change is read back first and sent again only if it certainly did not happen.
        /// </summary>
        [Parameter]
        [ValidateRange(0, RetryLimits.MaxRetryCount)]
        public int MaximumRetryCount { get; set; }

        /// <summary>The base of the backoff between retries, in seconds, instead of the connection's -RetryIntervalSec.</summary>
        [Parameter]
        [ValidateRange(0, RetryLimits.MaxIntervalSec)]
        public int RetryIntervalSec { get; set; }

        /// <summary>How many inputs the command line gave (for progress when nothing is piped): one, unless an array parameter says more.</summary>
        protected virtual int InputCount => 1;

        /// <summary>The connection this invocation uses, once BeginProcessing has resolved it.</summary>
        private protected Connection? ActiveConnection { get; private set; }

        private OrderedRunner Runner => _runner ?? throw new InvalidOperationException("BeginProcessing has not run.");

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            Connection? connection = Connection ?? ConnectionRegistry.Current.Default;
            if (connection == null) ThrowTerminatingError(ErrorFactory.NotConnected());
            if (!connection!.IsOpen) ThrowTerminatingError(ErrorFactory.ConnectionClosed(connection));
            ActiveConnection = connection;
            int? total = MyInvocation.ExpectingInput ? (int?)null : InputCount;
            var progress = new BatchProgress(this, ProgressActivityBase + MyInvocation.PipelinePosition, MyInvocation.MyCommand.Name, total);
            bool logging = IsOn("Verbose", "VerbosePreference") || IsOn("Debug", "DebugPreference");
            _runner = new OrderedRunner(this, WithRetryGiven(connection.Client), ThrottleLimit, logging, progress, CancelToken);
        }

        /// <summary>Queues one input's plan: call it after ShouldProcess; what it returns is written in its turn.</summary>
        private protected void Queue(ItemPlan plan) => Runner.Add(plan);

        /// <summary>Waits for what is still running and writes the rest; subclasses queue their last items first.</summary>
        protected override void EndProcessing() => Runner.Finish();

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) _runner?.Dispose();
            base.Dispose(disposing);
        }

        // The connection's client, or a view of it with this command's -MaximumRetryCount / -RetryIntervalSec.
        private PiClient WithRetryGiven(PiClient client)
        {
            bool count = MyInvocation.BoundParameters.ContainsKey(nameof(MaximumRetryCount));
            bool interval = MyInvocation.BoundParameters.ContainsKey(nameof(RetryIntervalSec));
            if (!count && !interval) return client;
            return client.WithRetry(new RetryPolicy(
                count ? MaximumRetryCount : client.Retry.MaximumRetryCount,
                interval ? TimeSpan.FromSeconds(RetryIntervalSec) : client.Retry.RetryInterval));
        }

        // Whether a stream is on for this command: its switch if given, else the caller's preference variable.
        private bool IsOn(string parameter, string preference)
        {
            if (MyInvocation.BoundParameters.TryGetValue(parameter, out object? given) && given is SwitchParameter on)
            {
                return on.IsPresent;
            }
            return GetVariableValue(preference) is ActionPreference value &&
                   value != ActionPreference.SilentlyContinue && value != ActionPreference.Ignore;
        }
    }
}
