import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { ConsentPage } from '../../web/src/pages/consent';
import { consentDetails, createFakeOwnerApi } from './fake-owner-api';

afterEach(cleanup);

describe('ConsentPage', () => {
  it("shows the client's name as text, the redirect host, the password field and Approve/Deny", async () => {
    const owner = createFakeOwnerApi();
    const evil = '<img src=x onerror=alert(1)>Evil';
    owner.state.consent = { ok: true, value: consentDetails({ clientName: evil }) };
    const { container } = render(() => <ConsentPage owner={owner} requestId="req-1" navigate={() => undefined} />);
    await screen.findByText(evil);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('claude.ai')).toBeTruthy();
    expect(screen.getByLabelText('Owner password')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Deny' })).toBeTruthy();
  });

  it('approves with the page CSRF token and the typed password, then follows the redirect', async () => {
    const owner = createFakeOwnerApi();
    const visited: string[] = [];
    render(() => <ConsentPage owner={owner} requestId="req-1" navigate={(url) => visited.push(url)} />);
    fireEvent.input(await screen.findByLabelText('Owner password'), { target: { value: 'the password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(visited).toEqual(['https://claude.ai/api/mcp/auth_callback?code=c&state=s']));
    expect(owner.calls.find((c) => c.name === 'answerConsent')?.args).toEqual(['req-1', { csrf: 'page-csrf', decision: 'approve', password: 'the password' }]);
  });

  it('shows the refusal and stays on the page when the password is wrong', async () => {
    const owner = createFakeOwnerApi();
    owner.state.answer = { ok: false, status: 401, message: 'That is not the owner password.' };
    const visited: string[] = [];
    render(() => <ConsentPage owner={owner} requestId="req-1" navigate={(url) => visited.push(url)} />);
    fireEvent.input(await screen.findByLabelText('Owner password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That is not the owner password.');
    expect(visited).toEqual([]);
  });

  it('asks no password of a signed-in owner, and Deny answers deny', async () => {
    const owner = createFakeOwnerApi();
    owner.state.consent = { ok: true, value: consentDetails({ ownerSignedIn: true }) };
    render(() => <ConsentPage owner={owner} requestId="req-1" navigate={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Deny' }));
    expect(screen.queryByLabelText('Owner password')).toBeNull();
    await waitFor(() => expect(owner.calls.find((c) => c.name === 'answerConsent')?.args).toEqual(['req-1', { csrf: 'page-csrf', decision: 'deny' }]));
  });

  it('says so when the request expired or was answered', async () => {
    const owner = createFakeOwnerApi();
    owner.state.consent = { ok: false, status: 404, message: 'This authorization request has expired or was already answered.' };
    render(() => <ConsentPage owner={owner} requestId="old" navigate={() => undefined} />);
    expect((await screen.findByRole('alert')).textContent).toContain('expired or was already answered');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('names the command that approves from the server machine, and goes on by itself once it was run', async () => {
    const owner = createFakeOwnerApi();
    const visited: string[] = [];
    render(() => <ConsentPage owner={owner} requestId="req-1" navigate={(url) => visited.push(url)} pollMs={20} />);
    expect((await screen.findByText(/mcpdash owner approve/)).textContent).toBe('mcpdash owner approve K7QM-3XPA');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(visited).toEqual([]);
    owner.state.consent = { ok: true, value: { redirectTo: 'https://claude.ai/api/mcp/auth_callback?code=cli&state=s' } };
    await waitFor(() => expect(visited).toEqual(['https://claude.ai/api/mcp/auth_callback?code=cli&state=s']));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(visited).toHaveLength(1);
  });
});
