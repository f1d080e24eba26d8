package io.github.asynccookbook.chapter09;

import io.github.asynccookbook.recipes.AskServer;
import io.github.asynccookbook.simulator.Protocol;
import io.github.asynccookbook.simulator.RequestRecord;
import io.github.asynccookbook.simulator.junit.SimulatorExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The page in headless Chromium, on each server: both answers stream in side by side with their TTFT and rate, the
 * stop button closes both streams (the simulator records two disconnects), and model output is shown as text.
 */
class BrowserTest {

    /** Real provider timings, so that the screenshot shows a TTFT and a rate like Gemini's and Mistral's. */
    @RegisterExtension
    static SimulatorExtension sim = SimulatorExtension.configured(c -> c.timeScale(1)
            .stallDuration(Duration.ofMinutes(100)));

    /** No heartbeat while a test runs: a stop is seen because the servers watch the connection, not by a write. */
    static final AskServer.Settings SETTINGS = AskServer.Settings.defaults().withHeartbeat(Duration.ofMinutes(10));
    static final List<String> PROVIDERS = List.of("gemini", "mistral");

    private static final Map<TestServers, WebServer> RUNNING = new HashMap<>();
    private static WebDriver browser;

    @BeforeAll
    static void openBrowser() {
        Browser.requireBrowser();
        browser = Browser.start();
    }

    @AfterAll
    static void closeBrowserAndServers() {
        if (browser != null) {
            browser.quit();
        }
        RUNNING.values().forEach(WebServer::close);
        RUNNING.clear();
    }

    @AfterEach
    void leavePage() {
        browser.get("about:blank");   // closes the page's streams before the next test
    }

    private void openPage(TestServers kind) {
        WebServer server = RUNNING.computeIfAbsent(kind, k -> {
            WebServer started = k.start(sim.simulator(), SETTINGS);
            // A fresh JVM's first call to a provider takes seconds (class loading, TLS, JIT): not the page's TTFT.
            var http = new Http(started.url());
            PROVIDERS.forEach(p -> http.get("/query?provider=" + p + "&q=warm%20up%20%5Bsim%3Atokens%3D5%5D"));
            sim.simulator().reset();
            return started;
        });
        browser.get(server.url() + "/");
        // The page hides the panels of providers the server lacks once /health has answered.
        waitUntil(() -> browser.findElements(By.cssSelector("section[data-provider]")).stream()
                .allMatch(WebElement::isDisplayed));
    }

    private void ask(String question) {
        WebElement box = browser.findElement(By.id("question"));
        box.clear();
        box.sendKeys(question);
        browser.findElement(By.id("ask")).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> condition.getAsBoolean());
    }

    private static List<RequestRecord> requests() {
        return sim.simulator().stats().requests();
    }

    @ParameterizedTest
    @EnumSource(TestServers.class)
    void bothAnswersStreamInSideBySideWithTheirTtftAndRate(TestServers kind) throws IOException {
        openPage(kind);
        ask("Explain why streaming answers feel faster than waiting for the whole reply. [sim:tokens=120]");

        waitUntil(() -> PROVIDERS.stream().allMatch(p -> text("status-" + p).startsWith("done")));
        for (String provider : PROVIDERS) {
            assertThat(text("out-" + provider)).isNotBlank();
            assertThat(text("ttft-" + provider)).matches("\\d+ ms");
            assertThat(text("rate-" + provider)).matches("\\d+\\.\\d");
            assertThat(text("status-" + provider)).startsWith("done · 120 tokens · ");
        }
        assertThat(requests()).extracting(RequestRecord::protocol)
                .containsExactlyInAnyOrder(Protocol.GEMINI, Protocol.MISTRAL);
        assertThat(requests()).allSatisfy(r -> {
            assertThat(r.tokensSent()).isEqualTo(120);
            assertThat(r.clientDisconnected()).isFalse();
        });
        if (kind == TestServers.JAVALIN) {   // the README's picture: -Dscreenshot.update=true puts it in docs/
            Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
            Path to = Boolean.getBoolean("screenshot.update") ? Path.of("docs/page.png") : Path.of("target/page.png");
            Files.createDirectories(to.getParent());
            Files.copy(shot, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServers.class)
    void stopClosesBothStreamsAndTheSimulatorRecordsTwoDisconnects(TestServers kind) {
        openPage(kind);
        ask("Tell me a long story. [sim:fault=stall-stream] [sim:tokens=400]");
        waitUntil(() -> PROVIDERS.stream().allMatch(p -> text("status-" + p).equals("streaming")
                && !text("out-" + p).isBlank()));

        long stoppedAt = stop();

        for (String provider : PROVIDERS) {
            assertThat(text("status-" + provider)).isEqualTo("stopped");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(requests()).hasSize(2)
                .allSatisfy(r -> {
                    assertThat(r.clientDisconnected()).isTrue();
                    assertThat(r.tokensSent()).isLessThan(r.plannedTokens());
                }));
        // Reported, not asserted (a busy machine decides it): from the browser's stop to the simulator's record.
        System.out.printf("%s: disconnects recorded %s ms after the browser stopped%n", kind, requests().stream()
                .map(r -> "%s %d".formatted(r.protocol(), epochMillis(r.completionMillis()) - stoppedAt)).toList());
    }

    /** Presses stop from inside the page; returns the browser's clock just before (no WebDriver round trip in it). */
    private long stop() {
        return ((Number) ((JavascriptExecutor) browser).executeScript(
                "const at = Date.now(); document.getElementById('stop').click(); return at;")).longValue();
    }

    /** A time on the embedded simulator's clock as the wall clock the browser's {@code Date.now()} reads. */
    private static long epochMillis(double simulatorMillis) {
        long nanos = System.nanoTime();
        long wall = System.currentTimeMillis();
        return Math.round(wall - sim.simulator().millisAt(nanos) + simulatorMillis);
    }

    @ParameterizedTest
    @EnumSource(TestServers.class)
    void htmlInTheModelsAnswerIsShownAsTextAndNeverRuns(TestServers kind) {
        openPage(kind);
        String payload = "<img src=x onerror=\"window.xssRan=true\">";
        ask("Tell me about " + payload + " [sim:tokens=40]");

        waitUntil(() -> PROVIDERS.stream().allMatch(p -> text("status-" + p).startsWith("done")));
        for (String provider : PROVIDERS) {
            assertThat(text("out-" + provider)).contains(payload);   // the model echoed it: shown as characters
        }
        var js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return document.querySelectorAll('.output *').length")).isEqualTo(0L);
        assertThat(js.executeScript("return window.xssRan === undefined")).isEqualTo(true);
    }
}
