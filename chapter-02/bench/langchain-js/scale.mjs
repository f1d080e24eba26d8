// LangChain.js side of chapter 02's scale benchmark (issue 9: "N=1,000 against LangChain.js, ours <= 0.8 of theirs").
// Streams N calls at once with LangChain's own Gemini or Mistral integration against an already running simulator,
// the same prompts as _05_Scale (Questions.about(i)), after a warm-up batch, and prints the same columns:
// answers, errors, wall time, slowest call, wall / slowest, plus this process's CPU time and peak RSS.
// Usage: SIM_URL=http://127.0.0.1:18791 node scale.mjs [--provider mistral|gemini] [--requests 1000] [--warm-up 200]
import { ChatGoogleGenerativeAI } from '@langchain/google-genai';
import { ChatMistralAI } from '@langchain/mistralai';

const TOPICS = ['sleep', 'coffee', 'tides', 'bridges', 'bees', 'compilers', 'glaciers', 'chess', 'bread', 'comets',
  'maps', 'violins'];
const MODELS = { gemini: 'gemini-2.5-flash', mistral: 'mistral-small-latest' };

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

/** The prompt _05_Scale sends as call number i (harness Questions.about). */
function about(i) {
  const topic = TOPICS[i % TOPICS.length];
  return `In one short paragraph, what matters most about ${i < TOPICS.length ? topic : `${topic} ${Math.floor(i / TOPICS.length) + 1}`}?`;
}

/** maxRetries 0 and no concurrency cap: one attempt per call, every call at once, as _05_Scale does. */
function model(provider, simUrl) {
  const key = 'simulated-key';
  if (provider === 'gemini') {
    return new ChatGoogleGenerativeAI({ model: MODELS.gemini, apiKey: key, baseUrl: simUrl, maxRetries: 0 });
  }
  if (provider === 'mistral') {
    return new ChatMistralAI({ model: MODELS.mistral, apiKey: key, serverURL: simUrl, maxRetries: 0 });
  }
  throw new Error(`unknown provider '${provider}': use gemini or mistral`);
}

/** One streamed call, its text gathered from the chunks; never rejects: the outcome says how it ended. */
async function call(chat, prompt) {
  const start = performance.now();
  try {
    let text = '';
    for await (const chunk of await chat.stream(prompt)) {
      text += chunk.text;
    }
    return { ok: text.length > 0, millis: performance.now() - start, error: text.length > 0 ? null : 'empty answer' };
  } catch (e) {
    return { ok: false, millis: performance.now() - start, error: `${e?.name ?? 'Error'}: ${String(e?.message ?? e).split('\n')[0].slice(0, 100)}` };
  }
}

async function batch(chat, n) {
  const start = performance.now();
  const outcomes = await Promise.all(Array.from({ length: n }, (_, i) => call(chat, about(i))));
  return { outcomes, wall: performance.now() - start };
}

const simUrl = process.env.SIM_URL;
if (!simUrl) {
  console.error('scale.mjs: set SIM_URL to a running simulator, e.g. http://127.0.0.1:18791');
  process.exit(2);
}
const provider = option('provider', 'mistral');
const requests = Number(option('requests', '1000'));
const warmUp = Number(option('warm-up', '200'));
let chat;
try {
  chat = model(provider, simUrl);
} catch (e) {
  console.error(`scale.mjs: ${e.message}`);
  process.exit(2);
}

if (warmUp > 0) {
  await batch(chat, warmUp);
}
const cpuBefore = process.cpuUsage();
const { outcomes, wall } = await batch(chat, requests);
const cpu = process.cpuUsage(cpuBefore);
const answers = outcomes.filter((o) => o.ok).length;
const slowest = Math.max(...outcomes.map((o) => o.millis));
const errors = new Map();
for (const o of outcomes.filter((x) => !x.ok)) {
  errors.set(o.error, (errors.get(o.error) ?? 0) + 1);
}
console.log(`LangChain.js (node ${process.version}), ${provider} ${MODELS[provider]} at ${simUrl}: `
  + `warmed up with ${warmUp} calls (not counted)`);
console.log('calls  answers  errors     wall  slowest call  wall/slowest  client CPU  peak RSS');
console.log(`${String(requests).padStart(5)}  ${String(answers).padStart(7)}  ${String(requests - answers).padStart(6)}  `
  + `${(wall / 1000).toFixed(3).padStart(6)}s  ${(slowest / 1000).toFixed(3).padStart(11)}s  `
  + `${(wall / slowest).toFixed(2).padStart(11)}x  ${((cpu.user + cpu.system) / 1000).toFixed(0).padStart(7)} ms  `
  + `${(process.resourceUsage().maxRSS / 1024).toFixed(0).padStart(5)} MB`);
for (const [error, count] of errors) {
  console.log(`  ${count} x ${error}`);
}
process.exit(answers === requests ? 0 : 1);
