// The sandbox proxy page (served from the second origin), as the extension's reference host has it: announces
// itself, takes the view's HTML, writes it into an inner frame, and relays messages both ways.
export const SANDBOX_PROXY_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><style>html,body{margin:0;height:100%;overflow:hidden}iframe{border:0;width:100%;height:100%}</style></head>
<body><script>
const inner = document.createElement('iframe');
inner.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms');
document.body.append(inner);
window.addEventListener('message', (event) => {
  const data = event.data;
  if (event.source === window.parent) {
    if (data && data.method === 'ui/notifications/sandbox-resource-ready') {
      const params = data.params || {};
      if (params.sandbox) inner.setAttribute('sandbox', params.sandbox);
      inner.srcdoc = params.html;
      return;
    }
    inner.contentWindow && inner.contentWindow.postMessage(data, '*');
  } else if (event.source === inner.contentWindow) {
    window.parent.postMessage(data, '*');
  }
});
window.parent.postMessage({ jsonrpc: '2.0', method: 'ui/notifications/sandbox-proxy-ready', params: {} }, '*');
</script></body></html>`;
