package io.edumatrix.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World.Institution;
import io.edumatrix.platform.testing.World.Person;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The read model against the truth: a few hundred random operations across the modules over HTTP (courses and
 * enrollments, posts, job postings opened and closed with applications moved along, gigs with accepted proposals and
 * contracts completed or cancelled, articles published and retracted, room messages, course ratings and their
 * replacements), some of them refused by their module (a second application, a transition not allowed), as in real
 * use. Once the events are delivered, every figure of the overview equals what the owning modules' own list endpoints
 * count. The lag from event to read model is printed from the published timer.
 */
@HttpApplicationTest
@IntegrationTest
class StatisticsConsistencyTests {

    private static final int OPERATIONS = 300;
    private static final List<String> APPLICATION_TARGETS =
            List.of("UNDER_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN");
    private static final Map<String, Object> MONEY_LOW = Map.of("amountMinor", 1000, "currency", "EUR");
    private static final Map<String, Object> MONEY_HIGH = Map.of("amountMinor", 2000, "currency", "EUR");

    @Autowired
    private RestTestClient anonymous;

    private Random random;
    private Institution school;
    private final List<Person> students = new ArrayList<>();
    private final List<UUID> courses = new ArrayList<>();
    private final List<UUID> postings = new ArrayList<>();
    private final List<Owned> applications = new ArrayList<>();
    private final List<Owned> gigs = new ArrayList<>();
    /** A proposal, owned by its gig's client; {@code other} is its freelancer. */
    private final List<Owned> proposals = new ArrayList<>();
    /** A contract, owned by its client; {@code other} is its freelancer. */
    private final List<Owned> contracts = new ArrayList<>();
    private final List<UUID> articles = new ArrayList<>();
    private final Set<UUID> posters = new HashSet<>();
    private UUID room;

    private record Owned(UUID id, Person owner, Person other) {}

    @Test
    void after_hundreds_of_random_operations_every_figure_equals_the_owning_modules_count() {
        long seed = System.nanoTime();
        System.out.println("Statistics consistency: seed " + seed);
        random = new Random(seed);
        var world = new World(anonymous);
        school = world.institution();
        students.add(school.student());
        for (int i = 0; i < 5; i++) {
            students.add(world.member(school.admin(), school.id(), "STUDENT"));
        }
        for (var student : students) {
            send(student.client().post().uri("/api/students/profiles"), Map.of("headline", "Student"));
        }
        room = id(send(students.getFirst().client().post().uri("/api/community/rooms"),
                Map.of("name", "Everyone", "visibility", "PUBLIC")));
        for (var student : students.subList(1, students.size())) {
            student.client().put().uri("/api/community/rooms/{id}/membership", room).exchange().expectStatus()
                    .isNoContent();
        }
        createCourse();

        for (int i = 0; i < OPERATIONS; i++) {
            operate(random.nextInt(18));
        }

        var truth = truth();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> figures().equals(truth));
        assertThat(figures()).isEqualTo(truth);
        var ratings = (Map<?, ?>) overview().get("courseRatings");
        if ((Integer) truth.get("courseRatings.count") > 0) {
            assertThat(((Number) ratings.get("average")).doubleValue()).isEqualTo(
                    (double) (Integer) truth.get("courseRatings.sum") / (Integer) truth.get("courseRatings.count"));
        }
        var admin = world.platformAdmin().client();
        System.out.printf("Statistics consistency: %d operations, figures %s; lag p50 %.1f ms, p99 %.1f ms, max %.1f ms"
                        + " over %s events%n", OPERATIONS, truth, lag(admin, "0.5") * 1000, lag(admin, "0.99") * 1000,
                lagMeasurement(admin, "MAX") * 1000, (long) lagMeasurement(admin, "COUNT"));
        assertThat(lagMeasurement(admin, "COUNT")).isPositive();
    }

    private void operate(int kind) {
        var student = pick(students);
        switch (kind) {
            case 0 -> createCourse();
            case 1, 2 -> send(student.client().post().uri("/api/courses/{id}/enrollments", pick(courses)), Map.of());
            case 3 -> {
                if (ok(send(student.client().post().uri("/api/students/posts"), Map.of("body", "Hello")))) {
                    posters.add(student.accountId());
                }
            }
            case 4 -> {
                var posting = send(school.instructor().client().post().uri("/api/jobs"), Map.of("title", "Tutor",
                        "description", "Tutors", "location", "Library", "employmentType", "PART_TIME",
                        "closesAt", Instant.now().plus(Duration.ofDays(7)).toString()));
                postings.add(id(posting));
                if (random.nextInt(4) > 0) {
                    send(school.instructor().client().post().uri("/api/jobs/{id}/status", postings.getLast()),
                            Map.of("status", "OPEN"));
                }
            }
            // Closing (and withdrawing a gig, below) is rarer than the rest, so that postings and gigs live long
            // enough to take applications and proposals.
            case 5 -> whenAny(random.nextBoolean() ? postings : List.<UUID>of(), posting -> send(school.admin().client().post()
                    .uri("/api/jobs/{id}/status", posting), Map.of("status", "CLOSED")));
            case 6 -> whenAny(postings, posting -> {
                var applied = send(student.client().post().uri("/api/jobs/{id}/applications", posting),
                        Map.of("coverLetter", "Hire me"));
                if (ok(applied)) {
                    applications.add(new Owned(id(applied), student, null));
                }
            });
            case 7, 8 -> whenAny(applications, application -> {
                var target = pick(APPLICATION_TARGETS);
                var mover = target.equals("WITHDRAWN") ? application.owner() : school.instructor();
                send(mover.client().post().uri("/api/jobs/applications/{id}/status", application.id()),
                        Map.of("status", target));
            });
            case 9 -> {
                var gig = send(student.client().post().uri("/api/freelancing/gigs"), Map.of("title", "Logo",
                        "description", "A logo", "budgetMin", MONEY_LOW, "budgetMax", MONEY_HIGH,
                        "deadline", Instant.now().plus(Duration.ofDays(30)).toString()));
                gigs.add(new Owned(id(gig), student, null));
            }
            case 10 -> whenAny(gigs, gig -> {
                if (!gig.owner().equals(student)) {
                    var proposal = send(student.client().post().uri("/api/freelancing/gigs/{id}/proposals", gig.id()),
                            Map.of("price", MONEY_LOW, "message", "I can"));
                    if (ok(proposal)) {
                        proposals.add(new Owned(id(proposal), gig.owner(), student));
                    }
                }
            });
            case 11 -> whenAny(proposals, proposal -> {
                var accepted = send(proposal.owner().client().post()
                        .uri("/api/freelancing/proposals/{id}/status", proposal.id()), Map.of("status", "ACCEPTED"));
                if (ok(accepted)) {
                    contracts.add(new Owned(UUID.fromString(String.valueOf(accepted.getResponseBody().get("contractId"))),
                            proposal.owner(), proposal.other()));
                }
            });
            case 12 -> whenAny(contracts, contract -> {
                send(contract.other().client().post().uri("/api/freelancing/contracts/{id}/status", contract.id()),
                        Map.of("status", "DELIVERED"));
                if (random.nextBoolean()) {
                    send(contract.owner().client().post().uri("/api/freelancing/contracts/{id}/status", contract.id()),
                            Map.of("status", "COMPLETED"));
                }
            });
            case 13 -> whenAny(contracts, contract -> send((random.nextBoolean() ? contract.owner() : contract.other())
                    .client().post().uri("/api/freelancing/contracts/{id}/status", contract.id()),
                    Map.of("status", "CANCELLED")));
            case 14 -> whenAny(random.nextInt(3) == 0 ? gigs : List.<Owned>of(), gig -> send(gig.owner().client().post()
                    .uri("/api/freelancing/gigs/{id}/status", gig.id()), Map.of("status", "CLOSED")));
            case 15 -> {
                var article = id(send(school.instructor().client().post().uri("/api/news/articles"),
                        Map.of("title", "News", "body", "Of the day")));
                articles.add(article);
                send(school.instructor().client().post().uri("/api/news/articles/{id}/status", article),
                        Map.of("status", "PUBLISHED"));
                if (random.nextInt(3) == 0) {
                    send(school.admin().client().post().uri("/api/news/articles/{id}/status", pick(articles)),
                            Map.of("status", "RETRACTED", "reason", "Outdated"));
                }
            }
            case 16 -> send(student.client().post().uri("/api/community/rooms/{id}/messages", room),
                    Map.of("body", "Hi all"));
            default -> send(student.client().post().uri("/api/feedback"), Map.of("subjectType", "COURSE",
                    "subjectId", pick(courses), "rating", 1 + random.nextInt(5)));
        }
    }

    private void createCourse() {
        courses.add(id(send(school.instructor().client().post().uri("/api/courses"), Map.of("institutionId",
                school.id(), "code", "C" + UUID.randomUUID().toString().substring(0, 8), "title", "Course"))));
    }

    /**
     * What the owning modules' list endpoints show, as the figures of the overview: the institution's admin lists
     * courses, enrollments (and those completed), postings, applications, articles and ratings; the students list the gigs, the contracts
     * they are parties of and the room's messages. Active students are the accounts found enrolled or applying, and
     * those whose posts were accepted (a post's view names its profile, not its account).
     */
    private Map<String, Object> truth() {
        var admin = school.admin().client();
        var truth = new TreeMap<String, Object>();
        var active = new HashSet<>(posters);
        truth.put("courses", all(admin, "/api/courses?limit=100", "after").size());
        var enrollments = 0;
        var completions = 0;
        var ratings = new ArrayList<Integer>();
        for (var course : courses) {
            var enrolled = all(admin, "/api/courses/" + course + "/enrollments?limit=100", "after");
            enrollments += enrolled.size();
            completions += (int) enrolled.stream().filter(e -> "COMPLETED".equals(e.get("status"))).count();
            enrolled.forEach(e -> active.add(UUID.fromString((String) e.get("studentId"))));
            all(admin, "/api/feedback?subjectType=COURSE&subjectId=" + course + "&limit=100", "after")
                    .forEach(f -> ratings.add((Integer) f.get("rating")));
        }
        truth.put("enrollments", enrollments);
        truth.put("courseCompletions", completions);
        truth.put("jobPostings.open", all(admin, "/api/jobs?status=OPEN&limit=100", "after").size());
        truth.put("jobPostings.closed", all(admin, "/api/jobs?status=CLOSED&limit=100", "after").size());
        var byStatus = new TreeMap<String, Integer>();
        List.of("SUBMITTED", "UNDER_REVIEW", "INTERVIEW", "OFFERED", "HIRED", "REJECTED", "WITHDRAWN")
                .forEach(status -> byStatus.put(status, 0));
        for (var posting : postings) {
            for (var application : all(admin, "/api/jobs/" + posting + "/applications?limit=100", "after")) {
                byStatus.merge((String) application.get("status"), 1, Integer::sum);
                active.add(UUID.fromString((String) application.get("applicantAccountId")));
            }
        }
        byStatus.forEach((status, count) -> truth.put("applications." + status, count));
        truth.put("activeStudents", active.size());
        var reader = students.getFirst().client();
        truth.put("gigs.open", all(reader, "/api/freelancing/gigs?status=OPEN&limit=100", "after").size());
        truth.put("gigs.awarded", all(reader, "/api/freelancing/gigs?status=AWARDED&limit=100", "after").size());
        truth.put("gigs.closed", all(reader, "/api/freelancing/gigs?status=CLOSED&limit=100", "after").size());
        var contractStatus = new LinkedHashMap<Object, String>();
        for (var student : students) {
            all(student.client(), "/api/freelancing/contracts/mine?limit=100", "after")
                    .forEach(c -> contractStatus.put(c.get("id"), (String) c.get("status")));
        }
        truth.put("contracts.active", (int) contractStatus.values().stream()
                .filter(s -> s.equals("ACTIVE") || s.equals("DELIVERED")).count());
        truth.put("contracts.completed", (int) contractStatus.values().stream().filter("COMPLETED"::equals).count());
        truth.put("contracts.cancelled", (int) contractStatus.values().stream().filter("CANCELLED"::equals).count());
        truth.put("articles.published", all(admin, "/api/news/articles?limit=100", "after").size());
        truth.put("articles.retracted", (int) articles.stream().filter(article -> "RETRACTED".equals(admin.get()
                .uri("/api/news/articles/{id}", article).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody().get("status"))).count());
        truth.put("messages", all(reader, "/api/community/rooms/" + room + "/messages?limit=100", "before").size());
        truth.put("courseRatings.count", ratings.size());
        truth.put("courseRatings.sum", ratings.stream().mapToInt(Integer::intValue).sum());
        return truth;
    }

    /** The overview, flattened as the truth is ({@code jobPostings.open}, ...), without the derived average. */
    private Map<String, Object> figures() {
        var figures = new TreeMap<String, Object>();
        overview().forEach((name, value) -> {
            if (value instanceof Map<?, ?> parts) {
                parts.forEach((part, number) -> figures.put(name + "." + part, number));
            } else {
                figures.put(name, value);
            }
        });
        figures.remove("institutionId");
        figures.remove("courseRatings.average");
        return figures;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> overview() {
        return school.admin().client().get().uri("/api/statistics/institutions/{id}/overview", school.id()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** Every item of a keyset-paged list, following {@code next} in the given cursor parameter. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> all(RestTestClient client, String uri, String cursor) {
        var items = new ArrayList<Map<String, Object>>();
        Object next = null;
        do {
            var page = client.get().uri(next == null ? uri : uri + "&" + cursor + "=" + next).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            items.addAll((List<Map<String, Object>>) page.get("items"));
            next = page.get("next");
        } while (next != null);
        return items;
    }

    private double lag(RestTestClient admin, String percentile) {
        return measurement(admin, "/actuator/metrics/edumatrix.statistics.lag.percentile?tag=phi:" + percentile,
                "VALUE");
    }

    private double lagMeasurement(RestTestClient admin, String statistic) {
        return measurement(admin, "/actuator/metrics/edumatrix.statistics.lag", statistic);
    }

    @SuppressWarnings("unchecked")
    private static double measurement(RestTestClient admin, String uri, String statistic) {
        var metric = admin.get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        return ((List<Map<String, Object>>) metric.get("measurements")).stream()
                .filter(m -> statistic.equals(m.get("statistic"))).mapToDouble(m -> ((Number) m.get("value")).doubleValue())
                .findFirst().orElseThrow();
    }

    /** Sends a change; any answer goes (a module refuses some random operations), but never a server error. */
    @SuppressWarnings("rawtypes")
    private static EntityExchangeResult<Map> send(RestTestClient.RequestBodySpec request, Object body) {
        var result = request.contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectBody(Map.class)
                .returnResult();
        assertThat(result.getStatus().is5xxServerError()).as("%s: %s", result.getUrl(), result.getResponseBody())
                .isFalse();
        return result;
    }

    @SuppressWarnings("rawtypes")
    private static boolean ok(EntityExchangeResult<Map> result) {
        return result.getStatus().is2xxSuccessful();
    }

    @SuppressWarnings("rawtypes")
    private static UUID id(EntityExchangeResult<Map> created) {
        assertThat(created.getStatus().value()).as("%s: %s", created.getUrl(), created.getResponseBody()).isEqualTo(201);
        return UUID.fromString(String.valueOf(created.getResponseBody().get("id")));
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private <T> void whenAny(List<T> items, java.util.function.Consumer<T> action) {
        if (!items.isEmpty()) {
            action.accept(pick(items));
        }
    }
}
