/**
 * Seed files: small CSV value lists (names, cities, domains...) built in or supplied by the user.
 */
package dev.guise.mask.seed;
