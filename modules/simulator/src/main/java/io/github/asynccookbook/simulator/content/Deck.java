package io.github.asynccookbook.simulator.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;

/**
 * Deals filled sentences in a seeded random order and repeats none before the others were used. Banks are
 * dealt tier by tier: a "why" answer exhausts its explanations before it falls back on general remarks.
 */
final class Deck {

    private static final int LOOKAHEAD = 4;

    private final Phrasing phrasing;
    private final List<List<Sentences>> tiers;
    private final List<String> queue = new ArrayList<>();

    @SafeVarargs
    Deck(Phrasing phrasing, List<Sentences>... tiers) {
        this.phrasing = phrasing;
        this.tiers = List.of(tiers);
    }

    String draw() {
        refillFor(1);
        return queue.removeFirst();
    }

    /** Removes a sentence seen with {@link #peekClosest}. */
    String take(String sentence) {
        queue.remove(sentence);
        return sentence;
    }

    /** Of the next few sentences, removes and returns the first whose token count passes {@code fits}. */
    Optional<String> drawFitting(IntPredicate fits) {
        refillFor(LOOKAHEAD);
        for (String candidate : queue.subList(0, LOOKAHEAD)) {
            if (fits.test(Tokens.count(candidate))) {
                queue.remove(candidate);
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Of the next few sentences, the one whose length is closest to {@code wantedTokens}. */
    String peekClosest(int wantedTokens) {
        refillFor(LOOKAHEAD);
        String best = queue.getFirst();
        for (String candidate : queue.subList(1, LOOKAHEAD)) {
            if (Math.abs(Tokens.count(candidate) - wantedTokens) < Math.abs(Tokens.count(best) - wantedTokens)) {
                best = candidate;
            }
        }
        return best;
    }

    private void refillFor(int needed) {
        SplittableRandom random = phrasing.random();
        while (queue.size() < needed) {
            for (List<Sentences> tier : tiers) {
                var round = new ArrayList<String>();
                tier.forEach(bank -> bank.templates().forEach(template -> round.add(phrasing.fill(template))));
                Collections.shuffle(round, random);
                queue.addAll(round);
            }
        }
    }
}
