package io.edumatrix.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import io.edumatrix.platform.Times;
import io.edumatrix.platform.testing.ApplicationClasses;
import io.edumatrix.platform.testing.IntegrationTest;
import io.edumatrix.platform.web.HttpApplicationTest;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * docs/events.md is the contract of every event's JSON form; this keeps it true. It lists exactly the
 * {@link DomainEvent} types of the application, each with its {@code VERSION}, its publishing module, and its fields:
 * exactly the record's components, in order, and exactly what the application's {@link EventSerializer} writes.
 */
@HttpApplicationTest
@IntegrationTest
class EventCatalogueTests {

    private static final Path CATALOGUE = Path.of("docs/events.md");
    private static final String ROOT_PACKAGE = "io.edumatrix.";
    private static final String SHARED_PUBLISHER = "named by the event";

    @Autowired
    private EventSerializer serializer;

    @Autowired
    private JsonMapper json;

    @Test
    void the_catalogue_lists_exactly_the_domain_events_of_the_application() throws IOException {
        var catalogue = Catalogue.read(CATALOGUE);

        assertThat(catalogue.events()).extracting(Entry::javaType).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(domainEvents().stream().map(Class::getName).toList());
        assertThat(catalogue.sectionsWithFields()).as("sections with a field table")
                .isSubsetOf(catalogue.events().stream().map(Entry::name).toList());
    }

    @TestFactory
    Stream<DynamicTest> each_catalogued_event_has_the_version_of_its_VERSION_constant_and_its_publishing_module()
            throws IOException {
        return perEvent((entry, type) -> {
            assertThat(entry.name()).isEqualTo(type.getSimpleName());
            assertThat(entry.version()).as("version of %s", entry.name()).isEqualTo(versionConstant(type));
            assertThat(entry.module()).as("publishing module of %s", entry.name()).isEqualTo(publisherOf(type));
        });
    }

    @TestFactory
    Stream<DynamicTest> each_catalogued_event_lists_exactly_its_record_components_in_order() throws IOException {
        return perEvent((entry, type) -> assertThat(entry.fieldNames()).as("documented fields of %s", entry.name())
                .containsExactlyElementsOf(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList()));
    }

    @TestFactory
    Stream<DynamicTest> each_catalogued_event_serializes_to_exactly_its_documented_json_fields_and_types()
            throws IOException {
        return perEvent((entry, type) -> {
            var written = json.readTree(serializer.serialize(sample(type)).toString());

            assertThat(written.propertyNames()).as("JSON fields of %s", entry.name())
                    .containsExactlyElementsOf(entry.fieldNames());
            entry.fields().forEach((field, jsonType) -> assertJsonType(entry.name() + "." + field, written.get(field), jsonType));
        });
    }

    /** What lets a listener on older code read an event written by newer code. */
    @TestFactory
    Stream<DynamicTest> each_catalogued_event_reads_back_with_a_field_it_does_not_know() throws IOException {
        return perEvent((entry, type) -> {
            var sample = sample(type);
            var written = (ObjectNode) json.readTree(serializer.serialize(sample).toString());
            written.put("fieldFromTheFuture", "ignored");

            assertThat(serializer.deserialize(json.writeValueAsString(written), type)).isEqualTo(sample);
        });
    }

    /** What lets a listener read an event stored before a field was added to its type. */
    @TestFactory
    Stream<DynamicTest> each_catalogued_event_reads_back_without_its_last_field() throws IOException {
        return perEvent((entry, type) -> {
            var components = type.getRecordComponents();
            var last = components[components.length - 1];
            var written = (ObjectNode) json.readTree(serializer.serialize(sample(type)).toString());
            written.remove(last.getName());

            var read = serializer.deserialize(json.writeValueAsString(written), type);

            assertThat(last.getAccessor().invoke(read)).as("%s.%s read from JSON without it", entry.name(), last.getName())
                    .isNull();
        });
    }

    /** Why a field added to an event must not be primitive: stored events without it could no longer be read. */
    @TestFactory
    Stream<DynamicTest> each_catalogued_event_is_unreadable_without_one_of_its_primitive_fields() throws IOException {
        return perEvent((entry, type) -> {
            var primitives = Arrays.stream(type.getRecordComponents()).filter(c -> c.getType().isPrimitive()).toList();
            assertThat(primitives).as("primitive fields of %s", entry.name()).isNotEmpty();
            for (var primitive : primitives) {
                var written = (ObjectNode) json.readTree(serializer.serialize(sample(type)).toString());
                written.remove(primitive.getName());

                assertThatThrownBy(() -> serializer.deserialize(json.writeValueAsString(written), type))
                        .as("%s read from JSON without %s", entry.name(), primitive.getName())
                        .hasMessageContaining("FAIL_ON_NULL_FOR_PRIMITIVES");
            }
        });
    }

    private interface EventCheck {
        void check(Entry entry, Class<?> type) throws Exception;
    }

    private Stream<DynamicTest> perEvent(EventCheck check) throws IOException {
        var types = domainEvents().stream().collect(Collectors.toMap(Class::getName, t -> t));
        return Catalogue.read(CATALOGUE).events().stream().map(entry -> dynamicTest(entry.name(), () -> {
            var type = types.get(entry.javaType());
            assertThat(type).as("DomainEvent %s", entry.javaType()).isNotNull();
            check.check(entry, type);
        }));
    }

    /** Every class of the application (not of its tests) that implements {@link DomainEvent}. */
    private static List<Class<?>> domainEvents() {
        return ApplicationClasses.production().stream()
                .filter(c -> c.isAssignableTo(DomainEvent.class) && !c.isInterface())
                .<Class<?>>map(JavaClass::reflect)
                .toList();
    }

    private static int versionConstant(Class<?> type) throws ReflectiveOperationException {
        return type.getField("VERSION").getInt(null);
    }

    /** A shared event's publisher is not its package's module: it names one, so the catalogue says so. */
    private static String publisherOf(Class<?> type) {
        return SharedEvent.class.isAssignableFrom(type) ? SHARED_PUBLISHER : moduleOf(type);
    }

    private static String moduleOf(Class<?> type) {
        var name = type.getName().substring(ROOT_PACKAGE.length());
        return name.substring(0, name.indexOf('.'));
    }

    /** An instance with a value in every component, made through the canonical constructor. */
    private static Object sample(Class<?> type) throws ReflectiveOperationException {
        var components = type.getRecordComponents();
        var values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            var component = components[i];
            values[i] = switch (component.getType().getName()) {
                case "java.util.UUID" -> UUID.randomUUID();
                case "java.time.Instant" -> Times.now();
                case "java.lang.String" -> "sample " + component.getName();
                case "int" -> component.getName().equals("version") ? versionConstant(type) : 7;
                case "long" -> 7L;
                case "boolean" -> true;
                // A list of account ids (MessagePosted.mentions): the only list an event carries so far.
                case "java.util.List" -> List.of(UUID.randomUUID(), UUID.randomUUID());
                case "java.lang.Integer" -> 7;
                default -> component.getType().isEnum() ? component.getType().getEnumConstants()[0]
                        : fail("No sample value for %s.%s of type %s; add one here", type.getSimpleName(),
                                component.getName(), component.getType());
            };
        }
        var constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return constructor.newInstance(values);
    }

    /** A documented JSON type: the JSON node type first, then an optional format in parentheses. */
    private static void assertJsonType(String field, JsonNode value, String documented) {
        var kind = documented.split("[ (]", 2)[0];
        assertThat(value).as(field).isNotNull();
        switch (kind) {
            case "string" -> assertThat(value.isString()).as("%s is a JSON string: %s", field, value).isTrue();
            case "number" -> assertThat(value.isNumber()).as("%s is a JSON number: %s", field, value).isTrue();
            case "boolean" -> assertThat(value.isBoolean()).as("%s is a JSON boolean: %s", field, value).isTrue();
            case "array" -> assertThat(value.isArray()).as("%s is a JSON array: %s", field, value).isTrue();
            default -> fail("%s: unknown JSON type '%s' in the catalogue", field, documented);
        }
        if (documented.contains("(integer)")) {
            assertThat(value.isIntegralNumber()).as("%s is an integer: %s", field, value).isTrue();
        }
        if (documented.contains("(UUIDs)")) {
            value.forEach(element -> assertThatCode(() -> UUID.fromString(element.asString()))
                    .as("%s holds UUIDs: %s", field, value).doesNotThrowAnyException());
        }
        if (documented.contains("(UUID)")) {
            assertThatCode(() -> UUID.fromString(value.asString())).as("%s is a UUID: %s", field, value)
                    .doesNotThrowAnyException();
        }
        if (documented.contains("(ISO-8601 instant)")) {
            assertThatCode(() -> Instant.parse(value.asString())).as("%s is an ISO-8601 instant: %s", field, value)
                    .doesNotThrowAnyException();
        }
    }

    /** One row of the events table, with the field table of its section. */
    record Entry(String name, String javaType, String module, int version, Map<String, String> fields) {

        List<String> fieldNames() {
            return List.copyOf(fields.keySet());
        }
    }

    /**
     * The two kinds of table in docs/events.md: the one whose first header cell is {@code Event} lists the events, one
     * per row; a table whose first header cell is {@code Field} lists the fields of the event named by the
     * {@code ## } heading above it. Cells may be wrapped in backticks; other tables and text are ignored.
     */
    record Catalogue(List<Entry> events, List<String> sectionsWithFields) {

        static Catalogue read(Path file) throws IOException {
            var rows = new ArrayList<List<String>>();
            var fieldsBySection = new LinkedHashMap<String, Map<String, String>>();
            String section = null;
            List<String> header = null;
            for (var line : Files.readAllLines(file)) {
                if (line.startsWith("## ")) {
                    section = line.substring(3).strip();
                    header = null;
                } else if (!line.startsWith("|")) {
                    header = null;
                } else if (header == null) {
                    header = cells(line);
                } else if (!line.matches("\\|[\\s|:-]+\\|?\\s*")) {
                    var cells = cells(line);
                    if (header.getFirst().equals("Event")) {
                        rows.add(cells);
                    } else if (header.getFirst().equals("Field")) {
                        var fields = fieldsBySection.computeIfAbsent(section, s -> new LinkedHashMap<>());
                        if (fields.put(cells.get(0), cells.get(1)) != null) {
                            throw new IllegalStateException("Field " + cells.get(0) + " listed twice under " + section);
                        }
                    }
                }
            }
            var events = rows.stream().map(cells -> new Entry(cells.get(0), cells.get(1), cells.get(2),
                    Integer.parseInt(cells.get(3)), fieldsBySection.getOrDefault(cells.get(0), Map.of()))).toList();
            return new Catalogue(events, List.copyOf(fieldsBySection.keySet()));
        }

        private static List<String> cells(String line) {
            var trimmed = line.strip();
            trimmed = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
            return Arrays.stream(trimmed.split("\\|", -1)).map(c -> c.strip().replace("`", "")).toList();
        }
    }
}
