// LangChain's Mistral integration, @langchain/mistralai (on its own pinned copy of @mistralai/mistralai).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatMistralAI } from '@langchain/mistralai';
import { HumanMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import {
  API_KEY, SIM_URL, UNREAD_MODEL, WRONG_KEY, mark, onlyRequestSince, rejection, rejectionBeforeFirstChunk, versionOf,
} from './sim.mjs';

const MODEL = 'mistral-medium-latest';
const PROMPT = 'Explain in two sentences why the sky is blue [sim:tokens=40]';

/** maxRetries 0: LangChain's caller tries once (the SDK under it does not retry by default). */
function chatModel({ key = API_KEY, model = MODEL } = {}) {
  return new ChatMistralAI({ model, apiKey: key, serverURL: SIM_URL, maxRetries: 0 });
}

const weather = tool(async ({ city }) => `sunny, 21 °C in ${city}`, {
  name: 'get_weather',
  description: 'Returns the current weather for a city',
  schema: z.object({ city: z.string().describe('the city name') }),
});

describe(`@langchain/mistralai ${versionOf('@langchain/mistralai')} `
    + `(@mistralai/mistralai ${versionOf('@langchain/mistralai/node_modules/@mistralai/mistralai')})`, () => {
  test('unary answer, usage as the simulator counted it', async () => {
    const since = await mark();

    const answer = await chatModel().invoke(PROMPT);

    assert.ok(answer.text.trim().length > 0);
    assert.equal(answer.response_metadata.finishReason, 'stop');
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.status, 200);
    assert.equal(seen.stream, false);
    assert.equal(answer.usage_metadata.input_tokens, seen.promptTokens);
    assert.equal(answer.usage_metadata.output_tokens, seen.tokensSent);
    assert.equal(answer.usage_metadata.total_tokens, seen.promptTokens + seen.tokensSent);
  });

  test('invoke with a timeout goes through the streaming endpoint and still gets the whole answer', async () => {
    const since = await mark();

    const answer = await chatModel().invoke(PROMPT, { timeout: 30_000 });

    assert.ok(answer.text.trim().length > 0);
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.stream, true);
    assert.equal(seen.status, 200);
  });

  test('streamed answer: many chunks, usage from the last one', async () => {
    const since = await mark();

    const chunks = [];
    for await (const chunk of await chatModel().stream(PROMPT)) {
      chunks.push(chunk);
    }

    assert.ok(chunks.length > 2, `${chunks.length} chunk(s)`);
    const whole = chunks.reduce((sum, chunk) => sum.concat(chunk));
    assert.ok(whole.text.trim().length > 0);
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.stream, true);
    assert.equal(seen.status, 200);
    assert.equal(whole.usage_metadata.input_tokens, seen.promptTokens);
    assert.equal(whole.usage_metadata.output_tokens, seen.tokensSent);
  });

  test('tool call round trip through bindTools: the call carries the city, the answer uses the result', async () => {
    const model = chatModel().bindTools([weather]);
    const question = new HumanMessage('What is the weather in Paris right now?');

    const call = await model.invoke([question]);
    assert.equal(call.tool_calls.length, 1);
    assert.equal(call.tool_calls[0].name, 'get_weather');
    assert.deepEqual(call.tool_calls[0].args, { city: 'Paris' });
    assert.match(call.tool_calls[0].id, /^[A-Za-z0-9]{9}$/);

    const result = await weather.invoke(call.tool_calls[0]);
    const final = await model.invoke([question, call, result]);
    assert.equal(final.tool_calls.length, 0);
    assert.match(final.text, /sunny/);
  });

  test('a forced 429 surfaces with status 429, classified by LangChain as a rate limit', async () => {
    const since = await mark();

    const error = await rejection(chatModel().invoke('Hello [sim:fault=429]'));

    assert.equal(error.statusCode, 429, String(error));
    assert.equal(error.rateLimitType, 'capacity', 'a 429 without Retry-After');
    assert.equal(JSON.parse(error.body).type, 'rate_limited');
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.status, 429);
    assert.equal(seen.fault, 'RATE_LIMITED');
  });

  test('a forced 429 on a stream surfaces before any chunk', async () => {
    const error = await rejectionBeforeFirstChunk(chatModel().stream('Hello [sim:fault=429]'));

    assert.equal(error.statusCode, 429, String(error));
  });

  test('an unknown model is refused like the real API: 400 invalid_model', async () => {
    const since = await mark();

    const error = await rejection(chatModel({ model: 'mistral-unknown' }).invoke('Hello'));

    assert.equal(error.statusCode, 400, String(error));
    assert.equal(JSON.parse(error.body).type, 'invalid_model');
    assert.equal((await onlyRequestSince(since, { model: 'mistral-unknown' })).status, 400);
  });

  test('a wrong key is a 401 {"detail":"Unauthorized"}', async () => {
    const since = await mark();

    const error = await rejection(chatModel({ key: WRONG_KEY }).invoke('Hello'));

    assert.equal(error.statusCode, 401, String(error));
    assert.deepEqual(JSON.parse(error.body), { detail: 'Unauthorized' });
    assert.equal((await onlyRequestSince(since, { protocol: 'MISTRAL', model: UNREAD_MODEL })).status, 401);
  });
});
