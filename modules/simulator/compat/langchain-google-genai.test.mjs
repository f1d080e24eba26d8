// LangChain's Gemini integration, @langchain/google-genai (on Google's legacy SDK @google/generative-ai).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { HumanMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import {
  API_KEY, SIM_URL, WRONG_KEY, mark, onlyRequestSince, rejection, rejectionBeforeFirstChunk, versionOf,
} from './sim.mjs';

const MODEL = 'gemini-2.5-flash-lite';
const PROMPT = 'Explain in two sentences why the sky is blue [sim:tokens=150]';

/** maxRetries 0: LangChain's caller tries once, so a 429 surfaces at once. */
function chatModel({ key = API_KEY, model = MODEL, apiVersion } = {}) {
  return new ChatGoogleGenerativeAI({ model, apiKey: key, baseUrl: SIM_URL, apiVersion, maxRetries: 0 });
}

const weather = tool(async ({ city }) => `sunny, 21 °C in ${city}`, {
  name: 'get_weather',
  description: 'Returns the current weather for a city',
  schema: z.object({ city: z.string().describe('the city name') }),
});

describe(`@langchain/google-genai ${versionOf('@langchain/google-genai')} `
    + `(@google/generative-ai ${versionOf('@google/generative-ai')})`, () => {
  for (const apiVersion of ['v1beta', 'v1']) {
    test(`unary answer, usage as the simulator counted it (${apiVersion})`, async () => {
      const since = await mark();

      const answer = await chatModel({ apiVersion }).invoke(PROMPT);

      assert.ok(answer.text.trim().length > 0);
      assert.equal(answer.response_metadata.finishReason, 'STOP');
      const seen = await onlyRequestSince(since, { model: MODEL });
      assert.equal(seen.status, 200);
      assert.equal(seen.stream, false);
      assert.equal(answer.usage_metadata.input_tokens, seen.promptTokens);
      assert.equal(answer.usage_metadata.output_tokens, seen.tokensSent);
      assert.equal(answer.usage_metadata.total_tokens, seen.promptTokens + seen.tokensSent);
    });
  }

  test('streamed answer: several chunks that add up to the unary text; usage deltas add up to the total', async () => {
    const unary = await chatModel().invoke(PROMPT);
    const since = await mark();

    const chunks = [];
    for await (const chunk of await chatModel().stream(PROMPT)) {
      chunks.push(chunk);
    }

    assert.ok(chunks.length > 1, `${chunks.length} chunk(s)`);
    const whole = chunks.reduce((sum, chunk) => sum.concat(chunk));
    assert.equal(whole.text, unary.text);
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

    const result = await weather.invoke(call.tool_calls[0]);
    const final = await model.invoke([question, call, result]);
    assert.equal(final.tool_calls.length, 0);
    assert.match(final.text, /sunny/);
  });

  test('a forced 429 surfaces with status 429, classified by LangChain as a rate limit', async () => {
    const since = await mark();

    const error = await rejection(chatModel().invoke('Hello [sim:fault=429]'));

    assert.equal(error.status, 429, String(error));
    assert.equal(error.rateLimitType, 'stop', 'Gemini says "exceeded your current quota": LangChain does not retry');
    assert.ok(error.errorDetails.some((detail) => detail['@type'] === 'type.googleapis.com/google.rpc.RetryInfo'));
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.status, 429);
    assert.equal(seen.fault, 'RATE_LIMITED');
  });

  test('a forced 429 on a stream surfaces before any chunk', async () => {
    const error = await rejectionBeforeFirstChunk(chatModel().stream('Hello [sim:fault=429]'));

    assert.equal(error.status, 429, String(error));
  });

  test('an unknown model is a 404', async () => {
    const since = await mark();

    const error = await rejection(chatModel({ model: 'gemini-0-unknown' }).invoke('Hello'));

    assert.equal(error.status, 404, String(error));
    assert.match(error.message, /models\/gemini-0-unknown is not found for API version v1beta/);
    assert.equal((await onlyRequestSince(since, { model: 'gemini-0-unknown' })).status, 404);
  });

  test('a wrong key is a 400 with reason API_KEY_INVALID', async () => {
    const since = await mark();

    const error = await rejection(chatModel({ key: WRONG_KEY }).invoke('Hello'));

    assert.equal(error.status, 400, String(error));
    assert.equal(error.errorDetails[0].reason, 'API_KEY_INVALID');
    assert.equal((await onlyRequestSince(since, { protocol: 'GEMINI', model: MODEL })).status, 400);
  });
});
