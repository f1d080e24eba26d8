package io.github.asynccookbook.chapter10;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The provider simulator as a container, like Testcontainers' {@code OllamaContainer}: start it, then point
 * LangChain4j's Gemini model at {@link #geminiBaseUrl()} and Mistral's at {@link #mistralBaseUrl()}.
 * The image is built locally by {@code chapter-10/docker/build-images.sh}; with a registry, push it and use its name.
 */
public class SimulatorContainer extends GenericContainer<SimulatorContainer> {

    public static final String DEFAULT_IMAGE = "local/llm-simulator:1";
    public static final int PORT = 8080;

    public SimulatorContainer() {
        this(DockerImageName.parse(System.getProperty("tc.simulator.image", DEFAULT_IMAGE)));
    }

    public SimulatorContainer(DockerImageName image) {
        super(image);
        withExposedPorts(PORT);
        withCommand("--host", "0.0.0.0", "--port", String.valueOf(PORT));
        waitingFor(Wait.forHttp("/_sim/stats").forStatusCode(200));
        if (image.asCanonicalNameString().startsWith("local/")) {
            withImagePullPolicy(name -> false);   // a missing local image fails at once instead of trying a pull
        }
    }

    /** Runs the simulator faster than real time: 0.1 means every delay and rate-limit window is ten times shorter. */
    public SimulatorContainer withTimeScale(double timeScale) {
        withCommand("--host", "0.0.0.0", "--port", String.valueOf(PORT), "--time-scale", String.valueOf(timeScale));
        return self();
    }

    /** {@code http://host:mappedPort}, both APIs and {@code /_sim/stats}. */
    public String baseUrl() {
        return "http://" + getHost() + ":" + getMappedPort(PORT);
    }

    /** Base URL for {@code GoogleAiGeminiChatModel.builder().baseUrl(...)}. */
    public String geminiBaseUrl() {
        return baseUrl() + "/v1beta";
    }

    /** Base URL for {@code MistralAiChatModel.builder().baseUrl(...)}. */
    public String mistralBaseUrl() {
        return baseUrl() + "/v1";
    }
}
