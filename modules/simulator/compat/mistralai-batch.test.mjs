// Mistral's own SDK, @mistralai/mistralai, against the simulator's Batch API (batch.jobs.*, files.download).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Mistral } from '@mistralai/mistralai';
import { API_KEY, SIM_URL, batchJob, pollUntil, versionOf } from './sim.mjs';

const MODEL = 'open-mistral-nemo';
const DONE = ['SUCCESS', 'FAILED', 'TIMEOUT_EXCEEDED', 'CANCELLED'];

function client() {
  return new Mistral({ apiKey: API_KEY, serverURL: SIM_URL, retryConfig: { strategy: 'none' } });
}

function request(customId, text) {
  return { customId, body: { messages: [{ role: 'user', content: text }] } };
}

async function finished(mistral, jobId, options) {
  return pollUntil(() => mistral.batch.jobs.get({ jobId }, options), (job) => DONE.includes(job.status));
}

async function lines(mistral, fileId) {
  const stream = await mistral.files.download({ fileId });
  const text = await new Response(stream).text();
  return text.trim().split('\n').map((line) => JSON.parse(line));
}

describe(`@mistralai/mistralai ${versionOf('@mistralai/mistralai')} batch.jobs`, () => {
  test('create inline, poll to SUCCESS, output and error files as JSONL', async () => {
    const mistral = client();
    const created = await mistral.batch.jobs.create({
      endpoint: '/v1/chat/completions', model: MODEL, metadata: { suite: 'compat' },
      requests: [request('a', 'Name a cheese [sim:tokens=12]'), request('b', 'Fail me [sim:fault=503]'),
        request('c', 'Name a wine [sim:tokens=12]')],
    });
    assert.equal(created.object, 'batch');
    assert.ok(['QUEUED', 'RUNNING'].includes(created.status), created.status);
    assert.equal(created.totalRequests, 3);
    assert.deepEqual(created.metadata, { suite: 'compat' });

    const job = await finished(mistral, created.id);

    assert.equal(job.status, 'SUCCESS');
    assert.deepEqual([job.completedRequests, job.succeededRequests, job.failedRequests], [3, 2, 1]);
    const outputs = await lines(mistral, job.outputFile);
    assert.deepEqual(outputs.map((line) => line.custom_id), ['a', 'c']);
    assert.equal(outputs[0].response.status_code, 200);
    assert.ok(outputs[0].response.body.choices[0].message.content.trim().length > 0);
    const errors = await lines(mistral, job.errorFile);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].custom_id, 'b');
    assert.equal(typeof errors[0].error, 'object');
    assert.equal(errors[0].error.message, 'Service unavailable');
    const truth = await batchJob(created.id);
    assert.equal(truth.state, 'SUCCESS');
  });

  test('cancel: CANCELLATION_REQUESTED, then CANCELLED', async () => {
    const mistral = client();
    const requests = Array.from({ length: 2000 }, (_, i) => request(`r${i}`, `Item ${i} [sim:tokens=5]`));
    const created = await mistral.batch.jobs.create({ endpoint: '/v1/chat/completions', model: MODEL, requests });

    const cancelling = await mistral.batch.jobs.cancel({ jobId: created.id });
    assert.ok(['CANCELLATION_REQUESTED', 'CANCELLED'].includes(cancelling.status), cancelling.status);

    const job = await finished(mistral, created.id);
    assert.equal(job.status, 'CANCELLED');
    assert.ok(job.completedRequests < 2000);
    assert.equal((await batchJob(created.id)).cancelRequested, true);
  });

  test('a job forced to time out ends TIMEOUT_EXCEEDED', async () => {
    const mistral = client();
    const options = { headers: { 'X-Sim-Batch': 'expire' } };
    const created = await mistral.batch.jobs.create(
      { endpoint: '/v1/chat/completions', model: MODEL, requests: [request('x', 'Too late')] }, options);

    const job = await finished(mistral, created.id);

    assert.equal(job.status, 'TIMEOUT_EXCEEDED');
    assert.equal(job.outputFile ?? null, null);
  });

  test('list pages newest first, total counts all; delete', async () => {
    const mistral = client();
    const ids = [];
    for (const i of [0, 1, 2]) {
      ids.push((await mistral.batch.jobs.create({
        endpoint: '/v1/chat/completions', model: MODEL, requests: [request('l', `Listed ${i}`)],
      })).id);
    }

    const first = await mistral.batch.jobs.list({ page: 0, pageSize: 2 });
    assert.equal(first.data.length, 2);
    assert.equal(first.object, 'list');
    assert.ok(first.total >= 3);
    assert.deepEqual(first.data.map((job) => job.id), [ids[2], ids[1]]);
    const second = await mistral.batch.jobs.list({ page: 1, pageSize: 2 });
    assert.equal(second.data[0].id, ids[0]);

    const deleted = await mistral.batch.jobs.delete({ jobId: ids[0] });
    assert.equal(deleted.deleted, true);
    assert.equal((await batchJob(ids[0])).deleted, true);
  });
});
