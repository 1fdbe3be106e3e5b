using System.Management.Automation;
using PiPlatform.Batch;

namespace PiPlatform.Commands
{
    /// <summary>Gets the status of rewarded ads (GET /v2/ads_network/status/{adId}).</summary>
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
        protected override int InputCount => AdId.Length;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (string id in AdId)
            {
                Queue(ItemPlan.Call(id, "Ad " + id, (client, cancel) => client.GetAdStatusAsync(id, cancel)));
            }
        }
    }
}
