-- One Gemini SSE stream per request, ~100-160 output tokens in coarse chunks.
wrk.method = "POST"
wrk.path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
wrk.headers["x-goog-api-key"] = "bench"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"contents":[{"role":"user","parts":[{"text":"Give 3 bullet points about: Batching requests"}]}]}'
