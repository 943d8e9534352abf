package io.edumatrix.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.testing.World;
import io.edumatrix.platform.web.RawHttp;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A request transaction that loses to concurrent ones (deadlock, serialization failure, lock timeout) is run again
 * whole, a bounded number of times, when nothing of it can have been done already; otherwise, and when the retries run
 * out, the client gets a 409 or 503 with {@code Retry-After}, never a 500 (ADR 0024). The app roles' lock timeout is
 * short here (300 ms), so that a lock held from the side by the test outlasts it at will.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionConflictTests {

    private static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);

    private FreshDatabase database;
    private ConfigurableApplicationContext application;
    private ConflictingWork work;
    private RawHttp instructor;
    private RawHttp student;
    private UUID course;

    @BeforeAll
    void startWithAShortLockTimeout() throws Exception {
        database = FreshDatabase.create();
        application = database.launch().overHttp()
                .with("edumatrix.database.session.lock-timeout", LOCK_TIMEOUT.toMillis() + "ms")
                .withBeans(ConflictingWork.class).start();
        work = application.getBean(ConflictingWork.class);
        var port = ApplicationLaunch.port(application);
        var school = World.onServer(ApplicationLaunch.baseUrl(application)).institution();
        course = World.course(school.instructor().client(), school.id(), World.uniqueCode("RT"), "Retried");
        instructor = new RawHttp(port, school.instructor().accessToken());
        student = new RawHttp(port, school.student().accessToken());
    }

    @AfterAll
    void stop() throws SQLException {
        if (application != null) {
            application.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void countAfresh() {
        work.reset();
    }

    @Test
    void of_two_transactions_that_deadlock_the_loser_is_run_again_and_both_succeed() throws Exception {
        var barrier = new CyclicBarrier(2);
        try (var threads = Executors.newFixedThreadPool(2)) {
            var one = threads.submit(() -> { work.lockInOrder(1, 2, barrier); return null; });
            var other = threads.submit(() -> { work.lockInOrder(2, 1, barrier); return null; });

            one.get();
            other.get();
        }
        assertThat(work.attempts()).as("two first attempts and the deadlock loser's second").isEqualTo(3);
    }

    @Test
    void a_serialization_failure_that_persists_is_retried_three_times_and_then_reaches_the_caller() {
        assertThatThrownBy(work::failToSerialize).satisfies(failure ->
                assertThat(TransactionConflict.of(failure)).contains(TransactionConflict.SERIALIZATION_FAILURE));
        assertThat(work.attempts()).isEqualTo(4);
    }

    @Test
    void an_attempt_during_which_another_transaction_committed_is_not_repeated() {
        assertThatThrownBy(work::commitElsewhereThenFailToSerialize).satisfies(failure ->
                assertThat(TransactionConflict.of(failure)).contains(TransactionConflict.SERIALIZATION_FAILURE));
        assertThat(work.attempts()).isEqualTo(1);
    }

    @Test
    void a_read_only_transaction_whose_connection_the_server_ended_is_run_again() {
        assertThat(work.readLosingTheConnectionOnce()).isEqualTo(1);
        assertThat(work.attempts()).isEqualTo(2);
    }

    @Test
    void a_transaction_that_may_write_whose_connection_the_server_ended_is_not_run_again() {
        assertThatThrownBy(work::writeLosingTheConnectionOnce).satisfies(failure ->
                assertThat(LostConnection.is(failure)).as("%s", failure).isTrue());
        assertThat(work.attempts()).isEqualTo(1);
    }

    @Test
    void a_row_lock_released_during_the_retries_lets_the_request_succeed() throws Exception {
        try (var side = lockCourse(); var threads = Executors.newSingleThreadExecutor()) {
            var patch = threads.submit(() -> describe(instructor, "Waited for"));
            Thread.sleep(LOCK_TIMEOUT.toMillis() + 150);
            side.commit();

            assertThat(patch.get().status()).as("%s", patch.get()).isEqualTo(200);
        }
    }

    @Test
    void a_row_lock_held_through_every_retry_is_a_503_resource_busy_with_retry_after() throws Exception {
        try (var side = lockCourse()) {
            var response = describe(instructor, "Never gets the lock");
            side.rollback();

            assertThat(response.status()).as("%s", response).isEqualTo(503);
            assertThat(response.problem().type()).hasToString("https://edumatrix.io/problems/resource-busy");
            assertThat(response.retryAfter()).contains("1");
        }
    }

    @Test
    void concurrent_conflicting_writes_are_answered_only_with_2xx_409_and_503() throws Exception {
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var unexpected = new ArrayList<String>();
        var running = new AtomicBoolean(true);
        try (var threads = Executors.newFixedThreadPool(9)) {
            var locker = threads.submit(() -> { lockAgainAndAgain(running); return null; });
            var writers = new ArrayList<Future<List<RawHttp.Response>>>();
            for (int t = 0; t < 8; t++) {
                var writer = t;
                writers.add(threads.submit(() -> {
                    var responses = new ArrayList<RawHttp.Response>();
                    for (int i = 0; i < 12; i++) {
                        responses.add(i % 3 == 0 ? student.post("/api/courses/" + course + "/enrollments", "{}")
                                : describe(instructor, "Writer " + writer + " #" + i));
                    }
                    return responses;
                }));
            }
            for (var writer : writers) {
                for (var response : writer.get()) {
                    statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (!(response.status() / 100 == 2 || response.status() == 409 || response.status() == 503)) {
                        synchronized (unexpected) {
                            unexpected.add(response.toString());
                        }
                    }
                }
            }
            running.set(false);
            locker.get();
        }
        System.out.println("Concurrent conflicting writes, answers by status: " + statuses);
        assertThat(unexpected).isEmpty();
        assertThat(statuses.keySet()).as("some writes got through").anyMatch(status -> status / 100 == 2);
    }

    private RawHttp.Response describe(RawHttp client, String title) {
        return client.patch("/api/courses/" + course, "{\"title\":\"" + title + "\"}");
    }

    /** A transaction of the test's own, as the server's superuser, holding the course's row lock until it ends. */
    private SideTransaction lockCourse() throws SQLException {
        var connection = database.connectAsAdmin();
        connection.setAutoCommit(false);
        try (var lock = connection.prepareStatement("SELECT 1 FROM courses.course WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, course);
            lock.executeQuery().close();
        }
        return new SideTransaction(connection);
    }

    /** Holds the course's row lock for 50 to 600 ms at a time, with short gaps, while the writers run. */
    private void lockAgainAndAgain(AtomicBoolean running) throws Exception {
        while (running.get()) {
            try (var side = lockCourse()) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(50, 600));
                side.commit();
            }
            Thread.sleep(30);
        }
    }

    private record SideTransaction(Connection connection) implements AutoCloseable {

        void commit() throws SQLException {
            connection.commit();
        }

        void rollback() throws SQLException {
            connection.rollback();
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
