package io.github.asynccookbook.chapter09;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Headless Chromium driven by Selenium, with Debian's {@code chromium} and {@code chromium-driver} (no driver
 * download). Without them a test is skipped with one line, unless {@code REQUIRE_BROWSER=true} (CI), where it fails.
 */
final class Browser {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    private Browser() {
    }

    /** Skips (or, with REQUIRE_BROWSER=true, fails) when there is no browser. */
    static void requireBrowser() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        String reason = "no browser: install chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER + ")";
        if ("true".equalsIgnoreCase(System.getenv("REQUIRE_BROWSER"))) {
            if (!present) {
                throw new AssertionError(reason + ", and REQUIRE_BROWSER=true");
            }
        } else {
            Assumptions.assumeTrue(present, reason);
        }
    }

    /** A fresh profile and flags that keep Chromium from calling home (it would hang on a closed network). */
    static WebDriver start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,720", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
