package io.github.asynccookbook.simulator.engine;

import io.github.asynccookbook.simulator.BatchStats;
import io.github.asynccookbook.simulator.ModelProfile;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.SimulatorConfig;
import io.github.asynccookbook.simulator.batch.BatchSubmission;
import io.github.asynccookbook.simulator.batch.BatchView;
import io.github.asynccookbook.simulator.batch.BatchWire;
import io.github.asynccookbook.simulator.batch.ItemOutcome;
import io.github.asynccookbook.simulator.protocol.ApiError;
import io.github.asynccookbook.simulator.protocol.ChatProtocol;
import io.github.asynccookbook.simulator.protocol.HttpReply;
import io.github.asynccookbook.simulator.protocol.InboundRequest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.server.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Batch APIs of both providers: Gemini {@code models/{m}:batchGenerateContent} and {@code batches/…} (get, list,
 * {@code :cancel}, delete), Mistral {@code /v1/batch/jobs} (create, get, list, {@code /cancel}, delete) and
 * {@code /v1/files/{id}/content}. Same keys as the chat routes; no rate limit (the providers queue batch work
 * instead). {@code X-Sim-Batch: fail} or {@code expire} on a create forces the job to end that way as it leaves
 * the queue.
 */
final class BatchApi {

    private static final Pattern GEMINI_CREATE = Pattern.compile("^(?:.*?)/(v1beta|v1)/models/([^/:]+):batchGenerateContent$");
    private static final Pattern GEMINI_BATCHES = Pattern.compile("^(?:.*?)/(v1beta|v1)/batches(?:/([^/:]+)(:cancel)?)?/?$");
    private static final Pattern MISTRAL_JOBS = Pattern.compile("^/v1/batch/jobs(?:/([^/]+?)(/cancel)?)?/?$");
    private static final Pattern MISTRAL_FILE = Pattern.compile("^/v1/files/([^/]+)/content$");
    private static final int GEMINI_PAGE_SIZE = 50;
    private static final int MISTRAL_PAGE_SIZE = 100;
    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final SimulatorConfig config;
    private final SimulatorClock clock;
    private final ChatProtocol gemini;
    private final ChatProtocol mistral;
    private final BatchWire geminiWire;
    private final BatchWire mistralWire;
    private final BatchItems items;
    private final ApiKeyCheck keys;
    private final BatchStore store = new BatchStore();
    private final SplittableRandom ids;

    BatchApi(SimulatorConfig config, SimulatorClock clock, ChatProtocol gemini, ChatProtocol mistral,
             BatchWire geminiWire, BatchWire mistralWire, BatchItems items) {
        this.config = config;
        this.clock = clock;
        this.gemini = gemini;
        this.mistral = mistral;
        this.geminiWire = geminiWire;
        this.mistralWire = mistralWire;
        this.items = items;
        this.keys = new ApiKeyCheck(config);
        this.ids = new SplittableRandom(config.seed() ^ 0xBA7C4L);
    }

    /** Whether a path is one of the Batch API routes. */
    static boolean owns(String path) {
        return GEMINI_CREATE.matcher(path).matches() || GEMINI_BATCHES.matcher(path).matches()
                || MISTRAL_JOBS.matcher(path).matches() || MISTRAL_FILE.matcher(path).matches();
    }

    Mono<Void> handle(InboundRequest request, HttpServerResponse response) {
        return Replies.send(response, answer(request));
    }

    BatchStats stats() {
        return store.stats(clock.nanos(), clock);
    }

    void reset() {
        store.clear();
    }

    private HttpReply answer(InboundRequest request) {
        String path = request.path();
        Matcher create = GEMINI_CREATE.matcher(path);
        if (create.matches()) {
            return guarded(gemini, create.group(1), request, () -> request.method().equals("POST")
                    ? create(gemini, geminiWire, request, create.group(2), create.group(1)) : null);
        }
        Matcher batches = GEMINI_BATCHES.matcher(path);
        if (batches.matches()) {
            String id = batches.group(2) == null ? null : "batches/" + batches.group(2);
            return guarded(gemini, batches.group(1), request,
                    () -> existing(geminiWire, request, id, batches.group(3) != null));
        }
        Matcher jobs = MISTRAL_JOBS.matcher(path);
        if (jobs.matches()) {
            if (jobs.group(1) == null && request.method().equals("POST")) {
                return guarded(mistral, "v1", request, () -> create(mistral, mistralWire, request, null, "v1"));
            }
            return guarded(mistral, "v1", request, () -> existing(mistralWire, request, jobs.group(1),
                    jobs.group(2) != null));
        }
        Matcher file = MISTRAL_FILE.matcher(path);
        file.matches();
        return guarded(mistral, "v1", request, () -> request.method().equals("GET") ? file(file.group(1)) : null);
    }

    /** Auth first, as on every route; a null answer is a method the route does not take (404, as the APIs say). */
    private HttpReply guarded(ChatProtocol protocol, String version, InboundRequest request,
                              java.util.function.Supplier<HttpReply> answer) {
        try {
            keys.verify(protocol, request);
            HttpReply reply = answer.get();
            return reply != null ? reply : protocol.error(ApiError.of(ApiError.Kind.NOT_FOUND, request.path()), version);
        } catch (ApiError error) {
            return protocol.error(error, version);
        }
    }

    private HttpReply create(ChatProtocol protocol, BatchWire wire, InboundRequest request, String modelFromPath,
                             String version) {
        BatchSubmission submission = wire.parseCreate(request, modelFromPath);
        ModelProfile profile = config.models().get(submission.model());
        if (profile == null || profile.protocol() != protocol.protocol()) {
            throw ApiError.of(ApiError.Kind.MODEL_NOT_FOUND, submission.model());
        }
        BatchJob.Forced forced = forced(request.header("x-sim-batch"));
        CompletableFuture<List<ItemOutcome>> outcomes = CompletableFuture.supplyAsync(
                () -> items.answer(protocol, submission.model(), version, submission.items()),
                work -> Schedulers.boundedElastic().schedule(work));
        long now = clock.nanos();
        BatchTiming timing = BatchTiming.DEFAULT;
        var job = new BatchJob(newId(protocol.protocol()), wire, submission, outcomes, clock::nanos, fileId(),
                fileId(), now, System.currentTimeMillis(), timing.queueNanos(config),
                timing.processingNanos(config, submission.items().size()), BatchTiming.timeoutNanos(config, submission.timeout()),
                timing.cancellationNanos(config, protocol.protocol() == Protocol.MISTRAL), forced);
        store.add(job);
        return wire.job(job.view(now));
    }

    /** Get, list, cancel or delete; {@code id} null means the collection. */
    private HttpReply existing(BatchWire wire, InboundRequest request, String id, boolean cancel) {
        String method = request.method();
        if (id == null) {
            return method.equals("GET") ? list(wire, request) : null;
        }
        var found = store.find(wire.protocol(), id);
        if (found.isEmpty()) {
            return wire.notFound("Batch job " + id);
        }
        BatchJob job = found.get();
        long now = clock.nanos();
        if (cancel) {
            if (!method.equals("POST")) {
                return null;
            }
            job.cancel(now);
            return wire.cancelled(job.view(now));
        }
        return switch (method) {
            case "GET" -> wire.job(job.view(now));
            case "DELETE" -> {
                job.delete();
                yield wire.deleted(id);
            }
            default -> null;
        };
    }

    /** Gemini: {@code pageSize}, an opaque {@code pageToken}; Mistral: {@code page} from 0 and {@code page_size}. */
    private HttpReply list(BatchWire wire, InboundRequest request) {
        List<BatchJob> all = store.newestFirst(wire.protocol());
        boolean gemini = wire.protocol() == Protocol.GEMINI;
        int size = positive(request.query().get(gemini ? "pageSize" : "page_size"), gemini ? GEMINI_PAGE_SIZE : MISTRAL_PAGE_SIZE);
        int from = gemini ? offset(request.query().get("pageToken")) : size * positive(request.query().get("page"), 0);
        int to = Math.min(all.size(), from + size);
        long now = clock.nanos();
        List<BatchView> page = from >= all.size() ? List.of()
                : all.subList(from, to).stream().map(job -> job.view(now)).toList();
        String next = to < all.size() ? (gemini ? token(to) : String.valueOf(from / size + 1)) : null;
        return wire.page(page, next, all.size());
    }

    private HttpReply file(String id) {
        var found = store.file(id);
        if (found.isEmpty()) {
            return mistralWire.notFound("File " + id);
        }
        BatchJob job = found.get().job();
        BatchView view = job.view(clock.nanos());
        boolean errors = found.get().errors();
        String exposed = errors ? view.errorFileId() : view.outputFileId();
        if (exposed == null) {
            return mistralWire.notFound("File " + id);
        }
        return mistralWire.file(job.id, view.results().stream().filter(r -> r.succeeded() != errors).toList());
    }

    private static BatchJob.Forced forced(String header) {
        if (header == null) {
            return BatchJob.Forced.NONE;
        }
        return switch (header.trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> BatchJob.Forced.FAIL;
            case "expire" -> BatchJob.Forced.EXPIRE;
            default -> throw ApiError.of(ApiError.Kind.INVALID_REQUEST,
                    "Unknown X-Sim-Batch value '" + header + "' (fail or expire).");
        };
    }

    private synchronized String newId(Protocol protocol) {
        if (protocol == Protocol.MISTRAL) {
            return fileId();
        }
        StringBuilder id = new StringBuilder("batches/");
        for (int i = 0; i < 32; i++) {
            id.append(ALPHANUMERIC.charAt(ids.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    /** A version-4 UUID, as Mistral's ids are, drawn from the seed. */
    private synchronized String fileId() {
        long high = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long low = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static int positive(String value, int otherwise) {
        try {
            return value == null ? otherwise : Math.max(otherwise == 0 ? 0 : 1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw ApiError.of(ApiError.Kind.INVALID_REQUEST, "Invalid page parameter: " + value);
        }
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("o" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith("o")) {
                return Math.max(0, Integer.parseInt(decoded.substring(1)));
            }
        } catch (IllegalArgumentException invalid) {
            // falls through to the refusal below
        }
        throw ApiError.of(ApiError.Kind.INVALID_REQUEST, "Invalid page token.");
    }
}
