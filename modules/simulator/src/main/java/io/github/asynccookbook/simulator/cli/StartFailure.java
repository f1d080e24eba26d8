package io.github.asynccookbook.simulator.cli;

import java.util.Locale;

/** Why the server could not start, in one line: the innermost cause's own words, "address already in use". */
final class StartFailure {

    private StartFailure() {
    }

    static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return root.getClass().getSimpleName();
        }
        // Netty's native transport says "bind(..) failed with error(-98): Address already in use".
        String reason = message.substring(message.lastIndexOf(": ") + 1).strip();
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
