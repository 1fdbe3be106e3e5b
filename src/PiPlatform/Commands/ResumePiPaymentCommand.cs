using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Threading.Tasks;
using PiPlatform.Batch;

namespace PiPlatform.Commands
{
    /// <summary>
    /// Drives stuck payments to an end where the facts allow: a payment whose transaction is on the chain is completed
    /// with that txid; an app-to-user payment with none is paid from the connection's wallet (or, with -Cancel,
    /// cancelled); whatever the facts do not decide is reported as payment_not_resumable, never guessed.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Resume, "PiPayment", DefaultParameterSetName = IncompleteSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Payment))]
    public sealed class ResumePiPaymentCommand : PiApiCmdlet
    {
        private const string IncompleteSet = ParameterSets.Incomplete;
        private const string ByIdSet = ParameterSets.ById;
        private const string ByPaymentSet = ParameterSets.ByPayment;

        /// <summary>Payments to resume, e.g. from Get-PiPayment; without any input, the app's incomplete app-to-user payments.</summary>
        [Parameter(ParameterSetName = ByPaymentSet, Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Payment[] InputObject { get; set; } = new Payment[0];

        /// <summary>Identifiers of payments to resume (user-to-app ones too, which Pi lists nowhere).</summary>
        [Parameter(ParameterSetName = ByIdSet, Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Identifier", "Id")]
        public string[] PaymentId { get; set; } = new string[0];

        /// <summary>Cancel the payments that no transaction pays, instead of paying them (app-to-user) or leaving them (user-to-app).</summary>
        [Parameter]
        public SwitchParameter Cancel { get; set; }

        /// <inheritdoc />
        protected override int InputCount => ParameterSetName == ByPaymentSet ? InputObject.Length : PaymentId.Length;

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case ByPaymentSet:
                    foreach (Payment payment in InputObject) Resume(payment.Identifier, () => Task.FromResult(payment));
                    break;
                case ByIdSet:
                    foreach (string id in PaymentId) Resume(id, () => Client.GetPaymentAsync(id, CancelToken));
                    break;
                default:
                    IReadOnlyList<Payment> incomplete;
                    try
                    {
                        incomplete = Wait(() => Client.GetIncompleteServerPaymentsAsync(CancelToken));
                    }
                    catch (PiException failed)
                    {
                        ThrowTerminatingError(ErrorFactory.FromException(failed, "incomplete_server_payments"));
                        return;
                    }
                    WriteVerbose($"{incomplete.Count} incomplete app-to-user payments.");
                    foreach (Payment payment in incomplete) Resume(payment.Identifier, () => Task.FromResult(payment));
                    break;
            }
        }

        private PiClient Client => ActiveConnection!.Client;

        // The plan is made here, on the pipeline thread, so that -WhatIf and -Confirm can show it: reads only (Pi's
        // state, the wallet's history), nothing changed. Carrying it out is queued like any other cmdlet's work.
        private void Resume(string paymentId, Func<Task<Payment>> read)
        {
            ResumePlan plan;
            try
            {
                Payment payment = Wait(read);
                plan = Wait(() => Client.PlanResumeAsync(payment, Cancel, CancelToken));
            }
            catch (PiException failed)
            {
                Queue(ItemPlan.Refused(ErrorFactory.FromException(failed, paymentId)));
                return;
            }
            switch (plan.Action)
            {
                case ResumeAction.None:
                    WriteVerbose($"Payment {paymentId}: nothing to do, {plan.Reason}.");
                    return;
                case ResumeAction.Undecided:
                    Queue(ItemPlan.Call(paymentId, "Payment " + paymentId, (client, cancel) => client.ResumePaymentAsync(plan, cancel)));
                    return;
            }
            if (ShouldProcess(paymentId, Describe(plan)))
            {
                Queue(ItemPlan.Call(paymentId, "Payment " + paymentId, (client, cancel) => client.ResumePaymentAsync(plan, cancel)));
            }
        }

        private static string Describe(ResumePlan plan) => plan.Action switch
        {
            ResumeAction.Complete => $"Complete with txid {plan.TxId}: {plan.Reason}",
            ResumeAction.SubmitAndComplete => $"Pay {plan.Payment.Amount.ToString(CultureInfo.InvariantCulture)} Pi to {plan.Payment.ToAddress}, then complete: {plan.Reason}",
            _ => $"Cancel: {plan.Reason}",
        };

        private T Wait<T>(Func<Task<T>> work) => Task.Run(work, CancelToken).GetAwaiter().GetResult();
    }
}
