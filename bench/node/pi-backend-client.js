// The official Node SDK (pi-backend 0.1.3) as a benchmark client; see bench/README.md, "The client protocol".
//   node pi-backend-client.js --base-uri U --ids FILE --op get|approve --width N [--warmup-id ID]
// Width 1 awaits one call after another; a larger width runs a promise pool of that many workers.
'use strict';

const fs = require('fs');
const readline = require('readline');

const args = parseArgs(process.argv.slice(2));
const apiKey = args['api-key'] || 'pi-sandbox-key';
const width = Number(args.width);
const ids = fs.readFileSync(args.ids, 'utf8').split('\n').filter((line) => line.length > 0);

// Startup is what the other clients time too: loading the client, connecting, the first call (not reading ids).
const started = process.hrtime.bigint();
// Timed as part of startup: loading the SDK (and stellar-sdk, which it pulls in) is what a user pays too.
const PiNetwork = require('pi-backend').default;
// The SDK builds a fresh axios client for every call with this helper; its options object takes baseUrl.
const { getAxiosClient } = require('pi-backend/dist/utils');
// The constructor wants a wallet's private seed (checked by stellar-sdk's Keypair.fromSecret). A random
// throwaway keypair, made fresh each run by the very stellar-sdk copy pi-backend loads; never a real wallet.
const StellarSdk = require(require.resolve('stellar-sdk', { paths: [require.resolve('pi-backend')] }));
const options = { baseUrl: args['base-uri'].replace(/\/$/, '') };
const pi = new PiNetwork(apiKey, StellarSdk.Keypair.random().secret(), options);

// pi-backend 0.1.3 has no approvePayment (only create/submit/complete/get/cancel). The approve is sent the way the
// SDK sends its own calls, on a fresh client from its getAxiosClient, as its completePayment does.
const approvePayment = (id) => getAxiosClient(apiKey, options).post(`/v2/payments/${id}/approve`);
const call = args.op === 'get' ? (id) => pi.getPayment(id) : approvePayment;

main().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});

async function main() {
  if (args['warmup-id']) {
    await pi.getPayment(args['warmup-id']);
  }

  const lines = readline.createInterface({ input: process.stdin });
  const stdinLines = lines[Symbol.asyncIterator]();
  writeLine({ ready: true, startup_ms: Number(process.hrtime.bigint() - started) / 1e6 });
  const go = await stdinLines.next();
  if (go.done || go.value !== 'go') {
    throw new Error(`Expected 'go' on stdin, got '${go.value}'.`);
  }

  let ok = 0;
  let failed = 0;
  let firstError = null;
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      try {
        await call(id);
        ok++;
      } catch (error) {
        failed++;
        firstError = firstError || describe(error);
      }
    }
  };

  const runStarted = process.hrtime.bigint();
  await Promise.all(Array.from({ length: width }, worker));
  const wallMs = Number(process.hrtime.bigint() - runStarted) / 1e6;

  writeLine({ client: 'pi-backend', op: args.op, width, count: ids.length, ok, failed, wall_ms: wallMs, first_error: firstError });
  // Stay alive until the driver has read this process's CPU and memory and closes stdin.
  for await (const _ of stdinLines) { /* drain */ }
  process.exit(0);
}

function describe(error) {
  const response = error && error.response;
  return response ? `${response.status} ${JSON.stringify(response.data)}` : String(error && error.message ? error.message : error);
}

function writeLine(value) {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i + 1 < argv.length; i += 2) {
    if (!argv[i].startsWith('--')) throw new Error(`Expected '--name value' at '${argv[i]}'.`);
    parsed[argv[i].slice(2)] = argv[i + 1];
  }
  for (const name of ['base-uri', 'ids', 'op', 'width']) {
    if (!parsed[name]) throw new Error(`Missing --${name}.`);
  }
  if (parsed.op !== 'get' && parsed.op !== 'approve') throw new Error('--op must be get or approve.');
  if (!(Number(parsed.width) >= 1)) throw new Error('--width must be a positive integer.');
  return parsed;
}
