// The release version, in a module of its own so the MCP and HTTP adapters need not import the CLI config.
export const VERSION = '0.1.0';
