// POST /api/dashboard/:id/feedback on the real app over HTTP: what is accepted, and every refusal storing nothing.
import { afterAll, describe, expect, test } from 'bun:test';
import type { Config } from '../../../../server/config.ts';
import { removeTempDirs, startAppsStoppedAfterEach, type TestApp } from '../../helpers/test-app.ts';
import { putWidgets, setDashboard } from '../../../../server/dashboard/edit.ts';
import { DEFAULT_LIMITS } from '../../../../server/dashboard/limits.ts';

afterAll(removeTempDirs);

const ID = '6f1c2a4e-8b3d-4f5a-9c7e-1d2b3a4c5e6f';
const WIDGETS = [
  { id: 'pick', kind: 'choice', options: [{ id: 'eu', label: 'Europe' }, { id: 'us', label: 'Americas' }] },
  {
    id: 'budget',
    kind: 'form',
    fields: [
      { name: 'amount', label: 'Amount', type: 'number', required: true },
      { name: 'region', label: 'Region', type: 'select', options: ['EU', 'US'] },
    ],
  },
  { id: 'sales', kind: 'chart', type: 'bar', x: ['Jan', 'Feb'], series: [{ name: '2026', data: [1, 2] }], clickable: true },
  { id: 'costs', kind: 'chart', type: 'bar', x: ['Jan', 'Feb'], series: [{ name: '2026', data: [1, 2] }] },
];
const viewer = 'viewer01';

const start = startAppsStoppedAfterEach();

async function setup(overrides: Partial<Config> = {}) {
  const app = await start(overrides);
  await app.app.dashboards.apply(ID, 'widget_put', (doc) => putWidgets(doc, WIDGETS, {}, DEFAULT_LIMITS), { createIfMissing: true });
  return app;
}

function post(app: TestApp, body: unknown, headers: Record<string, string> = {}, id = ID): Promise<Response> {
  return fetch(`${app.url}/api/dashboard/${id}/feedback`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: app.url, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Events stored so far (read with a cursor from the start, so nothing is marked read here). */
async function stored(app: TestApp) {
  return (await app.app.feedback.read(ID, { after: 0 })).events;
}

async function refused(response: Response, status: number, text: RegExp) {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.message).toMatch(text);
  return body.error;
}

describe('POST /api/dashboard/:id/feedback', () => {
  test('takes a message, a comment, a choice, a form and a click from the page, each with an increasing id', async () => {
    const app = await setup();
    const bodies = [
      { kind: 'message', data: { text: 'Looks good' }, viewer },
      { kind: 'comment', widget: 'sales', data: { text: 'Why is Feb up?' }, viewer },
      { kind: 'choice', widget: 'pick', data: { selected: ['us'] }, viewer },
      { kind: 'form', widget: 'budget', data: { values: { amount: 1200, region: 'EU' } }, viewer },
      { kind: 'click', widget: 'sales', data: { series: '2026', name: 'Feb', value: 2 }, viewer },
    ];
    const ids: number[] = [];
    for (const body of bodies) {
      const response = await post(app, body);
      expect(response.status).toBe(201);
      const answer = (await response.json()) as { id: number; at: string };
      expect(Number.isNaN(Date.parse(answer.at))).toBe(false);
      ids.push(answer.id);
    }
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect((await stored(app)).map((e) => [e.kind, e.widget, e.data])).toEqual(bodies.map((b) => [b.kind, b.widget, b.data]));
  });

  const refusals: [string, (app: TestApp) => Promise<Response>, number, RegExp][] = [
    ['from another origin', (app) => post(app, { kind: 'message', data: { text: 'hi' }, viewer }, { Origin: 'https://evil.example' }), 403, /not allowed/],
    [
      'from an origin allowed for MCP clients but not the page\'s own',
      (app) => post(app, { kind: 'message', data: { text: 'hi' }, viewer }, { Origin: 'https://claude.ai' }),
      403,
      /same origin/,
    ],
    [
      'without an Origin header',
      (app) =>
        fetch(`${app.url}/api/dashboard/${ID}/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ kind: 'message', data: { text: 'hi' }, viewer }),
        }),
      403,
      /same origin/,
    ],
    ['that is not JSON', (app) => post(app, 'text=hi', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, /JSON/],
    ['whose JSON does not parse', (app) => post(app, '{"kind": "message",'), 400, /not valid JSON/],
    ['over 16 KiB', (app) => post(app, { kind: 'message', data: { text: 'x'.repeat(17 * 1024) }, viewer }), 413, /16 KiB/],
    [
      'over 16 KiB without a Content-Length (streamed)',
      (app) =>
        fetch(`${app.url}/api/dashboard/${ID}/feedback`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: app.url },
          body: new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(`{"kind":"message","viewer":"${viewer}","data":{"text":"`));
              for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(1024)));
              controller.enqueue(new TextEncoder().encode('"}}'));
              controller.close();
            },
          }),
        }),
      413,
      /16 KiB/,
    ],
    ['with a form value of the wrong type', (app) => post(app, { kind: 'form', widget: 'budget', data: { values: { amount: 'lots' } }, viewer }), 400, /values\.amount: must be a number/],
    ['with a form missing a required field', (app) => post(app, { kind: 'form', widget: 'budget', data: { values: { region: 'EU' } }, viewer }), 400, /amount: is required/],
    ['with a select value not among its options', (app) => post(app, { kind: 'form', widget: 'budget', data: { values: { amount: 1, region: 'Mars' } }, viewer }), 400, /must be one of: EU, US/],
    ['with a field the form does not have', (app) => post(app, { kind: 'form', widget: 'budget', data: { values: { amount: 1, admin: true } }, viewer }), 400, /admin: is not a field/],
    ['with an option id the choice does not have', (app) => post(app, { kind: 'choice', widget: 'pick', data: { selected: ['mars'] }, viewer }), 400, /"mars" is not an option/],
    ['with two options for a one-pick choice', (app) => post(app, { kind: 'choice', widget: 'pick', data: { selected: ['eu', 'us'] }, viewer }), 400, /exactly one/],
    ['naming a widget that does not exist', (app) => post(app, { kind: 'comment', widget: 'ghost', data: { text: 'boo' }, viewer }), 400, /no widget "ghost"/],
    ['clicking a chart that is not clickable', (app) => post(app, { kind: 'click', widget: 'costs', data: { series: '2026', name: 'Jan', value: 1 }, viewer }), 400, /not a clickable chart/],
    [
      'nested deeper than the JSON bound (64)',
      (app) => post(app, `{"kind":"form","widget":"budget","viewer":"${viewer}","data":{"values":{"amount":1,"region":${'['.repeat(5000)}${']'.repeat(5000)}}}}`),
      400,
      /body\.data\.values\.region.*more than 64 levels deep/,
    ],
    ['with an unknown kind', (app) => post(app, { kind: 'vote', data: {}, viewer }), 400, /"kind" must be one of/],
    ['with fields of the wrong type', (app) => post(app, { kind: 'message', data: { text: 42 }, viewer }), 400, /data\.text: expected string/],
    ['with an empty message', (app) => post(app, { kind: 'message', data: { text: '   ' }, viewer }), 400, /is empty/],
    ['with extra fields', (app) => post(app, { kind: 'message', data: { text: 'hi' }, viewer, admin: true }), 400, /unknown field "admin"/],
    ['without a viewer id', (app) => post(app, { kind: 'message', data: { text: 'hi' } }), 400, /viewer/],
    ['for an unknown dashboard', (app) => post(app, { kind: 'message', data: { text: 'hi' }, viewer }, {}, '0b7d5f3e-1c2a-4b8d-9e6f-a1b2c3d4e5f6'), 404, /does not exist or has expired/],
    ['for a malformed dashboard id', (app) => post(app, { kind: 'message', data: { text: 'hi' }, viewer }, {}, 'not-an-id'), 404, /does not exist or has expired/],
  ];

  for (const [name, send, status, message] of refusals) {
    test(`refuses a request ${name} with ${status} and stores nothing`, async () => {
      const app = await setup({ allowedOrigins: ['https://claude.ai'] });
      await refused(await send(app), status, message);
      expect(await stored(app)).toEqual([]);
      expect(app.app.feedback.unread(app.app.dashboards.get(ID)!)).toBe(0);
    });
  }

  test('refuses everything on a closed inbox with 409 and a clear message, and stores nothing', async () => {
    const app = await setup();
    await app.app.dashboards.apply(ID, 'dashboard_set', (doc) => setDashboard(doc, { feedback: false }, DEFAULT_LIMITS));
    const error = await refused(await post(app, { kind: 'message', data: { text: 'hi' }, viewer }), 409, /closed answers and messages/);
    expect(error.code).toBe('feedback_closed');
    expect(await stored(app)).toEqual([]);
  });

  test('refuses an expired dashboard with 404 before the sweeper ran', async () => {
    const app = await setup({ ttlMs: 60_000 });
    app.clock.advance(61_000);
    await refused(await post(app, { kind: 'message', data: { text: 'hi' }, viewer }), 404, /does not exist or has expired/);
  });

  test('a flood from one address gets 429 with Retry-After, stores only what was allowed, and another address is still served', async () => {
    const app = await setup({ trustProxy: true });
    const from = (address: string, text: string) => post(app, { kind: 'message', data: { text }, viewer }, { 'X-Forwarded-For': address });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await from('203.0.113.7', `flood ${i}`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const limited = await from('203.0.113.7', 'one more');
    const retryAfter = Number(limited.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    await refused(limited, 429, /Too many messages/);
    expect(await stored(app)).toHaveLength(30);

    expect((await from('198.51.100.9', 'someone else')).status).toBe(201);
    expect((await stored(app)).at(-1)!.data.text).toBe('someone else');
  });
});
