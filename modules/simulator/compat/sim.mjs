// Where the simulator runs and what it says it did (GET /_sim/stats), shared by every client's test file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

// run.sh starts the simulator and sets SIM_URL and SIM_API_KEY; by hand, start one with --api-key and set them.
// Each file uses its own models and reads the requests made since its own mark, so no file resets the simulator
// under another's feet; run.sh still runs the files one at a time, since a Mistral request refused for its key is
// recorded before the simulator reads the model from its body.

export const SIM_URL = process.env.SIM_URL ?? 'http://127.0.0.1:8787';
export const API_KEY = process.env.SIM_API_KEY ?? 'compat-test-key';
export const WRONG_KEY = 'not-the-configured-key';
/** The model the simulator records for a request it refused before reading it (e.g. for its key). */
export const UNREAD_MODEL = '(unknown)';

async function admin(method, path) {
  const response = await fetch(new URL(path, SIM_URL), { method });
  if (!response.ok) {
    throw new Error(`${method} ${path}: HTTP ${response.status}`);
  }
  return response.json();
}

/** Every chat request the simulator has recorded, oldest first. */
export async function requests() {
  return (await admin('GET', '/_sim/stats')).requests;
}

/** The id of the newest recorded request: requests after it belong to what the caller does next. */
export async function mark() {
  return (await requests()).reduce((newest, request) => Math.max(newest, request.id), 0);
}

/** Requests recorded after `since` (a mark) whose fields equal those of `match`, e.g. `{model: 'x'}`. */
export async function requestsSince(since, match) {
  return (await requests()).filter((request) => request.id > since
      && Object.entries(match).every(([field, value]) => request[field] === value));
}

/** The single request matching `match` recorded after `since`; fails when there were none or several. */
export async function onlyRequestSince(since, match) {
  const seen = await requestsSince(since, match);
  if (seen.length !== 1) {
    throw new Error(`expected one request like ${JSON.stringify(match)} since #${since}, saw ${seen.length}`);
  }
  return seen[0];
}

/** The error a call fails with; fails the test when the call succeeds. */
export async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('the call succeeded');
}

/** The error a stream fails with before its first chunk; fails the test on any chunk. */
export async function rejectionBeforeFirstChunk(stream) {
  return rejection((async () => {
    for await (const chunk of await stream) {
      assert.fail(`unexpected chunk ${JSON.stringify(chunk)}`);
    }
  })());
}

/** The installed version of a package, by its folder under node_modules (for the test titles). */
export function versionOf(folder) {
  return JSON.parse(readFileSync(new URL(`./node_modules/${folder}/package.json`, import.meta.url))).version;
}

/** The simulator's ground truth for one batch job (GET /_sim/stats → batches.jobs). */
export async function batchJob(id) {
  const { batches } = await admin('GET', '/_sim/stats?requests=false');
  const job = batches.jobs.find((candidate) => candidate.id === id);
  if (!job) {
    throw new Error(`the simulator has no batch job ${id}`);
  }
  return job;
}

/** Polls `get` until `done(job)` holds, every 50 ms, for at most 60 s. */
export async function pollUntil(get, done) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await get();
    if (done(job)) {
      return job;
    }
    if (Date.now() > deadline) {
      throw new Error(`batch job still not done after 60 s: ${JSON.stringify(job).slice(0, 300)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
