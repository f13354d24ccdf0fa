import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library';
import { SetupPage } from '../../web/src/pages/setup';
import { createFakeOwnerApi } from './fake-owner-api';

afterEach(cleanup);

describe('SetupPage', () => {
  it('checks length and repetition before sending, then sends the code and goes to the console', async () => {
    const owner = createFakeOwnerApi();
    const visited: string[] = [];
    render(() => <SetupPage owner={owner} code="setup-code" navigate={(url) => visited.push(url)} />);
    const first = screen.getByLabelText(/New password/);
    const again = screen.getByLabelText('The same again');
    fireEvent.input(first, { target: { value: 'short' } });
    fireEvent.input(again, { target: { value: 'short' } });
    fireEvent.submit(first.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('at least 12');
    fireEvent.input(first, { target: { value: 'long enough one' } });
    fireEvent.input(again, { target: { value: 'long enough two' } });
    fireEvent.submit(first.closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('differ'));
    expect(owner.calls.some((c) => c.name === 'setup')).toBe(false);
    fireEvent.input(again, { target: { value: 'long enough one' } });
    fireEvent.submit(first.closest('form')!);
    await waitFor(() => expect(visited).toEqual(['/']));
    expect(owner.calls.find((c) => c.name === 'setup')?.args).toEqual(['setup-code', 'long enough one']);
  });

  it('says while typing that a short or common password is refused, and sends none of them', async () => {
    const owner = createFakeOwnerApi();
    render(() => <SetupPage owner={owner} code="setup-code" navigate={() => undefined} />);
    const first = screen.getByLabelText(/New password/);
    const rule = () => document.getElementById('new-password-rule')!.textContent;
    fireEvent.input(first, { target: { value: '12345678' } });
    expect(rule()).toContain('at least 12');
    fireEvent.input(first, { target: { value: 'Password1234!' } });
    expect(rule()).toContain('most common');
    fireEvent.input(screen.getByLabelText('The same again'), { target: { value: 'Password1234!' } });
    fireEvent.submit(first.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toContain('most common');
    expect(owner.calls.some((c) => c.name === 'setup')).toBe(false);
    fireEvent.input(first, { target: { value: 'three unrelated words' } });
    expect(rule()).toContain('can be used');
  });
});
