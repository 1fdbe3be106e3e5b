using System.Management.Automation;
using System.Security;
using PiPlatform.Batch;

namespace PiPlatform.Commands
{
    /// <summary>Gets the user an access token belongs to (GET /v2/me).</summary>
    [Cmdlet(VerbsCommon.Get, "PiMe")]
    [OutputType(typeof(User))]
    public sealed class GetPiMeCommand : PiApiCmdlet
    {
        // Numbers the tokens for errors and log lines: the token itself is a secret.
        private int _count;

        /// <summary>Users' access tokens: strings or SecureStrings, from the pipeline too.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Token", "access_token")]
        [SecureStringTransformation(nameof(AccessToken), "Token", "access_token")]
        [ValidateNotNullOrEmpty]
        public SecureString[] AccessToken { get; set; } = new SecureString[0];

        /// <inheritdoc />
        protected override int InputCount => AccessToken.Length;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (SecureString token in AccessToken)
            {
                string name = ErrorFactory.AccessTokenName(++_count);
                // An input the transformation could not use is this token's error, named like any other: left to
                // PowerShell's binder, its error's TargetObject would be the piped input, token and all.
                string? refused = SecureStringTransformationAttribute.RefusalOf(token);
                if (refused != null)
                {
                    Queue(ItemPlan.Refused(ErrorFactory.UnusableAccessToken(_count, refused)));
                    continue;
                }
                Queue(ItemPlan.Call(name, "Access token #" + _count, (client, cancel) => client.GetMeAsync(token, cancel)));
            }
        }
    }
}
