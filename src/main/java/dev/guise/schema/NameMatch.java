package dev.guise.schema;

/**
 * How one written part of a name matched the names a database holds.
 *
 * @param name the real name it matched, or null
 * @param problem why nothing matched when the cause is worth telling (several names differ only in
 *     case, or a quoted name differs in case from a real one), beginning with {@code "; "} so it
 *     follows a message; null when it matched or simply names nothing
 */
public record NameMatch(String name, String problem) {
  public boolean found() {
    return name != null;
  }
}
