/**
 * Ruleset YAML to an immutable model with source positions, and the diagnostics found on the way.
 * Task types are read through {@link dev.guise.ruleset.TaskReaders}; a rule's masks stay YAML
 * ({@link dev.guise.ruleset.MaskSpec}), since masks are built in plan, not here.
 */
package dev.guise.ruleset;
