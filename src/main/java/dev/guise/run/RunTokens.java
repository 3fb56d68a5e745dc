package dev.guise.run;

import dev.guise.ErrorCode;
import dev.guise.GuiseException;
import dev.guise.db.ConnectionPool;
import dev.guise.db.Redact;
import dev.guise.db.TokenKeyTable;
import dev.guise.mask.BuiltMask;
import dev.guise.mask.TokenizeMask;
import dev.guise.plan.RulesetLoader;
import dev.guise.ruleset.ConditionalRule;
import dev.guise.ruleset.MaskTableTask;
import dev.guise.ruleset.Rule;
import dev.guise.ruleset.RuleItem;
import dev.guise.ruleset.Task;
import dev.guise.secret.TokenKey;
import dev.guise.secret.TokenKeys;
import dev.guise.secret.TokenRing;
import dev.guise.yaml.Diagnostic;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token keys of a run: every key its {@code tokenize} rules name, loaded before anything is
 * touched, and checked against the check values the target database recorded.
 */
final class RunTokens {
  private RunTokens() {}

  /**
   * Loads the keys the ruleset's tokenize rules name; a missing or unsafe key is an error naming
   * the first rule that uses it.
   */
  static TokenRing resolve(
      RulesetLoader.Result parsed, TokenKeys store, boolean reverse, List<Diagnostic> problems) {
    Map<String, String> uses = new LinkedHashMap<>();
    if (parsed.ruleset() != null) {
      collect(parsed.ruleset().tasks(), parsed, uses);
    }
    Map<String, TokenKey> keys = new LinkedHashMap<>();
    for (Map.Entry<String, String> use : uses.entrySet()) {
      try {
        keys.put(use.getKey(), store.get(use.getKey()));
      } catch (GuiseException e) {
        problems.add(Diagnostic.error("token-key", use.getValue(), e.getMessage()));
      }
    }
    return keys.isEmpty() ? TokenRing.NONE : new TokenRing(keys, reverse);
  }

  private static void collect(
      List<Task> tasks, RulesetLoader.Result parsed, Map<String, String> uses) {
    for (Task t : tasks) {
      if (t instanceof MaskTableTask m) {
        m.rules().forEach(r -> collect(r, parsed, uses));
      }
      collect(t.children(), parsed, uses);
    }
  }

  private static void collect(
      RuleItem item, RulesetLoader.Result parsed, Map<String, String> uses) {
    if (item instanceof Rule r) {
      for (BuiltMask m : parsed.pipelines().of(r).masks()) {
        if (m.mask() instanceof TokenizeMask t) {
          uses.putIfAbsent(t.keyName(), m.location());
        }
      }
    } else if (item instanceof ConditionalRule c) {
      c.rules().forEach(i -> collect(i, parsed, uses));
      c.elseRules().forEach(i -> collect(i, parsed, uses));
    }
  }

  /**
   * Compares the run's keys with the check values the database recorded. A key whose name the
   * database knows with another check value is refused (another key of the same name: its tokens
   * would not turn back); a tokenizing run that writes records its keys' check values first. A
   * re-identification of a key the database never recorded is a warning.
   */
  static List<Diagnostic> checkDatabase(
      ConnectionPool pool, TokenRing ring, boolean write, String runId, String now) {
    List<Diagnostic> out = new ArrayList<>();
    if (ring.keys().isEmpty()) {
      return out;
    }
    TokenKeyTable table = new TokenKeyTable(pool.dialect(), pool.config().guiseSchema());
    try (Connection c = pool.connection()) {
      if (write && !ring.reverse()) {
        table.ensure(c);
      }
      Map<String, String> recorded = table.checkValues(c);
      boolean inserted = false;
      for (TokenKey k : ring.keys().values()) {
        String known = recorded.get(k.name());
        String subject = pool.config().name() + " token key '" + k.name() + "'";
        if (known != null && !known.equalsIgnoreCase(k.checkValue())) {
          out.add(
              Diagnostic.error(
                  "wrong-token-key",
                  subject,
                  "this database was tokenized with another key of that name (fingerprint "
                      + known.substring(0, Math.min(16, known.length()))
                      + ", yours "
                      + k.fingerprint()
                      + "); use the key file of the host that tokenized it, nothing was touched"));
        } else if (known == null && ring.reverse()) {
          out.add(
              Diagnostic.warning(
                  "unchecked-token-key",
                  subject,
                  "no run tokenized this database with this key (nothing in "
                      + table.qualified()
                      + "), so the key cannot be checked; re-identified values are wrong if it is"
                      + " not the key that made the tokens"));
        } else if (known == null && write) {
          table.insert(c, k.name(), k.checkValue(), runId, now);
          inserted = true;
        }
      }
      if (inserted && out.stream().noneMatch(Diagnostic::isError)) {
        c.commit();
      } else {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new GuiseException(
          ErrorCode.DATABASE,
          pool.config().name()
              + " - cannot read or record token key check values in "
              + table.qualified()
              + ": "
              + Redact.sqlError(e),
          e);
    }
    return out;
  }
}
