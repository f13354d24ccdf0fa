// The owner's side of an OAuth connection in real Chromium: open the authorization URL, type the password, click
// Approve, and catch where the browser is sent back (the client's callback is intercepted, not fetched).
import type { Browser } from 'playwright-core';

export interface ConsentOptions {
  password: string;
  /** The registered redirect URI: navigation to it is caught and its URL returned. */
  callback: string;
  /** Deny instead of approving. */
  deny?: boolean;
  /** Let the browser really load the callback (a local client listening there) instead of catching it. */
  deliver?: boolean;
}

export async function answerInBrowser(browser: Browser, authorizationUrl: string, options: ConsentOptions): Promise<URL> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    let arrived: (url: URL) => void = () => undefined;
    const callback = new Promise<URL>((resolve) => (arrived = resolve));
    const prefix = options.callback;
    if (options.deliver) {
      page.on('request', (request) => {
        if (request.isNavigationRequest() && request.url().startsWith(prefix)) arrived(new URL(request.url()));
      });
    } else {
      await page.route((url) => url.href.startsWith(prefix), async (route) => {
        arrived(new URL(route.request().url()));
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'back at the client' });
      });
    }
    await page.goto(authorizationUrl);
    if (!options.deny) await page.getByLabel('Owner password').fill(options.password);
    await page.getByRole('button', { name: options.deny ? 'Deny' : 'Approve', exact: true }).click();
    const url = await callback;
    if (options.deliver) await page.waitForLoadState('load');
    return url;
  } finally {
    await context.close();
  }
}
