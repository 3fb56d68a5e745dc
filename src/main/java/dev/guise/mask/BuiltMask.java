package dev.guise.mask;

/**
 * A constructed mask with its YAML name, source position ({@code file:line:col}) and digest:
 * SHA-256 of its canonical definition and its place in the pipeline. The digest, not the table or
 * column, enters the seed, so one definition gives one mapping everywhere.
 */
public record BuiltMask(String name, Mask mask, byte[] digest, String location) {
  public Object apply(Object value, MaskContext ctx) {
    return mask.apply(value, ctx.forMask(this));
  }
}
