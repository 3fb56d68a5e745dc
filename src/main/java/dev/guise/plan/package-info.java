/**
 * Ruleset plus live schema to the task graph a run executes; pure, no JDBC. {@link
 * dev.guise.plan.RulesetLoader} reads a ruleset and builds its masks; {@link
 * dev.guise.plan.Planner} plans each task type with its {@link dev.guise.plan.StepPlanner}
 * (registered in exec's {@code TaskKinds}).
 */
package dev.guise.plan;
