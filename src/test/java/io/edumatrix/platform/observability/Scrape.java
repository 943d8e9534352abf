package io.edumatrix.platform.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One read of the scrape port: the text Prometheus gets, and its samples by name and labels. */
record Scrape(String text, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Scrape of(ScrapeServer server) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + ScrapeServer.PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("The scrape answered " + response.statusCode() + ": " + response.body());
            }
            return parse(response.body());
        }
    }

    static Scrape parse(String text) {
        var samples = text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(SAMPLE::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(m -> {
                    var labels = new LinkedHashMap<String, String>();
                    if (m.group(2) != null) {
                        var label = LABEL.matcher(m.group(2));
                        while (label.find()) {
                            labels.put(label.group(1), label.group(2));
                        }
                    }
                    return new Sample(m.group(1), labels, Double.parseDouble(m.group(3)));
                })
                .toList();
        return new Scrape(text, samples);
    }

    /** The samples of a metric whose labels include the given ones. */
    List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The one sample of a metric with the given labels. */
    double value(String name, Map<String, String> labels) {
        var found = find(name, labels);
        if (found.size() != 1) {
            throw new AssertionError("Expected one sample " + name + labels + ", found " + found);
        }
        return found.getFirst().value();
    }

    /** The sum of a metric's samples whose labels include the given ones; 0 when there is none yet. */
    double sum(String name, Map<String, String> labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    boolean names(String metric) {
        return samples.stream().anyMatch(s -> s.name().equals(metric));
    }
}
