package dev.guise.mask;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every mask Guise knows, by YAML name. To add a mask: write one class holding its {@code
 * DEFINITION} and implementation, add it to {@link #STANDARD} below, and give it a test.
 */
public final class MaskRegistry {
  private static final List<MaskDefinition> STANDARD =
      List.of(
          FromFixedMask.DEFINITION,
          FromColumnMask.DEFINITION,
          FromChoicesMask.DEFINITION,
          FromFileMask.DEFINITION,
          FromFormatStringMask.DEFINITION,
          FromBlobMask.DEFINITION,
          FromJsonPathMask.DEFINITION,
          SecureShuffleMask.DEFINITION,
          FromRandomTextMask.DEFINITION,
          ImitateMask.DEFINITION,
          TransformCaseMask.DEFINITION,
          AsciiIdentifierMask.DEFINITION,
          TakeSubstringMask.DEFINITION,
          ReplaceSubstringMask.DEFINITION,
          ReplaceRegexMask.DEFINITION,
          UnstructuredTextMask.DEFINITION,
          FromRandomNumberMask.DEFINITION,
          FromRandomBooleanMask.DEFINITION,
          NumericBucketMask.DEFINITION,
          FromRandomDateMask.DEFINITION,
          FromRandomDatetimeMask.DEFINITION,
          RetainAgeMask.DEFINITION,
          RetainYearMask.DEFINITION,
          RetainDateComponentMask.DEFINITION,
          CreditCardMask.DEFINITION,
          SocialSecurityNumberMask.DEFINITION,
          BrazilianCpfMask.DEFINITION,
          SetChecksumMask.DEFINITION,
          JsonMask.DEFINITION,
          XmlMask.DEFINITION,
          ConcatMask.DEFINITION,
          ChainMask.DEFINITION,
          TypecastMask.DEFINITION,
          DoNothingMask.DEFINITION,
          HashMask.DEFINITION,
          ImitateUniqueMask.DEFINITION,
          ImitateUuidMask.DEFINITION,
          FromUniqueMask.DEFINITION,
          ImitateNzIrdMask.DEFINITION,
          TokenizeMask.DEFINITION);

  /**
   * Mask names DataMasque deprecated, each with the mask that replaced it ("Masking Functions"
   * page: substitute, deprecated, use imitate). A ruleset using one still validates, with a warning
   * naming the replacement.
   */
  private static final Map<String, String> DEPRECATED =
      Map.of(
          "substitute",
          ImitateMask.NAME,
          // "Unique Masks" page: from_unique_imitate (deprecated) became imitate_unique
          "from_unique_imitate",
          ImitateUniqueMask.NAME);

  private static final MaskRegistry DEFAULT = new MaskRegistry(STANDARD, DEPRECATED);

  private final Map<String, MaskDefinition> byName;
  private final Map<String, String> deprecated;

  public MaskRegistry(List<MaskDefinition> definitions) {
    this(definitions, Map.of());
  }

  /**
   * @param deprecated old mask names, each mapped to the registered name that replaces it
   */
  public MaskRegistry(List<MaskDefinition> definitions, Map<String, String> deprecated) {
    Map<String, MaskDefinition> m = new LinkedHashMap<>();
    for (MaskDefinition d : definitions) {
      if (m.put(d.name(), d) != null) {
        throw new IllegalStateException("mask registered twice: " + d.name());
      }
    }
    this.byName = Collections.unmodifiableMap(m);
    for (Map.Entry<String, String> e : deprecated.entrySet()) {
      if (m.containsKey(e.getKey()) || !m.containsKey(e.getValue())) {
        throw new IllegalStateException("bad deprecated mask name: " + e);
      }
    }
    this.deprecated = Map.copyOf(deprecated);
  }

  public static MaskRegistry standard() {
    return DEFAULT;
  }

  public Optional<MaskDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The registered name that replaces a deprecated one; empty when the name is not deprecated. */
  public Optional<String> replacementOf(String deprecatedName) {
    return Optional.ofNullable(deprecated.get(deprecatedName));
  }

  /** Deprecated names and their replacements, sorted by old name. */
  public Map<String, String> deprecatedNames() {
    return new java.util.TreeMap<>(deprecated);
  }

  public Collection<MaskDefinition> all() {
    return byName.values();
  }
}
