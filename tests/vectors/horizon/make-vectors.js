// Known-answer envelopes for the sandbox's Horizon, made by the reference Stellar library (@stellar/stellar-base 15.0.0),
// so that neither the sandbox's decoder nor the test-side builder (tests/PiPlatform.Sandbox.Tests/Horizon/TestEnvelope.cs)
// is only checked against itself. The output is pasted into Horizon/ReferenceVectorTests.cs; CI never runs this.
//
//   npm install --no-save @stellar/stellar-base@15.0.0   (or NODE_PATH=<a folder with it>/node_modules)
//   node make-vectors.js > vectors.json
//
// Everything is fixed: the sandbox's public app wallet seed, the demo wallets (raw seed = SHA-256 of
// "PiPlatform sandbox wallet <label>"), the genesis sequence (20000000 << 32), the seeded A2U payment to alice
// (identifier lbv8ybDCFhVgqHYQh3DnJGLjjoHx, 1.5 Pi) and time bounds around 2026-01-01T00:00:00Z.
'use strict';
const crypto = require('crypto');
const sb = require('@stellar/stellar-base');

const passphrase = 'Pi Testnet';
const appWallet = sb.Keypair.fromSecret('SAWRZ3TSRLRQ2SLB4RJ7UWFB5JWDQPRQYMSWZO4PUMPQGECHVK23IJSF');
const wallet = (label) =>
  sb.Keypair.fromRawEd25519Seed(crypto.createHash('sha256').update('PiPlatform sandbox wallet ' + label).digest()).publicKey();
const genesisSequence = (20000000n << 32n).toString();
const t0 = 1767225600; // 2026-01-01T00:00:00Z

function payout({ sequenceAfter, fee, minTime, maxTime, memo, destination, amount }) {
  // Account holds the sequence the account has now; the builder signs sequence + 1.
  const source = new sb.Account(appWallet.publicKey(), sequenceAfter);
  const tx = new sb.TransactionBuilder(source, { fee: String(fee), networkPassphrase: passphrase, timebounds: { minTime, maxTime } })
    .addOperation(sb.Operation.payment({ destination, asset: sb.Asset.native(), amount }))
    .addMemo(sb.Memo.text(memo))
    .build();
  tx.sign(appWallet);
  return { envelope_xdr: tx.toEnvelope().toXDR('base64'), hash: tx.hash().toString('hex'), sequence: tx.sequence };
}

const vectors = {
  // The seeded payout to alice, as pi-backend's submitPayment builds it: base fee, 180 s time bounds, the id as memo.
  seeded_payout: payout({
    sequenceAfter: genesisSequence, fee: 100000, minTime: t0, maxTime: t0 + 180,
    memo: 'lbv8ybDCFhVgqHYQh3DnJGLjjoHx', destination: wallet('alice'), amount: '1.5',
  }),
  // The next sequence: one stroop to bob, a fee above the base fee, no upper time bound, a multi-byte UTF-8 memo.
  edge_payout: payout({
    sequenceAfter: (20000000n << 32n | 1n).toString(), fee: 250000, minTime: 0, maxTime: 0,
    memo: 'vector 2 \u2713 \u00e9', destination: wallet('bob'), amount: '0.0000001',
  }),
};
process.stdout.write(JSON.stringify(vectors, null, 2) + '\n');
