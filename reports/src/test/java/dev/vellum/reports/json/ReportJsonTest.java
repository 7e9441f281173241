package dev.vellum.reports.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vellum.reports.ReportException;
import dev.vellum.reports.model.ItemReport;
import dev.vellum.reports.support.SampleSignatures;
import dev.vellum.validation.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {
    private static final Schema SCHEMA = load();

    private static Schema load() {
        try (InputStream in = ReportJson.class.getResourceAsStream(ReportJson.SCHEMA_RESOURCE)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Error> validate(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    @Test
    void everySampleIsValidAgainstTheShippedSchema() {
        for (ItemReport item : SampleSignatures.get().all()) {
            String json = ReportJson.writeString(item.validation());
            assertThat(validate(json)).as(item.label()).isEmpty();
            assertThat(json).contains("\"version\" : 1");
        }
    }

    @Test
    void aReportReadBackIsTheSameReport() {
        for (ItemReport item : SampleSignatures.get().all()) {
            ValidationReport original = item.validation();
            ValidationReport back = ReportJson.read(ReportJson.write(original));
            // byte arrays make record equality useless for objects: compare the JSON and the main fields
            assertThat(ReportJson.writeString(back)).isEqualTo(ReportJson.writeString(original));
            assertThat(back.signatures()).hasSameSizeAs(original.signatures());
            assertThat(back.signatures().get(0)).isEqualTo(original.signatures().get(0));
            assertThat(back.objects()).hasSameSizeAs(original.objects());
            for (int i = 0; i < original.objects().size(); i++) {
                assertThat(back.objects().get(i).encoded()).isEqualTo(original.objects().get(i).encoded());
            }
            assertThat(back.overallIndication()).isEqualTo(original.overallIndication());
        }
    }

    @Test
    void theLtaSampleCarriesItsEvidence() {
        String json = ReportJson.writeString(SampleSignatures.get().validLta().validation());
        assertThat(json).contains("\"indication\" : \"TOTAL_PASSED\"", "\"type\" : \"ARCHIVE\"", "\"OCSP_RESPONSE\"")
                .contains(SampleSignatures.SIGNER_NAME);
    }

    @Test
    void theSchemaRejectsWhatReadersWouldMisread() {
        String json = ReportJson.writeString(SampleSignatures.get().revoked().validation());
        assertThat(validate(json.replace("\"subIndication\" : \"REVOKED_NO_POE\"", "\"subIndication\" : \"REVOKED_SOMEHOW\"")))
                .isNotEmpty();
        assertThat(validate(json.replace("\"version\" : 1", "\"version\" : 2"))).isNotEmpty();
        assertThat(validate(json.replaceFirst("\"validationTime\" : \"[^\"]+\"", "\"validationTime\" : \"yesterday\"")))
                .isNotEmpty();
        assertThat(validate(json.replace("\"signatures\" :", "\"signature\" :"))).isNotEmpty();
    }

    @Test
    void unknownVersionsAndGarbageAreRefusedWithAReason() {
        String json = ReportJson.writeString(SampleSignatures.get().tampered().validation());
        assertThatThrownBy(() -> ReportJson.read(json.replace("\"version\" : 1", "\"version\" : 7")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(ReportException.class).hasMessageContaining("version 7");
        assertThatThrownBy(() -> ReportJson.read("{\"report\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReportException.class).hasMessageContaining("no version");
        assertThatThrownBy(() -> ReportJson.read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ReportException.class);
    }
}
