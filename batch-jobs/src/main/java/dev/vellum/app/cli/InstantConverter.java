package dev.vellum.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** ISO-8601 instants for {@code --now} and {@code --at}: {@code 2031-05-01}, {@code 2031-05-01T12:00}, {@code ...Z}, {@code ...+02:00}. */
public final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException("'" + value + "' is not an ISO-8601 date or time "
                            + "(e.g. 2031-05-01 or 2031-05-01T12:00:00Z)");
                }
            }
        }
    }
}
