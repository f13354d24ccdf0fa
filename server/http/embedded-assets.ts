// The SPA files compiled into the binary (URL path -> embedded file). null outside a compiled build.
// scripts/build.ts swaps this module for the generated embedded-assets.generated.ts at compile time,
// so a plain `bun run` or test never needs the generated file to exist.
export const embeddedAssets: Record<string, string> | null = null;
/** Gzip copies of the larger text files (URL path -> embedded .gz), served when the client accepts gzip. */
export const embeddedGzip: Record<string, string> | null = null;
