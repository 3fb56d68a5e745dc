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
          TakeSubstringMask.DEFINITION,
          ReplaceSubstringMask.DEFINITION,
          ReplaceRegexMask.DEFINITION,
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
          SetChecksumMask.DEFINITION,
          JsonMask.DEFINITION,
          XmlMask.DEFINITION,
          ConcatMask.DEFINITION,
          ChainMask.DEFINITION,
          TypecastMask.DEFINITION,
          DoNothingMask.DEFINITION,
          HashMask.DEFINITION);

  private static final MaskRegistry DEFAULT = new MaskRegistry(STANDARD);

  private final Map<String, MaskDefinition> byName;

  public MaskRegistry(List<MaskDefinition> definitions) {
    Map<String, MaskDefinition> m = new LinkedHashMap<>();
    for (MaskDefinition d : definitions) {
      if (m.put(d.name(), d) != null) {
        throw new IllegalStateException("mask registered twice: " + d.name());
      }
    }
    this.byName = Collections.unmodifiableMap(m);
  }

  public static MaskRegistry standard() {
    return DEFAULT;
  }

  public Optional<MaskDefinition> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public Collection<MaskDefinition> all() {
    return byName.values();
  }
}
