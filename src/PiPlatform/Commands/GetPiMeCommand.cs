using System.Management.Automation;
using System.Security;

namespace PiPlatform.Commands
{
    /// <summary>Gets the user an access token belongs to (GET /v2/me).</summary>
    [Cmdlet(VerbsCommon.Get, "PiMe")]
    [OutputType(typeof(User))]
    public sealed class GetPiMeCommand : PiApiCmdlet
    {
        private int _count;

        /// <summary>Users' access tokens: strings or SecureStrings, from the pipeline too.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Token", "access_token")]
        [SecureStringTransformation]
        [ValidateNotNullOrEmpty]
        public SecureString[] AccessToken { get; set; } = new SecureString[0];

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (SecureString token in AccessToken)
            {
                // The target names the token by position: the token itself is a secret.
                CallAndWrite($"access token #{++_count}", (client, cancel) => client.GetMeAsync(token, cancel));
            }
        }
    }
}
