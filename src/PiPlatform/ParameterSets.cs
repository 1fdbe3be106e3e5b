namespace PiPlatform
{
    /// <summary>
    /// Every cmdlet's parameter-set names, in one place: the same name means the same kind of input on every cmdlet
    /// (Get-Help and Get-Command show them, and scripts may test $PSCmdlet.ParameterSetName against them).
    /// </summary>
    internal static class ParameterSets
    {
        /// <summary>Payment ids: strings, or objects with a PaymentId, Identifier or Id property (Import-Csv rows).</summary>
        public const string ById = "ById";

        /// <summary>Payments from Get-PiPayment (or another PiPlatform cmdlet), with the state they were read in.</summary>
        public const string ByPayment = "ByPayment";

        /// <summary>No input: the app's incomplete app-to-user payments, read from Pi.</summary>
        public const string Incomplete = "Incomplete";

        /// <summary>Connect-PiPlatform to an app with its API key.</summary>
        public const string ApiKey = "ApiKey";

        /// <summary>Connect-PiPlatform -Sandbox.</summary>
        public const string Sandbox = "Sandbox";
    }
}
