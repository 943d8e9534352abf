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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The load of bench/move.sh: every 1/rate seconds a new job posting (a write of the moving module), and every
 * 1/readRate seconds a read of another module, each on a virtual thread. At most {@code IN_FLIGHT} requests are out at
 * once (more would only flood the server's connection queue on a saturated machine); a request that waits for one
 * still counts its latency from the moment it was due, so a stall shows in full (no coordinated omission).
 * One line per request: kind, due time (epoch ms), latency (µs), HTTP status, the posting's title and id when
 * acknowledged.
 *
 * <p>Run with {@code java bench/java/bench/move/MoveLoad.java BASE TOKEN RATE SECONDS READ_PATH READ_RATE OUT}.
 */
public final class MoveLoad {

    private static final int IN_FLIGHT = Integer.getInteger("inFlight", 64);
    private static final Semaphore SLOTS = new Semaphore(IN_FLIGHT);
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
                            .version(HttpClient.Version.HTTP_1_1)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long due = System.currentTimeMillis();
                    long dueNanos = System.nanoTime();
                    threads.execute(() -> send(http, request, "W", title, lines, due, dueNanos));
                    w++;
                } else {
                    var request = HttpRequest.newBuilder(URI.create(base + readPath)).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).version(HttpClient.Version.HTTP_1_1).GET().build();
                    long due = System.currentTimeMillis();
                    long dueNanos = System.nanoTime();
                    threads.execute(() -> send(http, request, "R", "-", lines, due, dueNanos));
                    r++;
                }
            }
        }
        try (var writer = new PrintWriter(Files.newBufferedWriter(out))) {
            lines.forEach(writer::println);
        }
    }

    private static void send(HttpClient http, HttpRequest request, String kind, String title,
            ConcurrentLinkedQueue<String> lines, long startMillis, long started) {
        int status;
        String id = "-";
        try {
            SLOTS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
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
        } finally {
            SLOTS.release();
        }
        lines.add(kind + " " + startMillis + " " + (System.nanoTime() - started) / 1000 + " " + status + " " + title + " " + id);
    }
}
