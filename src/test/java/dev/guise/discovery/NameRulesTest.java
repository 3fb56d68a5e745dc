package dev.guise.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guise.schema.CatalogColumn;
import dev.guise.schema.CatalogIndex;
import dev.guise.schema.CatalogTable;
import dev.guise.schema.ColumnCategory;
import dev.guise.schema.ForeignKey;
import dev.guise.schema.TableRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keyword rules on names alone: styles, qualifiers, types, foreign keys, table context. */
class NameRulesTest {
  @Test
  void tokensComeApartInEveryNamingStyle() {
    assertThat(NameTokens.of("emailAddress")).containsExactly("email", "address");
    assertThat(NameTokens.of("EMAIL_ADDR")).containsExactly("email", "addr");
    assertThat(NameTokens.of("e-mail")).containsExactly("e", "mail");
    assertThat(NameTokens.of("addressLine2")).containsExactly("address", "line", "2");
    assertThat(NameTokens.of("HTTPServerIP")).containsExactly("http", "server", "ip");
  }

  @Test
  void theBuiltInSetHasAtLeastNinetyRules() {
    assertThat(DiscoveryRules.builtin().size()).isGreaterThanOrEqualTo(90);
  }

  @Test
  void sensitiveNamesAreFoundAndLookAlikesAreNot() {
    List<String> flagged =
        labels(
            "people",
            col("emailAddress", ColumnCategory.TEXT),
            col("EMAIL_ADDR", ColumnCategory.TEXT),
            col("e_mail", ColumnCategory.TEXT),
            col("email_sent", ColumnCategory.BOOLEAN),
            col("email_verified", ColumnCategory.TEXT),
            col("ip_count", ColumnCategory.INTEGER),
            col("last_login_ip", ColumnCategory.TEXT),
            col("name_id", ColumnCategory.INTEGER),
            col("name", ColumnCategory.TEXT),
            col("company_name", ColumnCategory.TEXT),
            col("DOB", ColumnCategory.DATE),
            col("cardNo", ColumnCategory.TEXT));
    assertThat(flagged)
        .containsExactly(
            "emailAddress=email",
            "EMAIL_ADDR=email",
            "e_mail=email",
            "last_login_ip=ip_address",
            "name=full_name",
            "DOB=date_of_birth",
            "cardNo=card_number");
    // a bare 'name' is a person's only in a table of people
    assertThat(labels("products", col("name", ColumnCategory.TEXT))).isEmpty();
  }

  @Test
  void aForeignKeyIsNotFlaggedWhateverItsName() {
    CatalogColumn fk = col("email", ColumnCategory.TEXT);
    TableRef t = new TableRef("s", "orders");
    CatalogTable table =
        new CatalogTable(
            t,
            List.of(fk),
            List.of(),
            List.<CatalogIndex>of(),
            List.of(
                new ForeignKey(
                    "f", t, List.of("email"), new TableRef("s", "people"), List.of("email"))),
            List.of(),
            -1);
    DiscoveryReport r =
        new SensitiveDiscovery(DiscoveryRules.builtin(), -1, LocalDate.of(2026, 1, 1))
            .discover(null, null, List.of(table));
    assertThat(r.findings()).isEmpty();
  }

  private static CatalogColumn col(String name, ColumnCategory c) {
    return new CatalogColumn(name, c.name(), 0, 0, 0, true, c);
  }

  private static List<String> labels(String table, CatalogColumn... cols) {
    CatalogTable t =
        new CatalogTable(
            new TableRef("s", table),
            List.of(cols),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            -1);
    DiscoveryReport r =
        new SensitiveDiscovery(DiscoveryRules.builtin(), -1, LocalDate.of(2026, 1, 1))
            .discover(null, null, List.of(t));
    List<String> out = new ArrayList<>();
    r.findings().forEach(f -> out.add(f.column().name() + "=" + f.label()));
    return out;
  }
}
