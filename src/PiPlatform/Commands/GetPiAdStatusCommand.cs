using System.Management.Automation;

namespace PiPlatform.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the status of rewarded ads (GET /v2/ads_network/status/{adId}).</para>
    /// <para type="description">Tells whether the ad network granted, revoked or failed the reward for each ad id, from
    /// -AdId or the pipeline (by value, or a property named AdId, Identifier or Id).</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PiAdStatus")]
    [OutputType(typeof(AdStatus))]
    public sealed class GetPiAdStatusCommand : PiApiCmdlet
    {
        /// <summary>The ad ids the client SDK's showAd returned.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identifier", "Id")]
        [AllowEmptyString]
        public string[] AdId { get; set; } = new string[0];

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (string id in AdId)
            {
                CallAndWrite(id, (client, cancel) => client.GetAdStatusAsync(id, cancel));
            }
        }
    }
}
