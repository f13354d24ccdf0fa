// The ceiling for GET /api/dashboard/:id: a bare Bun.serve answering the same JSON bytes from memory.
// bun run bench/peers/static-bytes.ts <file.json>   (prints "URL: http://127.0.0.1:<port>/")
const path = process.argv[2];
if (!path) throw new Error('usage: static-bytes.ts <file>');
const bytes = new Uint8Array(await Bun.file(path).arrayBuffer());
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: 0,
  fetch: () => new Response(bytes, { headers: { 'content-type': 'application/json', etag: '"1"', 'cache-control': 'no-store' } }),
});
console.log(`URL: http://127.0.0.1:${server.port}/`);
export {};
