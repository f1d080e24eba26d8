// Google's own SDK, @google/genai, against the simulator's Gemini Batch Mode (batches.*).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, GoogleGenAI } from '@google/genai';
import { API_KEY, SIM_URL, batchJob, pollUntil, rejection, versionOf } from './sim.mjs';

const MODEL = 'gemini-2.5-flash-lite';
const DONE = ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED', 'JOB_STATE_CANCELLED', 'JOB_STATE_EXPIRED'];

function client(headers) {
  return new GoogleGenAI({ apiKey: API_KEY, httpOptions: { baseUrl: SIM_URL, ...(headers && { headers }) } });
}

function inline(text) {
  return { contents: [{ role: 'user', parts: [{ text }] }] };
}

async function finished(ai, name) {
  return pollUntil(() => ai.batches.get({ name }), (job) => DONE.includes(job.state));
}

describe(`@google/genai ${versionOf('@google/genai')} batches`, () => {
  test('create inline, poll to JOB_STATE_SUCCEEDED, results in order with per-item errors', async () => {
    const ai = client();
    const created = await ai.batches.create({
      model: MODEL,
      src: [inline('Name a river [sim:tokens=12]'), inline('Fail me [sim:fault=500]'), inline('Name a lake [sim:tokens=12]')],
      config: { displayName: 'compat-inline' },
    });
    assert.match(created.name, /^batches\//);
    assert.equal(created.displayName, 'compat-inline');
    assert.ok(['JOB_STATE_PENDING', 'JOB_STATE_RUNNING'].includes(created.state), created.state);
    assert.equal(created.model, `models/${MODEL}`);

    const job = await finished(ai, created.name);

    assert.equal(job.state, 'JOB_STATE_SUCCEEDED');
    const results = job.dest.inlinedResponses;
    assert.equal(results.length, 3);
    assert.ok(results[0].response.candidates[0].content.parts[0].text.trim().length > 0);
    assert.equal(results[1].response, undefined);
    assert.equal(results[1].error.code, 13);
    assert.match(results[1].error.message, /internal error/);
    assert.ok(results[2].response.candidates[0].content.parts[0].text.trim().length > 0);
    const truth = await batchJob(created.name);
    assert.equal(truth.state, 'BATCH_STATE_SUCCEEDED');
    assert.deepEqual([truth.items, truth.succeeded, truth.failed], [3, 2, 1]);
  });

  test('cancel a queued job: JOB_STATE_CANCELLED', async () => {
    const ai = client();
    const src = Array.from({ length: 2000 }, (_, i) => inline(`Item ${i} [sim:tokens=5]`));
    const created = await ai.batches.create({ model: MODEL, src });

    await ai.batches.cancel({ name: created.name });

    const job = await finished(ai, created.name);
    assert.equal(job.state, 'JOB_STATE_CANCELLED');
    const truth = await batchJob(created.name);
    assert.equal(truth.cancelRequested, true);
    assert.ok(truth.completed < 2000);
  });

  test('a job forced to expire ends JOB_STATE_EXPIRED', async () => {
    const ai = client({ 'X-Sim-Batch': 'expire' });
    const created = await ai.batches.create({ model: MODEL, src: [inline('Too late')] });

    const job = await finished(ai, created.name);

    assert.equal(job.state, 'JOB_STATE_EXPIRED');
    assert.equal((await batchJob(created.name)).state, 'BATCH_STATE_EXPIRED');
  });

  test('list pages newest first; delete removes the job', async () => {
    const ai = client();
    const names = [];
    for (const i of [0, 1, 2]) {
      names.push((await ai.batches.create({ model: MODEL, src: [inline(`Listed ${i}`)] })).name);
    }

    const pager = await ai.batches.list({ config: { pageSize: 2 } });
    assert.equal(pager.page.length, 2);
    const seen = [];
    for await (const job of pager) {
      seen.push(job.name);
    }
    assert.deepEqual(seen.filter((name) => names.includes(name)), [...names].reverse());

    await ai.batches.delete({ name: names[0] });
    const error = await rejection(ai.batches.get({ name: names[0] }));
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 404);
    assert.equal((await batchJob(names[0])).deleted, true);
  });
});
