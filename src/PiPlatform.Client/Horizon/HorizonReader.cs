using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using PiPlatform.Json;

namespace PiPlatform.Horizon
{
    /// <summary>
    /// Maps Horizon's JSON to the models, as strictly as the Pi reader: what a payout decides on (sequence numbers,
    /// hashes, success, balances) must be there and well formed, or the answer is refused whole.
    /// </summary>
    internal static class HorizonReader
    {
        public static HorizonRoot ReadRoot(JsonElement e) =>
            new HorizonRoot { NetworkPassphrase = WireObject.Of(e, "Horizon's root").RequiredString("network_passphrase") };

        public static HorizonAccount ReadAccount(JsonElement e)
        {
            WireObject account = WireObject.Of(e, "The account");
            long native = -1;
            JsonElement balances = account.RequiredArray("balances");
            foreach (JsonElement item in balances.EnumerateArray())
            {
                WireObject balance = WireObject.Of(item, account.Owner, "balances[]");
                if (balance.OptionalString("asset_type") != "native") continue;
                native = Stroops(balance, "balance");
            }
            if (native < 0) throw account.Fail("balances has no native balance");
            return new HorizonAccount
            {
                AccountId = account.RequiredString("account_id"),
                Sequence = Int64(account, "sequence"),
                NativeStroops = native,
            };
        }

        /// <summary>The base fee per operation in stroops: <c>last_ledger_base_fee</c>, what js-stellar-sdk's fetchBaseFee reads.</summary>
        public static long ReadBaseFee(JsonElement e)
        {
            WireObject stats = WireObject.Of(e, "Horizon's fee stats");
            long fee = Int64(stats, "last_ledger_base_fee");
            if (fee <= 0 || fee > uint.MaxValue) throw stats.Fail($"last_ledger_base_fee is not a fee ({fee})");
            return fee;
        }

        public static HorizonTransaction ReadTransaction(JsonElement e) => ReadTransaction(e, "The transaction");

        public static HorizonPage ReadPage(JsonElement e)
        {
            WireObject page = WireObject.Of(e, "The transactions page");
            JsonElement records = page.RequiredObject("_embedded").RequiredArray("records");
            var list = new List<HorizonTransaction>(records.GetArrayLength());
            foreach (JsonElement record in records.EnumerateArray())
            {
                list.Add(ReadTransaction(record, $"Transaction #{list.Count + 1} of the page"));
            }
            return new HorizonPage { Records = list };
        }

        private static HorizonTransaction ReadTransaction(JsonElement e, string owner)
        {
            WireObject tx = WireObject.Of(e, owner);
            string hash = tx.RequiredString("hash");
            if (!IsHash(hash)) throw tx.Fail($"hash is not 64 lowercase hex digits ({WireValues.Shown(hash)})");
            return new HorizonTransaction
            {
                Hash = hash,
                Successful = tx.RequiredBool("successful"),
                Ledger = Int64(tx, "ledger"),
                SourceAccount = tx.RequiredString("source_account"),
                SourceAccountSequence = Int64(tx, "source_account_sequence"),
                MemoType = tx.OptionalString("memo_type"),
                Memo = tx.OptionalString("memo"),
                EnvelopeXdr = tx.RequiredString("envelope_xdr"),
                CreatedAt = tx.OptionalDate("created_at") ?? throw tx.Fail("created_at is missing"),
                PagingToken = tx.OptionalString("paging_token") ?? "",
            };
        }

        public static bool IsHash(string text)
        {
            if (text.Length != 64) return false;
            foreach (char c in text)
            {
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
            }
            return true;
        }

        // Horizon writes 64-bit numbers as strings (JavaScript cannot hold them), smaller ones as numbers.
        private static long Int64(WireObject o, string name)
        {
            JsonElement v = o.Get(name);
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n)) return n;
            if (v.ValueKind == JsonValueKind.String && long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out n)) return n;
            throw o.Fail(v.ValueKind == JsonValueKind.Undefined ? $"{name} is missing" : $"{name} is not a whole number (it is {WireValues.Describe(v)})");
        }

        // "12.3400000": a decimal string of at most 7 places, as stroops.
        private static long Stroops(WireObject o, string name)
        {
            string text = o.RequiredString(name);
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount)
                || WireValues.DecimalPlaces(text) > WireValues.MaxDecimalPlaces || amount > WireValues.MaxAmount)
            {
                throw o.Fail($"{name} is not an amount ({WireValues.Shown(text)})");
            }
            return (long)(amount * 10_000_000m);
        }
    }
}
