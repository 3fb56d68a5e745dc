/** Schema and sensitive-data discovery (later issue). */
package dev.guise.discovery;
