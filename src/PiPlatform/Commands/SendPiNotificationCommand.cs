using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PiPlatform.Batch;

namespace PiPlatform.Commands
{
    /// <summary>
    /// Sends in-app notifications (POST /v2/in_app_notifications/notify): batches of 256, sent up to -ThrottleLimit at
    /// once, one result or error per input, in input order.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "PiNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NotificationResult))]
    public sealed class SendPiNotificationCommand : PiApiCmdlet
    {
        private const int BatchSize = PiApiLimits.MaxNotificationsPerRequest;

        // The batch being filled; once full it is handed to its plan and a new one begun.
        private List<Notification> _pending = new List<Notification>();
        private int _queued;

        /// <summary>The recipient's app-specific uid.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid", "user_uid")]
        [AllowEmptyString]
        public string UserUid { get; set; } = "";

        /// <summary>The title.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Title { get; set; } = "";

        /// <summary>The body text.</summary>
        [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Body { get; set; } = "";

        /// <summary>The route inside the app to open, starting with '/'; default '/'.</summary>
        [Parameter(Position = 3, ValueFromPipelineByPropertyName = true)]
        public string Subroute { get; set; } = "/";

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (!ShouldProcess(UserUid, $"Send notification '{Title}'")) return;
            _pending.Add(new Notification { UserUid = UserUid, Title = Title, Body = Body, Subroute = string.IsNullOrEmpty(Subroute) ? "/" : Subroute });
            // Send each full batch as soon as it is full, so results stream and memory stays flat.
            if (_pending.Count >= BatchSize) QueueBatch();
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            QueueBatch();
            base.EndProcessing();
        }

        private void QueueBatch()
        {
            if (_pending.Count == 0) return;
            List<Notification> batch = _pending;
            _pending = new List<Notification>();
            string label = $"Notifications {_queued + 1}-{_queued + batch.Count}";
            _queued += batch.Count;
            Queue(ItemPlan.Many(label, batch.Count, (client, cancel) => SendAsync(client, batch, cancel)));
        }

        private static async Task<IReadOnlyList<object>> SendAsync(PiClient client, List<Notification> batch, CancellationToken cancel)
        {
            var outputs = new List<object>(batch.Count);
            try
            {
                foreach (NotificationOutcome outcome in await client.SendNotificationsAsync(batch, cancel).ConfigureAwait(false))
                {
                    outputs.Add(outcome.Error != null ? ErrorFactory.FromException(outcome.Error, outcome.Input.UserUid) : (object)outcome.Result!);
                }
            }
            catch (PiException error)
            {
                foreach (Notification n in batch) outputs.Add(ErrorFactory.FromException(error, n.UserUid));
            }
            return outputs;
        }
    }
}
