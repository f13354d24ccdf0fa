// The page's side of the feedback loop: choice, form, comments, the message box, seen, a closed inbox, chart clicks.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@solidjs/testing-library';
import { DashboardPage } from '../../web/src/pages/dashboard';
import { clickValue } from '../../web/src/widgets/chart';
import type { DashboardView, WidgetView } from '../../web/src/api/types';
import { createFakeApi, sse, view } from './fake-api';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const opts = { backoffBaseMs: 20, backoffMaxMs: 40 };
const choice: WidgetView = {
  id: 'pick',
  kind: 'choice',
  title: 'Region',
  prompt: 'Which region next?',
  options: [
    { id: 'eu', label: 'Europe', description: 'EU and UK' },
    { id: 'us', label: 'Americas' },
  ],
};
const many: WidgetView = { id: 'channels', kind: 'choice', title: 'Channels', multiple: true, submitLabel: 'Pick these', options: [{ id: 'web', label: 'Web' }, { id: 'mail', label: 'Mail' }, { id: 'tv', label: 'TV' }] };
const form: WidgetView = {
  id: 'budget',
  kind: 'form',
  title: 'Budget',
  submitLabel: 'Send budget',
  fields: [
    { name: 'amount', label: 'Amount', type: 'number', required: true },
    { name: 'region', label: 'Region', type: 'select', options: ['EU', 'US'] },
    { name: 'start', label: 'Start', type: 'date' },
    { name: 'agree', label: 'I agree', type: 'checkbox', required: true },
  ],
};
const notes: WidgetView = { id: 'notes', kind: 'markdown', title: 'Notes', text: 'Some notes' };

async function page(widgets: WidgetView[], extra: Partial<DashboardView> = {}) {
  const api = createFakeApi();
  const r = render(() => <DashboardPage id="d1" api={api} options={opts} />);
  api.resolveDashboard({ ok: true, value: view(widgets, 1, extra) });
  await waitFor(() => expect(api.streams).toHaveLength(1));
  const stream = api.streams[0]!;
  stream.handlers.onOpen(200);
  stream.send(sse('snapshot', view(widgets, 1, extra), 1));
  await screen.findByRole('heading', { level: 1, name: 'Test board' });
  const widget = (id: string) => within(r.container.querySelector<HTMLElement>(`[data-widget-id="${id}"]`)!);
  const seen = (through: number) => stream.send(sse('inbox', { seenThrough: through }));
  return { api, stream, widget, seen, ...r };
}

describe('choice widget', () => {
  it('answers with a pick and the submit button, shows the answer as sent, then as seen once the assistant read it', async () => {
    const { api, widget, seen } = await page([{ ...choice, submitLabel: 'Book this one' }]);
    const americas = widget('pick').getByRole('button', { name: 'Americas' });
    // The description is read out as a description, not as part of the name.
    expect(widget('pick').getByRole('button', { name: 'Europe' }).getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(americas);
    // A pick alone sends nothing: the person confirms with the widget's own submit label.
    expect(americas.getAttribute('aria-pressed')).toBe('true');
    expect(api.sent).toHaveLength(0);
    fireEvent.click(widget('pick').getByRole('button', { name: 'Book this one' }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]).toEqual({ kind: 'choice', widget: 'pick', data: { selected: ['us'] }, viewer: expect.stringMatching(/^[a-z0-9]{10}$/) });
    await widget('pick').findByText('sent');
    expect(widget('pick').getByText('Your answer:', { exact: false }).parentElement!.textContent).toContain('Americas');
    expect(americas.getAttribute('aria-pressed')).toBe('true');
    seen(1);
    await widget('pick').findByText('seen');
    expect(widget('pick').queryByText('sent')).toBeNull();
  });

  it('with "submitOnSelect", sends a single choice on the click and shows no submit button', async () => {
    const { api, widget } = await page([{ ...choice, submitOnSelect: true }]);
    expect(widget('pick').queryByRole('button', { name: 'Submit' })).toBeNull();
    fireEvent.click(widget('pick').getByRole('button', { name: 'Europe' }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.data).toEqual({ selected: ['eu'] });
  });

  it('refuses a submit with nothing picked', async () => {
    const { api, widget } = await page([choice]);
    fireEvent.click(widget('pick').getByRole('button', { name: 'Submit' }));
    await widget('pick').findByRole('alert');
    expect(api.sent).toHaveLength(0);
  });

  it('ticks the boxes of the last answer on a fresh load (a reload), not only its text', async () => {
    const { stream, widget } = await page([many]);
    stream.send(sse('inbox', { full: true, seenThrough: 2, answers: [{ id: 2, at: '2026-07-01T10:00:00Z', widget: 'channels', kind: 'choice', data: { selected: ['web', 'tv'] }, viewer: 'someoneelse' }] }));
    await widget('channels').findByText('Last answer:', { exact: false });
    expect((widget('channels').getByRole('checkbox', { name: 'Web' }) as HTMLInputElement).checked).toBe(true);
    expect((widget('channels').getByRole('checkbox', { name: 'Mail' }) as HTMLInputElement).checked).toBe(false);
    expect((widget('channels').getByRole('checkbox', { name: 'TV' }) as HTMLInputElement).checked).toBe(true);
  });

  it('with "multiple", sends the ticked options with the submit button, and refuses none ticked', async () => {
    const { api, widget } = await page([many]);
    fireEvent.click(widget('channels').getByRole('button', { name: 'Pick these' }));
    await widget('channels').findByText('Pick at least one option.');
    expect(api.sent).toHaveLength(0);
    fireEvent.click(widget('channels').getByRole('checkbox', { name: 'Web' }));
    fireEvent.click(widget('channels').getByRole('checkbox', { name: 'TV' }));
    fireEvent.click(widget('channels').getByRole('button', { name: 'Pick these' }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]!.data).toEqual({ selected: ['web', 'tv'] });
    await widget('channels').findByText('Web, TV');
  });

  it('shows the last answer someone else with the link gave, from the live feed', async () => {
    const { stream, widget } = await page([choice]);
    stream.send(sse('inbox', { full: true, seenThrough: 3, answers: [{ id: 3, at: '2026-07-01T10:00:00Z', widget: 'pick', kind: 'choice', data: { selected: ['eu'] }, viewer: 'someoneelse' }] }));
    await widget('pick').findByText('Last answer:', { exact: false });
    expect(widget('pick').getByText('seen')).toBeTruthy();
    expect(widget('pick').getByRole('button', { name: 'Europe' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('form widget', () => {
  it('fills its fields with the last answer on a fresh load (a reload), not the defaults', async () => {
    const { stream, widget } = await page([form]);
    stream.send(sse('inbox', { full: true, seenThrough: 4, answers: [{ id: 4, at: '2026-07-01T10:00:00Z', widget: 'budget', kind: 'form', data: { values: { amount: 1200, region: 'US', agree: true } }, viewer: 'someoneelse' }] }));
    await widget('budget').findByText('Last answer:', { exact: false });
    expect((widget('budget').getByLabelText('Amount', { exact: false }) as HTMLInputElement).value).toBe('1200');
    expect((widget('budget').getByLabelText('Region', { exact: false }) as HTMLSelectElement).value).toBe('US');
    expect((widget('budget').getByLabelText('Start', { exact: false }) as HTMLInputElement).value).toBe('');
    expect((widget('budget').getByLabelText('I agree', { exact: false }) as HTMLInputElement).checked).toBe(true);
  });

  it('checks required fields in the page and sends nothing until they are filled', async () => {
    const { api, widget } = await page([form]);
    fireEvent.click(widget('budget').getByRole('button', { name: 'Send budget' }));
    await widget('budget').findByText('Amount is required');
    expect(widget('budget').getByText('I agree must be ticked')).toBeTruthy();
    const amount = widget('budget').getByLabelText('Amount', { exact: false });
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(amount);
    expect(api.sent).toHaveLength(0);
  });

  it('submits typed values: a number, a select option, a date and a tick', async () => {
    const { api, widget } = await page([form]);
    const w = widget('budget');
    fireEvent.input(w.getByLabelText('Amount', { exact: false }), { target: { value: '1200.5' } });
    fireEvent.change(w.getByLabelText('Region'), { target: { value: 'US' } });
    fireEvent.input(w.getByLabelText('Start'), { target: { value: '2026-09-01' } });
    fireEvent.click(w.getByLabelText('I agree', { exact: false }));
    fireEvent.click(w.getByRole('button', { name: 'Send budget' }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]).toMatchObject({ kind: 'form', widget: 'budget', data: { values: { amount: 1200.5, region: 'US', start: '2026-09-01', agree: true } } });
    await w.findByText('Amount: 1200.5 · Region: US · Start: 2026-09-01 · I agree: yes');
    // What was typed stays in the form after sending.
    expect((w.getByLabelText('Region') as HTMLSelectElement).value).toBe('US');
  });
});

describe('comments', () => {
  it('opens a textbox from the widget\'s Comment button, sends it for that widget and shows it sent, then seen', async () => {
    const { api, widget, seen } = await page([notes, choice]);
    const comment = widget('notes').getByRole('button', { name: 'Comment' });
    expect(comment.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(comment);
    const box = await widget('notes').findByRole('textbox', { name: 'Comment on Notes' });
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: 'Add the Q3 numbers <b>here</b>' } });
    fireEvent.click(widget('notes').getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]).toMatchObject({ kind: 'comment', widget: 'notes', data: { text: 'Add the Q3 numbers <b>here</b>' } });
    // The box closes; the comment shows as text (never HTML) with its state.
    await waitFor(() => expect(widget('notes').queryByRole('textbox')).toBeNull());
    expect(widget('notes').getByText('Add the Q3 numbers <b>here</b>')).toBeTruthy();
    expect(document.querySelector('[data-widget-id="notes"] b')).toBeNull();
    expect(widget('notes').getByText('sent')).toBeTruthy();
    seen(1);
    await widget('notes').findByText('seen');
  });
});

describe('message to the assistant', () => {
  it('sends with the Send button or Enter, clears the box, and marks each message seen once read', async () => {
    const { api, seen } = await page([notes]);
    const box = screen.getByRole('textbox', { name: 'Message to the assistant' });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Write a message first.');
    expect(api.sent).toHaveLength(0);

    fireEvent.input(box, { target: { value: '<img src=x onerror="alert(1)"> first' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(api.sent).toHaveLength(1));
    expect(api.sent[0]).toMatchObject({ kind: 'message', data: { text: '<img src=x onerror="alert(1)"> first' } });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));

    fireEvent.input(box, { target: { value: 'second' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(api.sent).toHaveLength(2));
    expect(screen.getByText('<img src=x onerror="alert(1)"> first')).toBeTruthy();
    expect(document.querySelector('.message-box img')).toBeNull();
    expect(screen.getAllByText('sent')).toHaveLength(2);

    seen(1);
    await screen.findByText('seen');
    expect(screen.getAllByText('sent')).toHaveLength(1);
    seen(2);
    await waitFor(() => expect(screen.getAllByText('seen')).toHaveLength(2));
  });

  it('shows the server\'s refusal and keeps the text to try again', async () => {
    const { api } = await page([notes]);
    api.answerFeedback = () => ({ ok: false, status: 429, message: 'Too many messages from this address: try again in 30 s.' });
    const box = screen.getByRole('textbox', { name: 'Message to the assistant' });
    fireEvent.input(box, { target: { value: 'hello?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Not sent: Too many messages from this address: try again in 30 s.');
    expect((box as HTMLTextAreaElement).value).toBe('hello?');
  });
});

describe('a closed inbox', () => {
  it('hides Comment and Send, disables answers with a note, and opens again live', async () => {
    const { stream, widget } = await page([notes, choice], { feedback: false });
    expect(screen.queryByRole('button', { name: 'Comment' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Message to the assistant' })).toBeNull();
    expect(screen.getByText(/not taking messages or answers/)).toBeTruthy();
    expect((widget('pick').getByRole('button', { name: 'Americas' }) as HTMLButtonElement).disabled).toBe(true);
    expect(widget('pick').getByText('Answers are closed on this dashboard.')).toBeTruthy();

    stream.send(sse('update', { revision: 2, title: 'Test board', theme: 'light', feedback: true, order: ['notes', 'pick'], changed: [], removed: [] }, 2));
    await screen.findByRole('textbox', { name: 'Message to the assistant' });
    expect(screen.getAllByRole('button', { name: 'Comment' })).toHaveLength(2);
    expect((widget('pick').getByRole('button', { name: 'Americas' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('chart clicks', () => {
  it('reduces a clicked value to what the server takes', () => {
    expect(clickValue(42)).toBe(42);
    expect(clickValue('x'.repeat(500))).toHaveLength(200);
    expect(clickValue([1, 'a', { deep: true }, 4])).toEqual([1, 'a', null, 4]);
    expect(clickValue({ name: 'slice', value: 7 })).toBe(7);
    expect(clickValue(Number.NaN)).toBeNull();
    expect(clickValue(undefined)).toBeNull();
  });
});
