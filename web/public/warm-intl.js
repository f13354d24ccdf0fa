// Loaded by index.html as a tiny async script of its own: builds one formatter of each Intl kind the page uses
// while the app bundle is still on its way.
//
// Why: the first Intl formatter a renderer process builds costs ~30-60 ms of ICU (locale data) start-up, measured
// in headless Chromium on a 2-core machine; without this, the first metric card pays it inside the first render.
// ICU keeps what it loaded for the whole process, so later formatters take well under a millisecond. Over a real
// network (a tunnel) the main thread is idle while the bundle downloads and this costs nothing; on loopback the
// bundle arrives with it and the cost is only moved. If it runs late or not at all, nothing else changes.
new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1234.5);
new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(123456);
new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
new Intl.Collator(undefined, { numeric: true }).compare('a2', 'a10');
