package dev.guise.discovery;

import dev.guise.yaml.Location;
import java.util.List;
import java.util.Set;

/**
 * A keyword rule over column names: a column whose words contain one of {@code keywords} (or are
 * exactly one of {@code whole}), of one of {@code types}, in a table named like one of {@code
 * tables} when that is given, carries {@code label}. A rule that is not {@code sensitive} claims
 * names that only look sensitive ({@code company name}) so the longer match wins against them.
 *
 * @param keywords each a list of words; a word may also match the words run together
 */
record MetadataRule(
    String id,
    String label,
    List<String> classes,
    List<List<String>> keywords,
    List<List<String>> whole,
    Set<TypeFamily> types,
    List<String> tables,
    boolean sensitive,
    Location location) {

  /** Why a rule matched: the keyword and how much of the name it covers. */
  record Match(MetadataRule rule, String keyword, int words, int chars) {
    boolean beats(Match other) {
      return other == null || words > other.words || (words == other.words && chars > other.chars);
    }
  }

  /** The best match of this rule on a column, or null. */
  Match match(
      List<String> tokens, TypeFamily type, List<String> tableTokens, Set<String> qualifiers) {
    if (!types.contains(type)) {
      return null;
    }
    if (!tables.isEmpty()
        && tableTokens.stream().noneMatch(t -> tables.contains(NameTokens.singular(t)))) {
      return null;
    }
    Match best = null;
    for (List<String> w : whole) {
      if (w.equals(tokens) || (tokens.size() == 1 && joined(w).equals(tokens.get(0)))) {
        Match m = new Match(this, String.join(" ", w), w.size(), joined(w).length());
        best = m.beats(best) ? m : best;
      }
    }
    for (List<String> k : keywords) {
      Match m = matchKeyword(k, tokens, qualifiers);
      if (m != null && m.beats(best)) {
        best = m;
      }
    }
    return best;
  }

  private Match matchKeyword(List<String> k, List<String> tokens, Set<String> qualifiers) {
    String joined = joined(k);
    for (int i = 0; i < tokens.size(); i++) {
      int span = 0;
      if (i + k.size() <= tokens.size() && tokens.subList(i, i + k.size()).equals(k)) {
        span = k.size();
      } else if (tokens.get(i).equals(joined)) {
        span = 1;
      }
      if (span > 0 && !qualified(tokens, i, span, qualifiers)) {
        return new Match(this, span == 1 ? joined : String.join(" ", k), span, joined.length());
      }
    }
    return null;
  }

  /** A keyword's words run together, computed once per keyword (100,000 columns ask often). */
  private static final java.util.Map<List<String>, String> JOINED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String joined(List<String> words) {
    return JOINED.computeIfAbsent(words, w -> String.join("", w));
  }

  /** A word outside the match that makes the column a fact about the thing: email_sent. */
  private static boolean qualified(
      List<String> tokens, int from, int span, Set<String> qualifiers) {
    for (int i = 0; i < tokens.size(); i++) {
      if ((i < from || i >= from + span) && qualifiers.contains(tokens.get(i))) {
        return true;
      }
    }
    return false;
  }
}
