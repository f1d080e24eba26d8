package io.github.asynccookbook.simulator.content;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

/**
 * Values for the fields of a structured answer, chosen by what the field is called: a {@code title} gets a title
 * (a quoted one from the prompt first), an {@code author} a person's name, a {@code genre} the prompt's subject,
 * a {@code year} a year, a {@code rating} a rating, a {@code summary} sentences about the prompt's topic in the
 * simulator's own phrasing. An enum gets the value the prompt mentions, otherwise one drawn by the seed.
 */
final class FieldValues {

    private enum Role { EMAIL, URL, DATE, ID, PERSON, PLACE, CATEGORY, LANGUAGE, TITLE, PROSE }

    private static final List<String> FIRST = List.of("Ada", "Marcus", "Lena", "Tomas", "Priya", "Jonas", "Amara",
            "Hugo", "Sofia", "Kenji", "Nadia", "Elliot", "Maya", "Rafael", "Ingrid", "Omar");
    private static final List<String> LAST = List.of("Lindqvist", "Okafor", "Moreau", "Castillo", "Brennan",
            "Nakamura", "Albrecht", "Varga", "Holloway", "Deshpande", "Marsh", "Kowalski", "Fontaine", "Reyes");
    private static final List<String> ADJECTIVES = List.of("Silent", "Hidden", "Last", "Distant", "Broken",
            "Golden", "Quiet", "Endless", "Forgotten", "Northern", "Glass", "Midnight", "Paper", "Hollow");
    private static final List<String> NOUNS = List.of("Orbit", "Garden", "River", "Harbor", "Signal", "Archive",
            "Kingdom", "Lantern", "Horizon", "Machine", "Tide", "Library", "Compass", "Winter");
    private static final List<String> PLACES = List.of("Lisbon", "Kyoto", "Montreal", "Edinburgh", "Cape Town",
            "Valparaíso", "Tallinn", "Melbourne", "Ljubljana", "Oaxaca");
    private static final Set<String> VAGUE = Set.of("a", "an", "the", "some", "one", "good", "great", "classic",
            "new", "popular", "famous", "best", "short", "long", "your", "my", "few", "several", "interesting");
    private static final Set<String> THINGS = Set.of("book", "novel", "movie", "film", "song", "story", "recipe",
            "game", "show", "series", "album", "podcast", "dish", "place", "idea", "title", "option", "example");
    private static final Pattern CUT = Pattern.compile("\\s+(?:for|from|about|with|to|that|which|in)\\b.*$",
            CASE_INSENSITIVE);
    private static final String NUMBER = "(-?\\d+(?:\\.\\d+)?)";

    private final Ask ask;
    private final PromptFacts facts;
    private final SplittableRandom random;
    private final Set<String> usedText = new HashSet<>();

    FieldValues(Ask ask, PromptFacts facts, SplittableRandom random) {
        this.ask = ask;
        this.facts = facts;
        this.random = random;
    }

    String topic() {
        return ask.topic();
    }

    /**
     * The enum value the prompt names (whole word, any case; of several, the one named last: "POSITIVE or
     * NEGATIVE? It is negative."), otherwise one drawn by the seed.
     */
    JsonNode choice(List<JsonNode> options) {
        String prompt = facts.text().toLowerCase(Locale.ROOT);
        JsonNode named = null;
        int lastMention = -1;
        for (JsonNode option : options) {
            String value = option.asText().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (value.isBlank()) {
                continue;
            }
            Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value).replace(" ", "\\E[ _-]\\Q")
                    + "(?![\\p{L}\\p{N}])").matcher(prompt);
            while (matcher.find()) {
                if (matcher.start() > lastMention) {
                    lastMention = matcher.start();
                    named = option;
                }
            }
        }
        return named != null ? named : options.get(random.nextInt(options.size()));
    }

    /** About {@code tokens} tokens of whole sentences on the prompt's topic. */
    String prose(int tokens) {
        Ask plain = ask.kind() == Ask.Kind.BULLETS ? new Ask(Ask.Kind.REQUEST, 0, ask.topic(), "") : ask;
        return TextAnswer.write(plain, random.split(), tokens, false).replace("\n\n", " ");
    }

    String text(String key, String format, String description) {
        if ("date-time".equals(format)) {
            return date() + "T" + String.format("%02d:%02d:00Z", 8 + random.nextInt(10), 5 * random.nextInt(12));
        }
        if ("date".equals(format)) {
            return date();
        }
        return switch (role(key)) {
            case EMAIL -> {
                String[] person = person().toLowerCase(Locale.ROOT).split(" ");
                yield person[0] + "." + person[1] + "@example.com";
            }
            case URL -> "https://example.com/" + slug(ask.topic());
            case DATE -> date();
            case ID -> Long.toHexString(random.nextLong() >>> 16);
            case PERSON -> named(key).orElseGet(this::person);
            case PLACE -> named(key).or(() -> unused(names()))
                    .orElseGet(() -> PLACES.get(random.nextInt(PLACES.size())));
            case CATEGORY -> named(key).or(() -> usedText.add(category()) ? Optional.of(category()) : Optional.empty())
                    .orElseGet(() -> Sentences.ASPECTS.get(random.nextInt(Sentences.ASPECTS.size())));
            case LANGUAGE -> "English";
            case TITLE -> named(key).or(() -> unused(facts.quoted())).orElseGet(this::title);
            case PROSE -> named(key).orElseGet(() -> prose(description.isBlank() ? 24 : 16 + random.nextInt(20)));
        };
    }

    /**
     * A number for a field: the one the prompt writes next to the field's name ("5 stars", "budget: 40"), else
     * a plausible one for the name (a year, a rating, a price, an age…), kept within the schema's bounds.
     */
    double number(String key, Double minimum, Double maximum, boolean integer) {
        double value = namedNumber(key).orElseGet(() -> plausible(key, integer));
        if (minimum != null && value < minimum) {
            value = minimum + (maximum != null && maximum > minimum ? random.nextDouble() * (maximum - minimum) : 0);
        }
        if (maximum != null && value > maximum) {
            value = minimum != null && minimum < maximum ? minimum + random.nextDouble() * (maximum - minimum) : maximum;
        }
        if (integer) {
            double rounded = Math.round(value);
            return maximum != null && rounded > maximum ? Math.floor(value)
                    : minimum != null && rounded < minimum ? Math.ceil(value) : rounded;
        }
        return Math.round(value * 100) / 100.0;
    }

    private double plausible(String key, boolean integer) {
        Set<String> words = new HashSet<>(Keywords.identifierWords(key));
        if (words.contains("year")) {
            return 1950 + random.nextInt(75);
        }
        if (words.contains("rating") || words.contains("score") || words.contains("stars")) {
            return integer ? 3 + random.nextInt(3) : 3.5 + random.nextInt(16) / 10.0;
        }
        if (words.contains("age")) {
            return 18 + random.nextInt(60);
        }
        if (words.contains("price") || words.contains("cost") || words.contains("amount")) {
            return integer ? 5 + random.nextInt(95) : 5 + random.nextInt(9500) / 100.0;
        }
        if (words.contains("probability") || words.contains("confidence") || words.contains("likelihood")) {
            return integer ? 50 + random.nextInt(50) : 0.5 + random.nextInt(50) / 100.0;
        }
        if (words.contains("percent") || words.contains("percentage")) {
            return random.nextInt(101);
        }
        return integer ? 1 + random.nextInt(100) : 1 + random.nextInt(1000) / 10.0;
    }

    private Optional<Double> namedNumber(String key) {
        for (String word : Keywords.identifierWords(key)) {
            if (word.length() < 3) {
                continue;
            }
            String name = Pattern.quote(word) + "s?";
            Matcher matcher = Pattern.compile(NUMBER + "\\s+" + name + "\\b|\\b" + name + "\\s*(?:[:=]|of|is)?\\s*"
                    + NUMBER, CASE_INSENSITIVE).matcher(facts.text());
            if (matcher.find()) {
                return Optional.of(Double.valueOf(matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
            }
        }
        return Optional.empty();
    }

    /** A value the prompt gives for the field by name: {@code title "Dune"}, {@code summary: 'short'}. */
    private Optional<String> named(String key) {
        for (String word : Keywords.identifierWords(key)) {
            if (word.length() < 3) {
                continue;
            }
            Matcher matcher = Pattern.compile("\\b" + Pattern.quote(word) + "s?\\s*(?:[:=]|is|named|called)?\\s*"
                    + "(?:\"([^\"]+)\"|'([^']+)')", CASE_INSENSITIVE).matcher(facts.text());
            if (matcher.find()) {
                String value = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                usedText.add(value);
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Role role(String key) {
        List<String> words = Keywords.identifierWords(key);
        for (Role role : Role.values()) {
            if (words.stream().anyMatch(word -> matches(role, word))) {
                return role;
            }
        }
        return Role.PROSE;
    }

    private static boolean matches(Role role, String word) {
        return switch (role) {
            case EMAIL -> word.equals("email") || word.equals("mail");
            case URL -> Set.of("url", "link", "website", "href", "uri").contains(word);
            case DATE -> Set.of("date", "day", "birthday", "deadline").contains(word);
            case ID -> Set.of("id", "uuid", "isbn", "sku", "code").contains(word);
            case PERSON -> Set.of("author", "director", "writer", "artist", "person", "creator", "owner", "composer",
                    "user", "actor", "singer", "chef", "customer", "speaker", "protagonist", "character").contains(word);
            case PLACE -> Set.of("city", "country", "location", "place", "address", "destination", "region",
                    "origin").contains(word);
            case CATEGORY -> Set.of("genre", "category", "kind", "topic", "subject", "theme", "tag", "tags", "type",
                    "style", "mood", "cuisine").contains(word);
            case LANGUAGE -> word.equals("language") || word.equals("lang");
            case TITLE -> Set.of("title", "headline", "name", "label", "heading", "caption", "slogan").contains(word);
            case PROSE -> false;
        };
    }

    /** The topic without its article, its vague adjectives and the thing it is about: "a good mystery novel" gives "mystery". */
    private String category() {
        String topic = CUT.matcher(ask.topic()).replaceFirst("");
        List<String> words = new java.util.ArrayList<>(List.of(topic.trim().split("\\s+")));
        while (words.size() > 1 && VAGUE.contains(words.getFirst().toLowerCase(Locale.ROOT))) {
            words.removeFirst();
        }
        while (words.size() > 1 && THINGS.contains(Keywords.stem(words.getLast()))) {
            words.removeLast();
        }
        return String.join(" ", words);
    }

    /** Capitalised names, less the prompt's first word (an imperative such as "Recommend" is capitalised too). */
    private List<String> names() {
        String first = facts.text().strip().split("\\s+", 2)[0];
        return facts.names().stream().filter(name -> !name.equals(first)).toList();
    }

    private Optional<String> unused(List<String> candidates) {
        Optional<String> value = candidates.stream().filter(v -> !usedText.contains(v)).findFirst();
        value.ifPresent(usedText::add);
        return value;
    }

    private String person() {
        return FIRST.get(random.nextInt(FIRST.size())) + " " + LAST.get(random.nextInt(LAST.size()));
    }

    private String title() {
        String adjective = ADJECTIVES.get(random.nextInt(ADJECTIVES.size()));
        String noun = NOUNS.get(random.nextInt(NOUNS.size()));
        return random.nextBoolean() ? "The " + adjective + " " + noun
                : "The " + noun + " of " + plural(NOUNS.get(random.nextInt(NOUNS.size())));
    }

    private static String plural(String noun) {
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    private String date() {
        return String.format("%d-%02d-%02d", 2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    private static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "answer" : slug;
    }
}
