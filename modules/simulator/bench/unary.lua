-- One non-streaming Mistral chat completion per request.
wrk.method = "POST"
wrk.path = "/v1/chat/completions"
wrk.headers["Authorization"] = "Bearer bench"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"mistral-small-latest","messages":[{"role":"user","content":"Why do some birds migrate?"}]}'
