package io.edumatrix.platform.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/**
 * An amount of money: a whole number of the currency's minor units (cents for EUR, yen for JPY) and an ISO 4217 code,
 * never a floating-point number. Over HTTP it is {@code {"amountMinor": 15000, "currency": "EUR"}}; with
 * {@code @Valid} on the field that holds it, a negative amount or an unknown currency is a 400 naming the field
 * ({@code budgetMin.currency}). In a table it is two columns, {@code <name>_minor bigint} and
 * {@code <name>_currency char(3)}.
 */
public record Money(
        @NotNull @PositiveOrZero @Max(MAX_MINOR) Long amountMinor,
        @NotNull @Iso4217 String currency) {

    /** A trillion major units of a two-decimal currency: far beyond any price here, far inside a bigint. */
    public static final long MAX_MINOR = 100_000_000_000_000L;

    public static Money of(long amountMinor, String currency) {
        return new Money(amountMinor, currency);
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    /** Compares amounts of one currency; amounts of two currencies have no order here (no exchange rates). */
    public int compareAmount(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("Cannot compare " + currency + " with " + other.currency);
        }
        return Long.compare(amountMinor, other.amountMinor);
    }

    /** An active ISO 4217 code in upper case, such as EUR or JPY. */
    @Documented
    @Constraint(validatedBy = Iso4217.Validator.class)
    @Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Iso4217 {

        String message() default "must be an ISO 4217 currency code in upper case, such as EUR";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Validator implements ConstraintValidator<Iso4217, String> {

            @Override
            public boolean isValid(String code, ConstraintValidatorContext context) {
                if (code == null) {
                    return true;
                }
                if (!code.matches("[A-Z]{3}")) {
                    return false;
                }
                return Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
            }
        }
    }
}
