// A JSON-RPC error as an HTTP response: the shape every /mcp refusal takes (status + { jsonrpc, error, id }).

export function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}, id: string | number | null = null): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
