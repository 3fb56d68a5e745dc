package dev.guise.db;

import dev.guise.schema.TableRef;
import java.util.List;

/**
 * A constraint the key path drops while it rewrites a key, and re-creates afterwards.
 *
 * @param name the constraint's (or index's) name as the engine stores it
 * @param columns its columns on {@code table}, in order
 * @param definition what follows {@code ADD CONSTRAINT name} in the engine's SQL ({@code PRIMARY
 *     KEY (id)}, {@code FOREIGN KEY (a) REFERENCES p (id) ON DELETE CASCADE}); for a unique index
 *     that backs no constraint, the engine's whole {@code CREATE UNIQUE INDEX} statement
 */
public record KeyConstraint(
    Kind kind, TableRef table, String name, List<String> columns, String definition) {
  /** What kind of constraint, named as the change manifest records it. */
  public enum Kind {
    FOREIGN_KEY("foreign_key"),
    PRIMARY_KEY("primary_key"),
    UNIQUE("unique"),
    UNIQUE_INDEX("unique_index");

    private final String manifestKind;

    Kind(String manifestKind) {
      this.manifestKind = manifestKind;
    }

    public String manifestKind() {
      return manifestKind;
    }
  }

  public KeyConstraint {
    columns = List.copyOf(columns);
  }

  /** {@code schema.table.name}, the manifest's object name. */
  public String objectName() {
    return table + "." + name;
  }
}
