// Streams one answer per provider from GET /stream (Server-Sent Events) side by side.
// Model output is untrusted: it is only ever added as text (textContent), never parsed as HTML.
"use strict";

const streams = new Map();   // provider -> its open EventSource

function el(id) {
    return document.getElementById(id);
}

function setStatus(provider, text, failed) {
    const status = el("status-" + provider);
    status.textContent = text;
    status.className = failed ? "error" : "";
}

function finish(provider) {
    const source = streams.get(provider);
    if (source) {
        source.close();     // also keeps EventSource from reconnecting, which would ask again
        streams.delete(provider);
    }
    if (streams.size === 0) {
        el("stop").disabled = true;
        el("ask").disabled = false;
    }
}

function ask(provider, question) {
    const output = el("out-" + provider);
    output.textContent = "";
    el("ttft-" + provider).textContent = "–";
    el("rate-" + provider).textContent = "–";
    setStatus(provider, "waiting", false);
    const started = performance.now();
    let firstToken = 0;
    let chunks = 0;
    const url = "/stream?provider=" + encodeURIComponent(provider) + "&question=" + encodeURIComponent(question);
    const source = new EventSource(url);
    streams.set(provider, source);
    source.addEventListener("token", (event) => {
        const now = performance.now();
        if (chunks === 0) {
            firstToken = now;
            el("ttft-" + provider).textContent = Math.round(now - started) + " ms";
            setStatus(provider, "streaming", false);
        }
        chunks++;
        output.append(event.data);                      // a text node: "<img ...>" stays characters
        const seconds = (now - firstToken) / 1000;
        if (seconds > 0) {
            el("rate-" + provider).textContent = (chunks / seconds).toFixed(1);
        }
    });
    source.addEventListener("done", (event) => {
        const done = JSON.parse(event.data);
        const tokens = done.usage && done.usage.outputTokens;
        const seconds = (performance.now() - firstToken) / 1000;
        if (tokens && seconds > 0) {
            el("rate-" + provider).textContent = (tokens / seconds).toFixed(1);
        }
        setStatus(provider, "done · " + (tokens || chunks) + " tokens · " + done.model, false);
        finish(provider);
    });
    source.addEventListener("error", (event) => {
        if (event.data !== undefined) {                 // the server's typed "error" event
            setStatus(provider, JSON.parse(event.data).error, true);
        } else if (streams.has(provider)) {             // the connection failed or was refused
            setStatus(provider, "connection failed", true);
        }
        finish(provider);
    });
}

async function providers() {
    try {
        const health = await (await fetch("/health")).json();
        return health.providers;
    } catch (e) {
        return ["gemini", "mistral"];
    }
}

el("ask-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const question = el("question").value.trim();
    if (!question) {
        return;
    }
    el("ask").disabled = true;
    el("stop").disabled = false;
    for (const provider of await providers()) {
        if (el("out-" + provider)) {
            ask(provider, question);
        }
    }
});

el("stop").addEventListener("click", () => {
    for (const provider of [...streams.keys()]) {
        setStatus(provider, "stopped", false);
        finish(provider);
    }
});

providers().then((configured) => {
    for (const section of document.querySelectorAll("section[data-provider]")) {
        section.hidden = !configured.includes(section.dataset.provider);
    }
});
