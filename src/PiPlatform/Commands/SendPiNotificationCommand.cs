using System.Collections.Generic;
using System.Management.Automation;

namespace PiPlatform.Commands
{
    /// <summary>Sends in-app notifications (POST /v2/in_app_notifications/notify).</summary>
    [Cmdlet(VerbsCommunications.Send, "PiNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(NotificationResult))]
    public sealed class SendPiNotificationCommand : PiApiCmdlet
    {
        private readonly List<Notification> _pending = new List<Notification>();

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
            if (_pending.Count >= 256) Flush();
        }

        /// <inheritdoc />
        protected override void EndProcessing() => Flush();

        private void Flush()
        {
            if (_pending.Count == 0) return;
            var batch = _pending.ToArray();
            _pending.Clear();
            IReadOnlyList<NotificationOutcome> outcomes;
            try
            {
                outcomes = Call((client, cancel) => client.SendNotificationsAsync(batch, cancel));
            }
            catch (PiException error)
            {
                foreach (Notification n in batch) WriteItemError(error, n.UserUid);
                return;
            }
            foreach (NotificationOutcome outcome in outcomes)
            {
                if (outcome.Error != null) WriteItemError(outcome.Error, outcome.Input.UserUid);
                else WriteObject(outcome.Result);
            }
        }
    }
}
