import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { ConsolePage } from '../../web/src/pages/console';
import { createFakeApi } from './fake-api';
import { createFakeOwnerApi } from './fake-owner-api';

afterEach(cleanup);
const info = { name: 'mcpdash', version: '0.1.0', mcpUrl: 'https://dash.example/mcp', publicUrl: 'https://dash.example' };

describe('ConsolePage', () => {
  it('signed out: how to connect and a sign-in, no overview fetched and no titles', async () => {
    const owner = createFakeOwnerApi();
    const { container } = render(() => <ConsolePage api={createFakeApi(info)} owner={owner} />);
    await screen.findByRole('heading', { name: 'Owner sign-in' });
    await waitFor(() => expect(container.textContent).toContain('--header "Authorization: Bearer <token>"'));
    expect(container.textContent).not.toContain('Sales forecast');
    expect(owner.calls.some((c) => c.name === 'overview')).toBe(false);
  });

  it('signs in, lists dashboards, clients, tokens and data, and deletes only after a second click with the CSRF token', async () => {
    const owner = createFakeOwnerApi();
    render(() => <ConsolePage api={createFakeApi(info)} owner={owner} />);
    fireEvent.input(await screen.findByLabelText('Owner password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Sales forecast');
    expect(screen.getByText('Claude')).toBeTruthy();
    expect(screen.getByText('laptop')).toBeTruthy();
    expect(screen.getByText(/5\.0 MiB used of 1\.00 GiB/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Delete Sales forecast' }));
    expect(owner.calls.some((c) => c.name === 'deleteDashboard')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Really delete Sales forecast' }));
    await waitFor(() => expect(owner.calls.find((c) => c.name === 'deleteDashboard')?.args).toEqual(['session-csrf', '0b6f6a52-7b7e-4f55-9a5f-2d7e3b7f1a11']));

    fireEvent.click(screen.getByRole('button', { name: 'Revoke Claude' }));
    fireEvent.click(screen.getByRole('button', { name: 'Really revoke Claude' }));
    await waitFor(() => expect(owner.calls.find((c) => c.name === 'revokeClient')?.args).toEqual(['session-csrf', 'mcpd_c_1']));
  });

  it('signed in, still shows the MCP URL, the connect steps and the Claude Code commands', async () => {
    const owner = createFakeOwnerApi();
    const { container } = render(() => <ConsolePage api={createFakeApi(info)} owner={owner} />);
    fireEvent.input(await screen.findByLabelText('Owner password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Sales forecast');
    expect(screen.getByRole('heading', { name: 'MCP URL' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Connect Claude.ai' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy MCP URL' })).toBeTruthy();
    const mcpUrl = owner.state.session.mcpUrl;
    expect(container.textContent).toContain(`claude mcp add --transport http mcpdash ${mcpUrl}`);
    expect(container.textContent).toContain(`claude mcp add --transport http mcpdash ${mcpUrl} --header "Authorization: Bearer <token>"`);
  });

  it('shows a refused sign-in in the server\'s words', async () => {
    const owner = createFakeOwnerApi();
    owner.state.signIn = { ok: false, status: 429, message: 'Too many password attempts from this address; try again in 60 s.', retryAfterSeconds: 60 };
    render(() => <ConsolePage api={createFakeApi(info)} owner={owner} />);
    fireEvent.input(await screen.findByLabelText('Owner password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('try again in 60 s');
  });
});
