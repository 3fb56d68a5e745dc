/** The H2 dialect (the embedded default). */
package dev.guise.db.h2;
