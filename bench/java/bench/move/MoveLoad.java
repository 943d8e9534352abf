package bench.move;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The load of bench/move.sh, open loop: every 1/rate seconds a new job posting (a write of the moving module), and
 * every 1/readRate seconds a read of another module, each on a virtual thread, whether or not earlier ones answered.
 * One line per write: start (epoch ms), latency (µs), HTTP status, the posting's title and id when acknowledged.
 *
 * <p>Run with {@code java bench/java/bench/move/MoveLoad.java BASE TOKEN RATE SECONDS READ_PATH READ_RATE OUT}.
 */
public final class MoveLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        var base = args[0];
        var token = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        var readPath = args[4];
        int readRate = Integer.parseInt(args[5]);
        var out = Path.of(args[6]);
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        var lines = new ConcurrentLinkedQueue<String>();
        var closes = Instant.now().plus(Duration.ofDays(30)).toString();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            long writes = (long) rate * seconds;
            long reads = (long) readRate * seconds;
            long w = 0;
            long r = 0;
            while (w < writes || r < reads) {
                long nextWrite = w < writes ? start + w * 1_000_000_000L / rate : Long.MAX_VALUE;
                long nextRead = r < reads ? start + r * 1_000_000_000L / readRate : Long.MAX_VALUE;
                long next = Math.min(nextWrite, nextRead);
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (next == nextWrite) {
                    var title = "load-" + w;
                    var body = "{\"title\":\"" + title + "\",\"description\":\"Load\",\"location\":\"Campus\","
                            + "\"employmentType\":\"PART_TIME\",\"closesAt\":\"" + closes + "\"}";
                    var request = HttpRequest.newBuilder(URI.create(base + "/api/jobs")).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    threads.execute(() -> send(http, request, "W", title, lines));
                    w++;
                } else {
                    var request = HttpRequest.newBuilder(URI.create(base + readPath)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).GET().build();
                    threads.execute(() -> send(http, request, "R", "-", lines));
                    r++;
                }
            }
        }
        try (var writer = new PrintWriter(Files.newBufferedWriter(out))) {
            lines.forEach(writer::println);
        }
    }

    private static void send(HttpClient http, HttpRequest request, String kind, String title, ConcurrentLinkedQueue<String> lines) {
        long startMillis = System.currentTimeMillis();
        long started = System.nanoTime();
        int status;
        String id = "-";
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            var matcher = ID.matcher(response.body());
            if (status == 201 && matcher.find()) {
                id = matcher.group(1);
            }
        } catch (IOException e) {
            status = 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 0;
        }
        lines.add(kind + " " + startMillis + " " + (System.nanoTime() - started) / 1000 + " " + status + " " + title + " " + id);
    }
}
