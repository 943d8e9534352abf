package io.edumatrix.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edumatrix.platform.testing.UnitTest;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

@UnitTest
class MoneyTests {

    private final jakarta.validation.Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void whole_minor_units_of_a_known_currency_are_valid() {
        assertThat(validator.validate(Money.of(15_000, "EUR"))).isEmpty();
        assertThat(validator.validate(Money.of(0, "JPY"))).isEmpty();
    }

    @Test
    void a_negative_or_absurd_amount_and_an_unknown_or_lower_case_currency_are_refused_by_field() {
        assertThat(validator.validate(Money.of(-1, "EUR"))).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("amountMinor");
        assertThat(validator.validate(Money.of(Money.MAX_MINOR + 1, "EUR"))).hasSize(1);
        for (var currency : new String[] {"eur", "XYZ", "EURO", ""}) {
            assertThat(validator.validate(Money.of(1, currency))).as(currency)
                    .extracting(v -> v.getPropertyPath().toString()).containsExactly("currency");
        }
        assertThat(validator.validate(new Money(null, null))).hasSize(2);
    }

    @Test
    void amounts_compare_within_one_currency_only() {
        assertThat(Money.of(100, "EUR").compareAmount(Money.of(200, "EUR"))).isNegative();
        assertThatThrownBy(() -> Money.of(100, "EUR").compareAmount(Money.of(100, "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
