// Mistral's own SDK, @mistralai/mistralai, against the simulator's Mistral API (v1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Mistral } from '@mistralai/mistralai';
import { z } from 'zod';
import { MistralError } from '@mistralai/mistralai/models/errors';
import {
  API_KEY, SIM_URL, UNREAD_MODEL, WRONG_KEY, mark, onlyRequestSince, rejection, rejectionBeforeFirstChunk, versionOf,
} from './sim.mjs';

const MODEL = 'mistral-small-latest';
const PROMPT = 'Explain in two sentences why the sky is blue [sim:tokens=40]';

/** No retries, so a 429 surfaces at once. */
function client({ key = API_KEY, serverURL = SIM_URL } = {}) {
  return new Mistral({ apiKey: key, serverURL, retryConfig: { strategy: 'none' } });
}

const WEATHER = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Returns the current weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string', description: 'the city name' } },
      required: ['city'],
    },
  },
};

describe(`@mistralai/mistralai ${versionOf('@mistralai/mistralai')}`, () => {
  test('unary answer, usage as the simulator counted it', async () => {
    const since = await mark();

    const response = await client().chat.complete({ model: MODEL, messages: [{ role: 'user', content: PROMPT }] });

    const [choice] = response.choices;
    assert.ok(choice.message.content.trim().length > 0);
    assert.equal(choice.finishReason, 'stop');
    assert.equal(response.model, MODEL);
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.status, 200);
    assert.equal(seen.stream, false);
    assert.equal(response.usage.promptTokens, seen.promptTokens);
    assert.equal(response.usage.completionTokens, seen.tokensSent);
    assert.equal(response.usage.totalTokens, seen.promptTokens + seen.tokensSent);
  });

  test('the server URL is the bare origin, as for api.mistral.ai: the SDK keeps a path, appends /v1/…', async () => {
    const since = await mark();

    const error = await rejection(client({ serverURL: `${SIM_URL}/v1` }).chat.complete({
      model: MODEL, messages: [{ role: 'user', content: PROMPT }],
    }));

    assert.ok(error instanceof MistralError, String(error));
    assert.equal(error.statusCode, 404);
    assert.deepEqual(JSON.parse(error.body), { detail: 'Not Found' });
    assert.equal(await mark(), since, 'a request to /v1/v1/chat/completions is no chat request');
  });

  test('streamed answer: many chunks, usage on the last one', async () => {
    const since = await mark();

    const chunks = [];
    const stream = await client().chat.stream({ model: MODEL, messages: [{ role: 'user', content: PROMPT }] });
    for await (const event of stream) {
      chunks.push(event.data);
    }

    assert.ok(chunks.length > 2, `${chunks.length} chunk(s)`);
    const text = chunks.map((chunk) => chunk.choices[0].delta.content ?? '').join('');
    assert.ok(text.trim().length > 0);
    assert.equal(new Set(chunks.map((chunk) => chunk.id)).size, 1);
    const last = chunks.at(-1);
    assert.equal(last.choices[0].finishReason, 'stop');
    assert.ok(chunks.slice(0, -1)
      .every((chunk) => chunk.usage === undefined && chunk.choices[0].finishReason === null));
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.stream, true);
    assert.equal(seen.status, 200);
    assert.equal(last.usage.promptTokens, seen.promptTokens);
    assert.equal(last.usage.completionTokens, seen.tokensSent);
  });

  test('tool call round trip: the call carries the city, the answer uses the result', async () => {
    const mistral = client();
    const question = { role: 'user', content: 'What is the weather in Paris right now?' };

    const first = await mistral.chat.complete({
      model: MODEL, messages: [question], tools: [WEATHER], toolChoice: 'auto',
    });
    const [choice] = first.choices;
    assert.equal(choice.finishReason, 'tool_calls');
    assert.equal(choice.message.toolCalls.length, 1);
    const [call] = choice.message.toolCalls;
    assert.equal(call.function.name, 'get_weather');
    assert.match(call.id, /^[A-Za-z0-9]{9}$/);
    assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });

    const final = await mistral.chat.complete({
      model: MODEL,
      tools: [WEATHER],
      messages: [
        question,
        choice.message,
        { role: 'tool', toolCallId: call.id, name: call.function.name, content: 'sunny, 21 °C' },
      ],
    });
    assert.equal(final.choices[0].finishReason, 'stop');
    assert.match(final.choices[0].message.content, /sunny/);
  });

  test('a streamed tool call arrives whole in one chunk', async () => {
    const chunks = [];
    for await (const event of await client().chat.stream({
      model: MODEL, messages: [{ role: 'user', content: 'Weather in Oslo?' }], tools: [WEATHER], toolChoice: 'any',
    })) {
      chunks.push(event.data);
    }

    const withCalls = chunks.filter((chunk) => chunk.choices[0].delta.toolCalls?.length);
    assert.equal(withCalls.length, 1);
    const [call] = withCalls[0].choices[0].delta.toolCalls;
    assert.equal(call.function.name, 'get_weather');
    assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Oslo' });
    assert.equal(withCalls[0].choices[0].finishReason, 'tool_calls');
  });

  test('a forced 429 is a MistralError with status 429 and type rate_limited', async () => {
    const since = await mark();

    const error = await rejection(client().chat.complete({
      model: MODEL, messages: [{ role: 'user', content: 'Hello [sim:fault=429]' }],
    }));

    assert.ok(error instanceof MistralError, String(error));
    assert.equal(error.statusCode, 429);
    assert.equal(JSON.parse(error.body).type, 'rate_limited');
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.status, 429);
    assert.equal(seen.fault, 'RATE_LIMITED');
  });

  test('a forced 429 on a stream is a MistralError before any chunk', async () => {
    const error = await rejectionBeforeFirstChunk(client().chat.stream({
      model: MODEL, messages: [{ role: 'user', content: 'Hello [sim:fault=429]' }],
    }));

    assert.ok(error instanceof MistralError, String(error));
    assert.equal(error.statusCode, 429);
  });

  test('an unknown model is refused like the real API: 400 invalid_model', async () => {
    const since = await mark();

    const error = await rejection(client().chat.complete({
      model: 'mistral-nonexistent', messages: [{ role: 'user', content: 'Hello' }],
    }));

    assert.ok(error instanceof MistralError, String(error));
    assert.equal(error.statusCode, 400);
    const body = JSON.parse(error.body);
    assert.equal(body.type, 'invalid_model');
    assert.equal(body.message, 'Invalid model: mistral-nonexistent');
    assert.equal((await onlyRequestSince(since, { model: 'mistral-nonexistent' })).status, 400);
  });

  test('a wrong key is a 401 {"detail":"Unauthorized"}', async () => {
    const since = await mark();

    const error = await rejection(client({ key: WRONG_KEY }).chat.complete({
      model: MODEL, messages: [{ role: 'user', content: 'Hello' }],
    }));

    assert.ok(error instanceof MistralError, String(error));
    assert.equal(error.statusCode, 401);
    assert.deepEqual(JSON.parse(error.body), { detail: 'Unauthorized' });
    assert.equal((await onlyRequestSince(since, { protocol: 'MISTRAL', model: UNREAD_MODEL })).status, 401);
  });

  test('a dated model and its -latest alias answer alike; the alias card names its model and aliases', async () => {
    const since = await mark();
    const mistral = client();

    const response = await mistral.chat.complete({
      model: 'mistral-small-2506', messages: [{ role: 'user', content: PROMPT }],
    });
    const card = await mistral.models.retrieve({ modelId: MODEL });

    assert.equal(response.model, 'mistral-small-2506');
    assert.equal((await onlyRequestSince(since, { model: 'mistral-small-2506' })).status, 200);
    assert.equal(card.id, MODEL);
    assert.equal(card.name, 'mistral-small-2506');
    assert.deepEqual(card.aliases, ['mistral-small-2506']);
  });

  test('models.list returns the chat models as base model cards; models.retrieve one of them', async () => {
    const mistral = client();

    const list = await mistral.models.list();

    const ids = list.data.map((model) => model.id);
    assert.ok(ids.includes(MODEL), ids.join(', '));
    assert.ok(list.data.every((model) => model.type === 'base' && model.capabilities.completionChat));
    const one = await mistral.models.retrieve({ modelId: MODEL });
    assert.equal(one.id, MODEL);
  });

  test('structured output: chat.parse with a zod schema gets a strict json_schema answer it parses', async () => {
    const Movie = z.object({
      title: z.string(),
      year: z.number().int(),
      genre: z.enum(['COMEDY', 'DRAMA', 'HORROR']),
      tags: z.array(z.string()),
      sequel: z.string().optional(),
    });
    const Picks = z.object({ movies: z.array(Movie) });
    const since = await mark();

    const response = await client().chat.parse({
      model: MODEL, messages: [{ role: 'user', content: 'Recommend three horror movies.' }], responseFormat: Picks,
    });

    const { parsed } = response.choices[0].message;
    assert.equal(parsed.movies.length, 3);
    assert.ok(parsed.movies.every((movie) => movie.genre === 'HORROR' && Number.isInteger(movie.year)));
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(response.usage.promptTokens, seen.promptTokens);
    assert.equal(response.usage.completionTokens, seen.tokensSent);
  });

  test('structured output: a streamed json_schema answer comes in many chunks that join into the JSON', async () => {
    const stream = await client().chat.stream({
      model: MODEL,
      messages: [{ role: 'user', content: 'Recommend two drama movies.' }],
      responseFormat: {
        type: 'json_schema',
        jsonSchema: {
          name: 'picks',
          strict: true,
          schemaDefinition: {
            type: 'object',
            properties: { movies: { type: 'array', items: { $ref: '#/$defs/Movie' } } },
            required: ['movies'],
            additionalProperties: false,
            $defs: {
              Movie: {
                type: 'object',
                properties: { title: { type: 'string' }, rating: { type: ['number', 'null'] } },
                required: ['title', 'rating'],
                additionalProperties: false,
              },
            },
          },
        },
      },
    });

    const parts = [];
    for await (const event of stream) {
      parts.push(event.data.choices[0]?.delta?.content ?? '');
    }

    assert.ok(parts.length > 10, `${parts.length} chunk(s)`);
    const { movies } = JSON.parse(parts.join(''));
    assert.equal(movies.length, 2);
    assert.ok(movies.every((movie) => typeof movie.title === 'string' && typeof movie.rating === 'number'));
  });

  test('structured output: json_object gives a JSON object', async () => {
    const response = await client().chat.complete({
      model: MODEL, messages: [{ role: 'user', content: 'Why do cats purr? Answer in JSON.' }],
      responseFormat: { type: 'json_object' },
    });

    const answer = JSON.parse(response.choices[0].message.content);
    assert.equal(typeof answer, 'object');
    assert.ok(!Array.isArray(answer));
  });

  test('structured output: a schema with an unknown type is a 400 invalid_request_error', async () => {
    const error = await rejection(client().chat.complete({
      model: MODEL, messages: [{ role: 'user', content: 'Hi' }],
      responseFormat: { type: 'json_schema', jsonSchema: { name: 'x', schemaDefinition: { type: 'thing' } } },
    }));

    assert.ok(error instanceof MistralError, String(error));
    assert.equal(error.statusCode, 400);
    assert.equal(JSON.parse(error.body).type, 'invalid_request_error');
  });
});
