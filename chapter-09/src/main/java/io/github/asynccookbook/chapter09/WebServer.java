package io.github.asynccookbook.chapter09;

/** A running server of this chapter: where it listens, and how to stop it. */
public interface WebServer extends AutoCloseable {

    /** E.g. {@code http://127.0.0.1:8080}, no trailing slash. */
    String url();

    @Override
    void close();
}
