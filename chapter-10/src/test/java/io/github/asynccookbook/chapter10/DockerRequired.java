package io.github.asynccookbook.chapter10;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

import java.util.concurrent.atomic.AtomicBoolean;

/** Container tests skip with a one-line reason when Docker or the local image is missing, and fail under REQUIRE_DOCKER=true. */
final class DockerRequired {

    private static final AtomicBoolean SAID_WHY = new AtomicBoolean();

    private DockerRequired() {
    }

    static void check(String image) {
        String reason = null;
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            reason = "Docker is not usable on this machine";
        } else {
            try {
                DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            } catch (RuntimeException e) {
                reason = "image " + image + " missing: run chapter-10/docker/build-images.sh";
            }
        }
        if (reason == null) {
            return;
        }
        if ("true".equals(System.getenv("REQUIRE_DOCKER"))) {
            Assertions.fail("REQUIRE_DOCKER=true but " + reason);
        }
        if (SAID_WHY.compareAndSet(false, true)) {   // once in the build log, not only in the test reports
            System.err.println("container tests skipped: " + reason + " (REQUIRE_DOCKER=true makes this fail)");
        }
        Assumptions.abort(reason);
    }
}
