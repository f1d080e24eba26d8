package io.github.asynccookbook.recipes;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.memory.ChatMemoryAccess;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The source's {@code async with} chat session: a conversation whose history lives in a {@link MessageWindowChatMemory}
 * for as long as the session is open, and is cleared when it closes (try-with-resources, or Reactor's
 * {@code Mono.using}). Every session of a {@link Service} talks through ONE AI service: the session's id is the
 * {@code @MemoryId} that picks its memory, so thousands of sessions share one thread-safe service object.
 *
 * <pre>{@code
 * ChatSession.Service service = new ChatSession.Service(model, "You are a helpful librarian.", 10);
 * try (ChatSession session = service.open()) {
 *     session.send("Hi, I'm Ada.");
 *     session.send("What is my name?");   // sent with the first turn as history
 * }                                       // history cleared here
 * }</pre>
 *
 * One session's turns are serialised (a lock): LangChain4j's memories are not safe for two turns of the same id at
 * once, and a conversation has an order anyway. Different sessions never wait for each other.
 */
public final class ChatSession implements AutoCloseable {

    /** The shape of the shared AI service: the session id selects the memory. */
    public interface Assistant extends ChatMemoryAccess {
        String chat(@MemoryId String sessionId, @UserMessage String message);
    }

    /** One AI service with one bounded memory per session id; thread-safe, share one between all sessions. */
    public static final class Service {
        private final Assistant assistant;
        private final Set<String> open = ConcurrentHashMap.newKeySet();

        /**
         * @param maxMessages the window: the most messages (system message included) the memory keeps; a turn sends
         *                    them and then its own message, so up to {@code maxMessages + 1}
         */
        public Service(ChatModel model, String systemMessage, int maxMessages) {
            this.assistant = AiServices.builder(Assistant.class)
                    .chatModel(model)
                    .systemMessageProvider(sessionId -> systemMessage)
                    .chatMemoryProvider(sessionId -> MessageWindowChatMemory.builder()
                            .id(sessionId).maxMessages(maxMessages).build())
                    .build();
        }

        public ChatSession open() {
            var session = new ChatSession(assistant, UUID.randomUUID().toString(), open::remove);
            open.add(session.id());
            return session;
        }

        /** Sessions opened and not closed yet: after a {@code Mono.using} or try-with-resources block, none. */
        public int openSessions() {
            return open.size();
        }

        /** Whether the service still holds a memory for this session id (it does not once the session closed). */
        public boolean holdsMemoryOf(String sessionId) {
            return assistant.getChatMemory(sessionId) != null;
        }
    }

    /** A turn blocks a virtual thread while the model answers, not one of boundedElastic's few platform threads. */
    private static final Scheduler TURNS = Schedulers.fromExecutorService(
            Executors.newVirtualThreadPerTaskExecutor(), "chat-session");

    private final Assistant assistant;
    private final String id;
    private final Consumer<String> onClose;
    private final ReentrantLock turn = new ReentrantLock();
    private boolean closed;

    private ChatSession(Assistant assistant, String id, Consumer<String> onClose) {
        this.assistant = assistant;
        this.id = id;
        this.onClose = onClose;
    }

    public String id() {
        return id;
    }

    /** One turn: the history and this message go to the model; the message and the answer join the history. */
    public String send(String message) {
        turn.lock();
        try {
            if (closed) {
                throw new IllegalStateException("chat session " + id + " is closed");
            }
            return assistant.chat(id, message);
        } finally {
            turn.unlock();
        }
    }

    /** {@link #send} on a virtual thread; nothing is sent before subscription. */
    public Mono<String> sendAsync(String message) {
        return Mono.fromCallable(() -> send(message)).subscribeOn(TURNS);
    }

    /** The messages the next turn will send before its own (within the window); empty once closed. */
    public List<ChatMessage> history() {
        ChatMemory memory = assistant.getChatMemory(id);
        return memory == null ? List.of() : memory.messages();
    }

    /** Clears the history (also from a persistent ChatMemoryStore) and lets the service forget the session. */
    @Override
    public void close() {
        turn.lock();
        try {
            closed = true;
            ChatMemory memory = assistant.getChatMemory(id);
            if (memory != null) {
                memory.clear();
            }
            assistant.evictChatMemory(id);
            onClose.accept(id);
        } finally {
            turn.unlock();
        }
    }
}
