// The SPA files compiled into the binary (URL path -> embedded file). null outside a compiled build.
// scripts/build.ts swaps this module for the generated embedded-assets.generated.ts at compile time,
// so a plain `bun run` or test never needs the generated file to exist.
export const embeddedAssets: Record<string, string> | null = null;
