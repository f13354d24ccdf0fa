// The view's version as it introduces itself to the host (the build's package version).
declare const __MCPDASH_VERSION__: string | undefined;
export const VERSION_LABEL = typeof __MCPDASH_VERSION__ === 'string' ? __MCPDASH_VERSION__ : '0.0.0';
