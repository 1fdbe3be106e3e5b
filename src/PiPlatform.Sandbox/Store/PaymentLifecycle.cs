using System;
using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

/// <summary>The lifecycle rules, one method per transition; the checks run in the order the errors are documented.</summary>
internal sealed partial class PaymentStore
{
    /// <summary>Server approval. A repeat changes nothing: an error (already_approved) or, if configured, the payment.</summary>
    public StoreResult Approve(string id, bool repeatIsOk) => Mutate(id, p =>
    {
        if (p.IsCancelled)
        {
            return ApiErrors.CancelledPayment(p);
        }

        if (p.Status.DeveloperCompleted)
        {
            return ApiErrors.AlreadyCompleted(p);
        }

        if (p.Status.DeveloperApproved)
        {
            return repeatIsOk ? p : ApiErrors.AlreadyApproved(p);
        }

        return p with { Status = p.Status with { DeveloperApproved = true } };
    }, e => e.Approve++);

    /// <summary>Server completion with the txid of the payment's (verified) blockchain transaction.</summary>
    public StoreResult Complete(string id, string txid) => Mutate(id, p =>
    {
        if (p.IsCancelled)
        {
            return ApiErrors.CancelledPayment(p);
        }

        // Whether or not the txid matches: the client decides if a repeat with the same txid is a success.
        if (p.Status.DeveloperCompleted)
        {
            return ApiErrors.AlreadyCompleted(p);
        }

        if (!p.Status.DeveloperApproved)
        {
            return ApiErrors.NotApproved(p);
        }

        if (p.Transaction is null)
        {
            return ApiErrors.VerificationFailed(p);
        }

        // Exactly: the client must send back the txid it was given, not a trimmed or re-cased copy.
        if (!string.Equals(p.Transaction.Txid, txid, StringComparison.Ordinal))
        {
            return ApiErrors.TxidMismatch(p);
        }

        if (!p.Transaction.Verified)
        {
            return ApiErrors.NotVerified(p);
        }

        return p with { Status = p.Status with { DeveloperCompleted = true } };
    }, e => e.Complete++);

    /// <summary>Server cancellation: only while no blockchain transaction exists.</summary>
    public StoreResult Cancel(string id) => Mutate(id, p =>
    {
        if (p.Status.DeveloperCompleted)
        {
            return ApiErrors.AlreadyCompleted(p);
        }

        if (p.IsCancelled)
        {
            return ApiErrors.CancelledPayment(p);
        }

        if (p.Transaction is not null)
        {
            return ApiErrors.PaymentTxPresent(p);
        }

        return p with { Status = p.Status with { Cancelled = true } };
    }, e => e.Cancel++);

    /// <summary>
    /// The blockchain side: the user's transaction for U2A (only once approved), the app's submission for A2U.
    /// One transaction per payment: a second is refused (Pi itself does not guard A2U against this; we do, loudly).
    /// </summary>
    public StoreResult AttachTransaction(string id, string txid, bool verified) => Mutate(id, p =>
    {
        if (p.IsCancelled)
        {
            return ApiErrors.CancelledPayment(p);
        }

        if (p.Transaction is not null)
        {
            return ApiErrors.PaymentTxPresent(p);
        }

        if (!p.Status.DeveloperApproved)
        {
            return ApiErrors.NotApproved(p);
        }

        return p with
        {
            Transaction = DemoData.Transaction(txid, verified, p.Network),
            Status = p.Status with { TransactionVerified = verified },
        };
    }, e => e.Transaction++);

    /// <summary>The blockchain confirms the attached transaction. Already verified: unchanged, not counted.</summary>
    public StoreResult Verify(string id) => Mutate(id, p =>
    {
        if (p.Transaction is null)
        {
            return ApiErrors.NoTransaction(p);
        }

        if (p.Transaction.Verified)
        {
            return p;
        }

        return p with
        {
            Transaction = p.Transaction with { Verified = true },
            Status = p.Status with { TransactionVerified = true },
        };
    }, e => e.Verify++);

    /// <summary>
    /// The user cancels a user-to-app payment in the Pi Browser: possible until a transaction exists. An app-to-user
    /// payment is the app's to cancel; letting the user side cancel it would also free the user's one open A2U slot.
    /// </summary>
    public StoreResult UserCancel(string id) => Mutate(id, p =>
    {
        if (p.IsAppToUser)
        {
            return ApiErrors.NotUserToApp(p);
        }

        if (p.Status.DeveloperCompleted)
        {
            return ApiErrors.AlreadyCompleted(p);
        }

        if (p.Transaction is not null)
        {
            return ApiErrors.PaymentTxPresent(p);
        }

        if (p.IsCancelled)
        {
            return ApiErrors.CancelledPayment(p);
        }

        return p with { Status = p.Status with { UserCancelled = true } };
    }, e => e.UserCancel++);
}
