using System.Management.Automation;
using PiPlatform.Batch;

namespace PiPlatform.Commands
{
    /// <summary>Gets payments by id, or the app's incomplete app-to-user payments.</summary>
    [Cmdlet(VerbsCommon.Get, "PiPayment", DefaultParameterSetName = ByIdSet)]
    [OutputType(typeof(Payment))]
    public sealed class GetPiPaymentCommand : PiApiCmdlet
    {
        private const string ByIdSet = ParameterSets.ById;
        private const string IncompleteSet = ParameterSets.Incomplete;

        /// <summary>The payment identifiers.</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Identifier", "Id")]
        [AllowEmptyString]
        public string[] PaymentId { get; set; } = new string[0];

        /// <summary>Lists the app's incomplete server (app-to-user) payments instead.</summary>
        [Parameter(ParameterSetName = IncompleteSet, Mandatory = true)]
        public SwitchParameter Incomplete { get; set; }

        /// <inheritdoc />
        protected override int InputCount => PaymentId.Length;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Incomplete) return;
            foreach (string id in PaymentId)
            {
                Queue(ItemPlan.Call(id, "Payment " + id, (client, cancel) => client.GetPaymentAsync(id, cancel)));
            }
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            if (Incomplete)
            {
                Queue(ItemPlan.Call("incomplete_server_payments", "Incomplete payments",
                    (client, cancel) => client.GetIncompleteServerPaymentsAsync(cancel)));
            }
            base.EndProcessing();
        }
    }
}
