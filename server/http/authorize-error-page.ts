// The page shown when an authorization request cannot be answered by redirecting back (unknown client, redirect URI
// not registered): a fixed explanation, every value escaped, no script, nothing that redirects.

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function authorizeErrorPage(message: string, status = 400): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="color-scheme" content="light dark"><title>mcpdash: cannot connect</title>
<style>body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1.5rem;line-height:1.5}
h1{font-size:1.4rem}p{color:#5b6577}@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}p{color:#9aa5b4}}</style>
</head><body><main><h1>This connection cannot be authorized</h1><p>${escapeHtml(message)}</p>
<p>Nothing was approved and you have not been sent anywhere. Start connecting again from the app that sent you here.</p></main></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
