package io.github.asynccookbook.httpclient.reactornetty;

import dev.langchain4j.http.client.HttpClientBuilderFactory;

/** Lets LangChain4j find this transport through {@code ServiceLoader} when it is the only one on the class path. */
public class ReactorNettyHttpClientBuilderFactory implements HttpClientBuilderFactory {

    @Override
    public ReactorNettyHttpClientBuilder create() {
        return new ReactorNettyHttpClientBuilder();
    }
}
