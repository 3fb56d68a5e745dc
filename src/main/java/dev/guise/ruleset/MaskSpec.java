package dev.guise.ruleset;

import dev.guise.yaml.Location;
import dev.guise.yaml.YNode;
import java.util.List;

/**
 * A rule's {@code masks} as written: each mask's YAML with its position. The ruleset does not know
 * masks; plan builds the live pipeline from this, so ruleset never imports mask.
 *
 * @param location where the {@code masks} key is (the rule's position when it is missing), reported
 *     when the list is empty
 */
public record MaskSpec(List<YNode> items, Location location) {}
