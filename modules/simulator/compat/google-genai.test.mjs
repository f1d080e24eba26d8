// Google's own SDK, @google/genai, against the simulator's Gemini API (v1beta and v1).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, GoogleGenAI, Type } from '@google/genai';
import {
  API_KEY, SIM_URL, WRONG_KEY, mark, onlyRequestSince, rejection, rejectionBeforeFirstChunk, versionOf,
} from './sim.mjs';

const MODEL = 'gemini-2.5-flash';
const PROMPT = 'Explain in two sentences why the sky is blue [sim:tokens=150]';

/** No retryOptions: the SDK tries once, so a 429 surfaces at once. */
function client({ key = API_KEY, apiVersion } = {}) {
  return new GoogleGenAI({ apiKey: key, httpOptions: { baseUrl: SIM_URL, ...(apiVersion && { apiVersion }) } });
}

const WEATHER = {
  name: 'get_weather',
  description: 'Returns the current weather for a city',
  parametersJsonSchema: {
    type: 'object',
    properties: { city: { type: 'string', description: 'the city name' } },
    required: ['city'],
  },
};

describe(`@google/genai ${versionOf('@google/genai')}`, () => {
  for (const apiVersion of [undefined, 'v1beta', 'v1']) {
    test(`unary answer, usage as the simulator counted it (API version ${apiVersion ?? 'default'})`, async () => {
      const since = await mark();

      const response = await client({ apiVersion }).models.generateContent({ model: MODEL, contents: PROMPT });

      assert.ok(response.text.trim().length > 0);
      assert.equal(response.candidates[0].finishReason, 'STOP');
      assert.equal(response.modelVersion, MODEL);
      const seen = await onlyRequestSince(since, { model: MODEL });
      assert.equal(seen.status, 200);
      assert.equal(seen.stream, false);
      assert.equal(response.usageMetadata.promptTokenCount, seen.promptTokens);
      assert.equal(response.usageMetadata.candidatesTokenCount, seen.tokensSent);
      assert.equal(response.usageMetadata.totalTokenCount, seen.promptTokens + seen.tokensSent);
    });
  }

  for (const apiVersion of ['v1beta', 'v1']) {
    test(`streamed answer: several chunks adding up to the unary text, cumulative usage (${apiVersion})`, async () => {
      const unary = await client({ apiVersion }).models.generateContent({ model: MODEL, contents: PROMPT });
      const since = await mark();

      const chunks = [];
      for await (const chunk of await client({ apiVersion }).models.generateContentStream({
        model: MODEL, contents: PROMPT,
      })) {
        chunks.push(chunk);
      }

      assert.ok(chunks.length > 1, `${chunks.length} chunk(s)`);
      assert.equal(chunks.map((chunk) => chunk.text ?? '').join(''), unary.text);
      assert.equal(new Set(chunks.map((chunk) => chunk.responseId)).size, 1);
      const last = chunks.at(-1);
      assert.equal(last.candidates[0].finishReason, 'STOP');
      assert.ok(chunks.slice(0, -1).every((chunk) => chunk.candidates[0].finishReason === undefined));
      const seen = await onlyRequestSince(since, { model: MODEL });
      assert.equal(seen.stream, true);
      assert.equal(seen.status, 200);
      assert.equal(last.usageMetadata.promptTokenCount, seen.promptTokens);
      assert.equal(last.usageMetadata.candidatesTokenCount, seen.tokensSent);
    });
  }

  test('tool call round trip: the call carries the city, the answer uses the result', async () => {
    const ai = client();
    const config = { tools: [{ functionDeclarations: [WEATHER] }] };
    const question = { role: 'user', parts: [{ text: 'What is the weather in Paris right now?' }] };

    const first = await ai.models.generateContent({ model: MODEL, contents: [question], config });
    assert.equal(first.functionCalls.length, 1);
    const [call] = first.functionCalls;
    assert.equal(call.name, 'get_weather');
    assert.deepEqual(call.args, { city: 'Paris' });

    const final = await ai.models.generateContent({
      model: MODEL,
      config,
      contents: [
        question,
        first.candidates[0].content,
        { role: 'user', parts: [{ functionResponse: { name: call.name, response: { result: 'sunny, 21 °C' } } }] },
      ],
    });
    assert.equal(final.functionCalls, undefined);
    assert.match(final.text, /sunny/);
  });

  test('a forced 429 is an ApiError with status 429 and Google\'s quota body', async () => {
    const since = await mark();

    const error = await rejection(client().models.generateContent({
      model: MODEL, contents: 'Hello [sim:fault=429]',
    }));

    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.status, 429);
    const body = JSON.parse(error.message);
    assert.equal(body.error.status, 'RESOURCE_EXHAUSTED');
    assert.ok(body.error.details.some((detail) => detail['@type'] === 'type.googleapis.com/google.rpc.RetryInfo'));
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(seen.status, 429);
    assert.equal(seen.fault, 'RATE_LIMITED');
  });

  test('a forced 429 on a stream is an ApiError before the first chunk', async () => {
    const since = await mark();

    const error = await rejectionBeforeFirstChunk(client().models.generateContentStream({
      model: MODEL, contents: 'Hello [sim:fault=429]',
    }));

    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.status, 429);
    assert.equal((await onlyRequestSince(since, { model: MODEL })).status, 429);
  });

  // The SDK's default (2.x) is v1beta; the message names the version the path asked for.
  for (const [apiVersion, inPath] of [[undefined, 'v1beta'], ['v1beta', 'v1beta'], ['v1', 'v1']]) {
    test(`an unknown model is a 404 NOT_FOUND naming the API version (${apiVersion ?? 'default'})`, async () => {
      const since = await mark();

      const error = await rejection(client({ apiVersion }).models.generateContent({
        model: 'gemini-0-nonexistent', contents: 'Hello',
      }));

      assert.ok(error instanceof ApiError, String(error));
      assert.equal(error.status, 404);
      const body = JSON.parse(error.message);
      assert.equal(body.error.status, 'NOT_FOUND');
      assert.match(body.error.message, new RegExp(`for API version ${inPath},`));
      assert.equal((await onlyRequestSince(since, { model: 'gemini-0-nonexistent' })).status, 404);
    });
  }

  test('a wrong key is a 400 INVALID_ARGUMENT with reason API_KEY_INVALID', async () => {
    const since = await mark();

    const error = await rejection(client({ key: WRONG_KEY }).models.generateContent({
      model: MODEL, contents: 'Hello',
    }));

    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.status, 400);
    const body = JSON.parse(error.message);
    assert.equal(body.error.status, 'INVALID_ARGUMENT');
    assert.equal(body.error.details[0].reason, 'API_KEY_INVALID');
    assert.equal((await onlyRequestSince(since, { protocol: 'GEMINI', model: MODEL })).status, 400);
  });

  test('gemini-flash-latest answers as its model, is listed as its own entry, and is counted under its own name', async () => {
    const since = await mark();
    const ai = client();

    const response = await ai.models.generateContent({ model: 'gemini-flash-latest', contents: PROMPT });
    const model = await ai.models.get({ model: 'gemini-flash-latest' });

    assert.ok(response.text.trim().length > 0);
    assert.equal(model.name, 'models/gemini-flash-latest');
    assert.equal(model.displayName, 'Gemini Flash Latest');
    const seen = await onlyRequestSince(since, { model: 'gemini-flash-latest' });
    assert.equal(seen.status, 200);
    assert.equal(response.usageMetadata.candidatesTokenCount, seen.tokensSent);
  });

  for (const apiVersion of ['v1beta', 'v1']) {
    test(`models.list pages, models.get returns one (${apiVersion}; GET /v1/models is Mistral's too)`, async () => {
      const ai = client({ apiVersion });
      const pager = await ai.models.list({ config: { pageSize: 2 } });
      assert.equal(pager.page.length, 2);
      assert.ok(pager.hasNextPage());

      const names = [];
      for await (const model of pager) {
        names.push(model.name);
      }

      assert.ok(names.length > 2, names.join(', '));
      assert.equal(new Set(names).size, names.length);
      assert.ok(names.includes(`models/${MODEL}`));
      const model = await ai.models.get({ model: MODEL });
      assert.equal(model.name, `models/${MODEL}`);
      assert.ok(model.inputTokenLimit > 0);
      assert.ok(model.supportedActions.includes('generateContent'));
    });
  }

  test('structured output: responseSchema gives JSON with every required field, the enum value named, usage as counted', async () => {
    const since = await mark();
    const responseSchema = {
      type: Type.OBJECT,
      properties: {
        title: { type: Type.STRING },
        year: { type: Type.INTEGER },
        genre: { type: Type.STRING, enum: ['FANTASY', 'MYSTERY', 'HORROR'] },
        themes: { type: Type.ARRAY, items: { type: Type.STRING } },
        inPrint: { type: Type.BOOLEAN, nullable: true },
      },
      required: ['title', 'year', 'genre', 'themes'],
      propertyOrdering: ['title', 'year', 'genre', 'themes', 'inPrint'],
    };

    const response = await client().models.generateContent({
      model: MODEL, contents: 'Recommend a mystery book with four themes.',
      config: { responseMimeType: 'application/json', responseSchema },
    });

    const book = JSON.parse(response.text);
    assert.deepEqual(Object.keys(book), ['title', 'year', 'genre', 'themes', 'inPrint']);
    assert.equal(typeof book.title, 'string');
    assert.ok(Number.isInteger(book.year));
    assert.equal(book.genre, 'MYSTERY');
    assert.equal(book.themes.length, 4);
    assert.ok(book.themes.every((theme) => typeof theme === 'string'));
    const seen = await onlyRequestSince(since, { model: MODEL });
    assert.equal(response.usageMetadata.promptTokenCount, seen.promptTokens);
    assert.equal(response.usageMetadata.candidatesTokenCount, seen.tokensSent);
  });

  test('structured output: a streamed responseJsonSchema answer joins into JSON in the schema\'s key order', async () => {
    const responseJsonSchema = {
      type: 'object',
      properties: {
        movies: {
          type: 'array', minItems: 1,
          items: {
            type: 'object',
            properties: { title: { type: 'string' }, rating: { type: 'number' }, summary: { type: 'string' } },
            required: ['title', 'rating', 'summary'],
          },
        },
      },
      required: ['movies'],
    };

    const chunks = [];
    for await (const chunk of await client().models.generateContentStream({
      model: MODEL, contents: 'Recommend three comedy movies and explain each in detail.',
      config: { responseMimeType: 'application/json', responseJsonSchema },
    })) {
      chunks.push(chunk.text ?? '');
    }

    assert.ok(chunks.length > 1, `${chunks.length} chunk(s)`);
    const { movies } = JSON.parse(chunks.join(''));
    assert.equal(movies.length, 3);
    for (const movie of movies) {
      assert.deepEqual(Object.keys(movie), ['title', 'rating', 'summary']);
      assert.equal(typeof movie.rating, 'number');
    }
  });

  test('structured output: text/x.enum answers one enum value as bare text', async () => {
    const response = await client().models.generateContent({
      model: MODEL, contents: 'Is "the food was awful" POSITIVE or NEGATIVE? It is negative.',
      config: { responseMimeType: 'text/x.enum', responseSchema: { type: Type.STRING, enum: ['POSITIVE', 'NEGATIVE'] } },
    });

    assert.ok(['POSITIVE', 'NEGATIVE'].includes(response.text), response.text);
  });

  test('structured output: an OBJECT without properties is a 400 INVALID_ARGUMENT in Google\'s words', async () => {
    const error = await rejection(client().models.generateContent({
      model: MODEL, contents: 'Recommend a book.',
      config: { responseMimeType: 'application/json', responseSchema: { type: Type.OBJECT } },
    }));

    assert.ok(error instanceof ApiError, String(error));
    assert.equal(error.status, 400);
    assert.match(error.message, /response_schema\.properties: should be non-empty for OBJECT type/);
  });
});
