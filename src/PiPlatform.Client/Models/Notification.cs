namespace PiPlatform
{
    /// <summary>An in-app notification to send to one user.</summary>
    public sealed class Notification
    {
        /// <summary>The recipient's app-specific uid.</summary>
        public string UserUid { get; init; } = "";

        /// <summary>The title.</summary>
        public string Title { get; init; } = "";

        /// <summary>The body text.</summary>
        public string Body { get; init; } = "";

        /// <summary>A route inside the app, starting with '/'.</summary>
        public string Subroute { get; init; } = "/";
    }

    /// <summary>What became of one notification.</summary>
    public sealed class NotificationResult
    {
        /// <summary>The recipient's uid.</summary>
        public string UserUid { get; init; } = "";

        /// <summary>The title sent.</summary>
        public string Title { get; init; } = "";

        /// <summary>The body sent.</summary>
        public string Body { get; init; } = "";

        /// <summary>The route sent.</summary>
        public string Subroute { get; init; } = "";

        /// <summary>
        /// True if Pi delivered it. Delivery is best-effort: a user who has not granted the
        /// <c>in_app_notifications</c> scope, or turned notifications off, is simply not delivered to.
        /// </summary>
        public bool Delivered { get; init; }

        /// <summary>Pi's id for the delivered notification, or null.</summary>
        public string? NotificationId { get; init; }

        /// <inheritdoc />
        public override string ToString() => $"{UserUid}: {(Delivered ? "delivered" : "not delivered")}";
    }

    /// <summary>One notification's outcome inside a batch: a result, or the error that stopped it.</summary>
    public sealed class NotificationOutcome
    {
        internal NotificationOutcome(Notification input, NotificationResult? result, PiException? error)
        {
            Input = input;
            Result = result;
            Error = error;
        }

        /// <summary>The notification as it was asked for.</summary>
        public Notification Input { get; }

        /// <summary>The result, when the request went through.</summary>
        public NotificationResult? Result { get; }

        /// <summary>Why this notification was not sent, when it was not.</summary>
        public PiException? Error { get; }
    }
}
