using PiPlatform.Sandbox.Horizon.Ledger;
using PiPlatform.Sandbox.Json;

namespace PiPlatform.Sandbox.Store;

/// <summary>
/// The Pi side of an app-to-user payout: Pi watches the chain and links a payment to the transaction that pays it, so
/// that the app can complete it with that txid next.
/// </summary>
internal sealed partial class PaymentStore
{
    /// <summary>
    /// Links <paramref name="tx"/> to the A2U payment its memo names, if the transaction pays exactly that payment (from
    /// its from_address, to its to_address, exactly its amount) and the payment has no transaction yet and is not
    /// cancelled or completed. Returns the payment id if linked. Anything else stays unlinked: the chain accepts any valid
    /// payment, Pi just does not count it as this payment's.
    /// </summary>
    public string? LinkTransaction(AppliedPayment tx)
    {
        var result = Mutate(tx.Memo, p =>
        {
            bool pays = p.IsAppToUser && p.IsOpen && p.Transaction is null
                && p.FromAddress == tx.Source && p.ToAddress == tx.Destination
                && p.Amount * DemoWallets.StroopsPerPi == tx.Stroops;
            return pays
                ? p with
                {
                    Transaction = new TransactionDto(tx.Hash, true, tx.HorizonLink),
                    Status = p.Status with { TransactionVerified = true },
                }
                : p;
        }, e => e.Transaction++);
        return result.Payment?.Transaction?.Txid == tx.Hash ? result.Payment.Identifier : null;
    }
}
