package io.edumatrix.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.module.SimpleModule;

/**
 * What the application's JSON mapper accepts, for request bodies and stored events alike. Anything beyond these bounds
 * is rejected while parsing, as a malformed request, before it costs memory or reaches the database.
 */
@Configuration(proxyBeanMethods = false)
class JsonInputConfiguration {

    /**
     * Far above anything the API takes (its longest field is 4000 characters, its deepest document three levels), far
     * below Jackson's defaults (100 million characters a string, 500 levels, documents of any length).
     */
    static final int MAX_BODY_BYTES = 4_000_000;

    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(1_000_000)
            .maxDocumentLength(MAX_BODY_BYTES)
            .maxNestingDepth(64)
            .build();

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits() {
        return factory -> factory.streamReadConstraints(LIMITS);
    }

    /**
     * A whole number is whole: {@code 5.5} for an integer field (money's {@code amountMinor}, a rating, a version) is a
     * malformed request, not silently 5, as Jackson's default would have it.
     */
    @Bean
    JsonMapperBuilderCustomizer noFractionsForIntegers() {
        return mapper -> mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    @Bean
    JsonMapperBuilderCustomizer onlyStorableText() {
        return mapper -> mapper.addModule(new SimpleModule("storable-text")
                .addDeserializer(String.class, new StorableTextDeserializer()));
    }
}
