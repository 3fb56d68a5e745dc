/**
 * Ruleset YAML to an immutable model with source positions, and the diagnostics found on the way.
 * Each task type is read by its {@link dev.guise.ruleset.TaskReader} (registered in exec's {@code
 * TaskKinds}); a rule's masks stay YAML ({@link dev.guise.ruleset.MaskSpec}), since masks are built
 * in plan, not here.
 */
package dev.guise.ruleset;
