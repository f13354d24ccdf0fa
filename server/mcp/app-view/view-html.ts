// The in-chat view's one HTML file compiled into the binary (a path Bun.file() can read). null outside a compiled
// build: scripts/build.ts swaps this module for view-html.generated.ts, so `bun run` and tests never need it.
export const viewHtmlFile: string | null = null;
